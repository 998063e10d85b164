package org.boucle.marketplace.inventory;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.boucle.marketplace.catalog.ListingView;
import org.boucle.marketplace.catalog.Listings;
import org.boucle.marketplace.inventory.Forecasts.Grouping;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.inventory.source.ExportReader;
import org.boucle.marketplace.inventory.source.MappedField;
import org.boucle.marketplace.inventory.source.SourceFormat;
import org.boucle.marketplace.inventory.source.UnreadableExportException;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.JsonText;
import org.boucle.marketplace.platform.MapProperties;
import org.boucle.marketplace.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The donor's inventory page and the coordinator's territory dashboard. */
@Controller
@RequestMapping("/inventory")
class InventoryPageController {

    private static final int MONTHS = 24;
    private static final List<String> BANDS = List.of("0-2", "2-4", "4-6", "6-8", "8+", "unknown");

    private final Inventories inventories;
    private final Forecasts forecasts;
    private final Organizations organizations;
    private final ExportReader reader;
    private final MapProperties map;
    private final JsonText json;
    private final MessageSource messages;
    private final InventoryCsv csv;
    private final Listings listings;

    InventoryPageController(Inventories inventories, Forecasts forecasts, Organizations organizations, ExportReader reader,
            MapProperties map, JsonText json, MessageSource messages, InventoryCsv csv, Listings listings) {
        this.messages = messages;
        this.listings = listings;
        this.csv = csv;
        this.inventories = inventories;
        this.forecasts = forecasts;
        this.organizations = organizations;
        this.reader = reader;
        this.map = map;
        this.json = json;
    }

    @GetMapping
    String donor(@RequestParam(required = false) UUID organizationId, Actor actor, Model model) {
        if (organizationId == null && !actor.hasRole(OrganizationRole.DONOR)) {
            if (actor.isCoordinator()) {
                return "redirect:/inventory/territory";
            }
            throw new AccessDeniedException("Inventories are for donors and coordinators");
        }
        UUID donor = organizationId == null ? actor.organizationId() : organizationId;
        YearMonth from = forecasts.thisMonth();
        model.addAttribute("donor", organizations.summary(donor));
        model.addAttribute("scope", organizationId == null ? "" : "?organizationId=" + organizationId);
        addPark(model, forecasts.park(actor, donor));
        addForecastChart(model, forecasts.forecast(actor, donor, from, from.plusMonths(MONTHS - 1),
                Forecasts.grouping("month,category")), from);
        model.addAttribute("lots", forecasts.lots(actor, donor, from, from.plusMonths(11)));
        model.addAttribute("published", listings.publishedLots(actor, donor));
        model.addAttribute("mayPublish", actor.isCoordinator() || actor.hasRole(OrganizationRole.DONOR));
        model.addAttribute("imports", inventories.history(actor, donor));
        model.addAttribute("mappings", inventories.mappings(actor, donor));
        model.addAttribute("policy", inventories.policy(actor, donor));
        model.addAttribute("defaults", inventories.defaultPolicy());
        model.addAttribute("formats", SourceFormat.values());
        return "inventory";
    }

    /**
     * Lists an upcoming lot in the catalogue, or updates its listing. htmx gets the lot's row back; without it, the
     * page (with the error next to the lot, and the price as typed, when the price is refused).
     */
    @PostMapping("/lots/publish")
    String publishLot(@RequestParam(required = false) UUID organizationId, @RequestParam String lotId,
            @RequestParam(required = false) String unitPrice, @RequestParam(defaultValue = "false") boolean donation,
            Actor actor, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        UUID donor = organizationId == null ? actor.organizationId() : organizationId;
        UpcomingLot lot = lot(actor, donor, lotId);
        ListingView listing = null;
        try {
            listing = listings.publishUpcomingLot(actor, lot.id(), donation ? null : price(unitPrice), null);
        } catch (InvalidInputException e) {
            model.addAttribute("publishError", e.getMessage());
            model.addAttribute("priceValue", unitPrice);
            model.addAttribute("lotWithError", lot.id());
        }
        String scope = organizationId == null ? "" : "?organizationId=" + organizationId;
        if (htmx == null) {
            return listing != null ? "redirect:/inventory" + scope + "#lots" : donor(organizationId, actor, model);
        }
        Map<String, ListingView> published = new HashMap<>(listings.publishedLots(actor, donor));
        if (listing != null) {
            published.put(lot.id(), listing);
            model.addAttribute("justPublished", true);
        }
        model.addAttribute("l", lot);
        model.addAttribute("published", published);
        model.addAttribute("mayPublish", true);
        model.addAttribute("scope", scope);
        return "inventory :: lotRow";
    }

    private UpcomingLot lot(Actor actor, UUID donor, String lotId) {
        String[] parts = lotId.split(":");
        YearMonth month;
        try {
            month = YearMonth.parse(parts.length == 4 ? parts[2] : "");
        } catch (DateTimeParseException e) {
            throw new NotFoundException("lot", lotId);
        }
        return forecasts.lots(actor, donor, month, month).stream().filter(l -> l.id().equals(lotId)).findFirst()
                .orElseThrow(() -> new NotFoundException("lot", lotId));
    }

    /** A price as people type it: "120", "120,50", "120.50 €"; blank is no price at all, which needs "donation". */
    private BigDecimal price(String text) {
        String cleaned = text == null ? "" : text.replaceAll("[\\s\\u00a0\\u202f€]", "").replace(',', '.');
        if (cleaned.isEmpty()) {
            throw new InvalidInputException("unitPrice", message("catalog.error.priceRequired"));
        }
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("unitPrice", message("catalog.error.number"));
        }
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    @GetMapping("/territory")
    String territory(Actor actor, Model model) {
        requireCoordinator(actor);
        YearMonth from = forecasts.thisMonth();
        YearMonth to = from.plusMonths(MONTHS - 1);
        addPark(model, forecasts.park(actor, null));
        addForecastChart(model, forecasts.forecast(actor, null, from, to, Forecasts.grouping("month,category")), from);
        List<ForecastRow> byCommune = forecasts.forecast(actor, null, from, to, Set.of(Grouping.COMMUNE));
        model.addAttribute("byCommune", byCommune);
        model.addAttribute("byDonor", forecasts.forecast(actor, null, from, to, Set.of(Grouping.DONOR)));
        model.addAttribute("mapJson", json.write(organizations.communes().stream()
                .flatMap(c -> byCommune.stream().filter(r -> c.inseeCode().equals(r.communeCode()))
                        .map(r -> Map.of("name", c.name(), "lat", c.centre().latitude(), "lon", c.centre().longitude(),
                                "quantity", r.quantity())))
                .toList()));
        model.addAttribute("tileUrl", map.tileUrl());
        model.addAttribute("attribution", map.attribution());
        return "inventory-territory";
    }

    @PostMapping("/imports")
    String startImport(@RequestParam(required = false) UUID organizationId, @RequestParam MultipartFile file,
            @RequestParam String format, @RequestParam(defaultValue = "all-or-nothing") String mode,
            @RequestParam(required = false) UUID mappingId, Actor actor, Model model) throws IOException {
        SourceFormat sourceFormat = SourceFormat.fromCode(format)
                .orElseThrow(() -> new InvalidInputException("format", "Unknown format " + format));
        ImportMode importMode = ImportMode.fromCode(mode).orElse(ImportMode.ALL_OR_NOTHING);
        try (InputStream content = file.getInputStream()) {
            UUID id = inventories.startImport(actor, new Inventories.ImportRequest(organizationId, sourceFormat, importMode,
                    mappingId, file.getOriginalFilename()), content);
            model.addAttribute("run", inventories.importStatus(actor, id));
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "inventory :: progress";
    }

    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("run", inventories.importStatus(actor, id));
        return "inventory :: progress";
    }

    @GetMapping("/imports/{id}/errors.csv")
    void errorReport(@PathVariable UUID id, Actor actor, HttpServletResponse response) throws IOException {
        csv.errors(actor, id, response);
    }

    @PostMapping("/policy")
    String updatePolicy(@RequestParam(required = false) UUID organizationId, @RequestParam Map<String, String> form,
            Actor actor) {
        Map<Category, Integer> lifetimes = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            String value = form.get("lifetime_" + category.name());
            if (value != null && !value.isBlank()) {
                try {
                    lifetimes.put(category, Integer.parseInt(value.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(category.name(), "Not a number of months: " + value);
                }
            }
        }
        inventories.updatePolicy(actor, organizationId, lifetimes);
        return "redirect:/inventory" + (organizationId == null ? "" : "?organizationId=" + organizationId) + "#policy";
    }

    /** Step 1 of a mapping: the user uploads a sample of their spreadsheet and sees its columns. */
    @PostMapping("/mappings/preview")
    String previewMapping(@RequestParam(required = false) UUID organizationId, @RequestParam MultipartFile file,
            @RequestParam String format, Model model) throws IOException {
        SourceFormat sourceFormat = SourceFormat.fromCode(format).filter(SourceFormat::needsMapping)
                .orElseThrow(() -> new InvalidInputException("format", "Mappings are for csv and xlsx files"));
        try (InputStream content = file.getInputStream()) {
            model.addAttribute("preview", reader.preview(sourceFormat, content, 5));
            model.addAttribute("fields", MappedField.values());
        } catch (UnreadableExportException e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("organizationId", organizationId);
        return "inventory :: mapping";
    }

    /** Step 2: the user said which column holds which field. */
    @PostMapping("/mappings")
    String saveMapping(@RequestParam(required = false) UUID organizationId, @RequestParam String name,
            @RequestParam Map<String, String> form, Actor actor) {
        Map<MappedField, String> columns = new EnumMap<>(MappedField.class);
        for (MappedField field : MappedField.values()) {
            String column = form.get("field_" + field.name());
            if (column != null && !column.isBlank()) {
                columns.put(field, column);
            }
        }
        inventories.saveMapping(actor, organizationId, new NewMapping(name, columns));
        return "redirect:/inventory" + (organizationId == null ? "" : "?organizationId=" + organizationId) + "#import";
    }

    @GetMapping("/export/{table}.csv")
    void export(@PathVariable String table, @RequestParam(required = false) UUID organizationId, Actor actor,
            HttpServletResponse response) throws IOException {
        YearMonth from = forecasts.thisMonth();
        YearMonth to = from.plusMonths(MONTHS - 1);
        switch (table) {
            case "park" -> csv.park(actor, organizationId, response);
            case "forecast" -> csv.forecast(actor, organizationId, from, to, Forecasts.grouping("month,category,commune"), response);
            case "lots" -> csv.lots(actor, organizationId, from, to, response);
            case "imports" -> csv.imports(actor, organizationId, response);
            case "donors" -> {
                requireCoordinator(actor);
                csv.forecast(actor, null, from, to, Set.of(Grouping.DONOR), response);
            }
            default -> throw new NotFoundException("export", table);
        }
    }

    private void addPark(Model model, List<ParkRow> rows) {
        Map<String, Map<String, Long>> pivot = new TreeMap<>();
        rows.forEach(r -> pivot.computeIfAbsent(r.category(), c -> new TreeMap<>()).put(r.ageBand(), r.quantity()));
        model.addAttribute("park", pivot);
        model.addAttribute("bands", BANDS);
        model.addAttribute("parkTotal", rows.stream().mapToLong(ParkRow::quantity).sum());
    }

    private void addForecastChart(Model model, List<ForecastRow> rows, YearMonth from) {
        List<String> months = java.util.stream.IntStream.range(0, MONTHS).mapToObj(i -> from.plusMonths(i).toString()).toList();
        Map<String, long[]> series = new TreeMap<>();
        rows.forEach(r -> series.computeIfAbsent(r.category(), c -> new long[MONTHS])[months.indexOf(r.month())] += r.quantity());
        model.addAttribute("forecastJson", json.write(Map.of("months", months, "series", series)));
        Map<String, String> labels = new TreeMap<>();
        for (Category category : Category.values()) {
            labels.put(category.name(), messages.getMessage("category." + category.name(), null, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("categoryLabels", json.write(labels));
        model.addAttribute("forecastRows", rows);
        model.addAttribute("forecastTotal", rows.stream().mapToLong(ForecastRow::quantity).sum());
    }

    private static void requireCoordinator(Actor actor) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Coordinators only");
        }
    }
}
