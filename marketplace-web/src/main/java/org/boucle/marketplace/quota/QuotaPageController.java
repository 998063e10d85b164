package org.boucle.marketplace.quota;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.boucle.marketplace.inventory.source.InvalidValue;
import org.boucle.marketplace.inventory.source.Values;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.CsvExport;
import org.boucle.marketplace.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The quota dashboard: a public buyer's year against its minimums, with its purchases, budget and declaration;
 * coordinators start from the territory's table and open any buyer's dashboard.
 */
@Controller
@RequestMapping("/quota")
class QuotaPageController {

    private static final int FIRST_YEAR = 2021;

    private final Quotas quotas;
    private final QuotaRules rules;
    private final PurchaseImports imports;
    private final PublicBuyers buyers;
    private final Declaration declaration;
    private final ObjectMapper json;
    private final MessageSource messages;

    QuotaPageController(Quotas quotas, QuotaRules rules, PurchaseImports imports, PublicBuyers buyers,
            Declaration declaration, ObjectMapper json, MessageSource messages) {
        this.quotas = quotas;
        this.rules = rules;
        this.imports = imports;
        this.buyers = buyers;
        this.declaration = declaration;
        this.json = json;
        this.messages = messages;
    }

    /** One minimum as the page draws it: its figures, its chart's data and where to buy what is missing. */
    record Card(QuotaStatus.CategoryStatus status, String chart, String catalogLink, boolean countsReuse,
            String budgetValue, String budgetError) {
    }

    @GetMapping
    String dashboard(Actor actor, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) UUID imported, Model model) {
        PublicBuyers.requireQuotaActor(actor);
        if (organizationId == null && actor.isCoordinator() && !actor.hasRole(OrganizationRole.PUBLIC_BUYER)) {
            model.addAttribute("territory", quotas.territory(actor, year));
            model.addAttribute("years", years());
            return "quota-territory";
        }
        if (imported != null) {
            PurchaseImports.PurchaseImport done = imports.detail(actor, imported).purchaseImport();
            model.addAttribute("importedMessage", message("quota.imported", done.rows(), done.fileName()));
        }
        return page(actor, organizationId, year, model, Map.of());
    }

    @PostMapping("/purchases")
    String importPurchases(Actor actor, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) MultipartFile file,
            Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("importError", message("quota.import.noFile"));
            return page(actor, organizationId, year, model, Map.of());
        }
        try (InputStream content = file.getInputStream()) {
            PurchaseImports.PurchaseImport done = imports.importFile(actor, organizationId, file.getOriginalFilename(),
                    content);
            return "redirect:" + address(organizationId, year).queryParam("imported", done.id()).toUriString();
        } catch (PurchaseImports.RejectedFileException e) {
            model.addAttribute("importError", e.errors().isEmpty() ? e.getMessage()
                    : message("quota.import.rejected", e.errors().size()));
            model.addAttribute("importErrors", e.errors());
        } catch (PurchaseImports.DuplicateFileException e) {
            model.addAttribute("importError", message("quota.import.duplicate"));
        }
        return page(actor, organizationId, year, model, Map.of());
    }

    @PostMapping("/purchases/{id}/delete")
    String deleteImport(Actor actor, @PathVariable UUID id, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year) {
        imports.delete(actor, id);
        return "redirect:" + address(organizationId, year).fragment("purchases").toUriString();
    }

    @PostMapping("/budget")
    String plan(Actor actor, @RequestParam(required = false) UUID organizationId, @RequestParam int year,
            @RequestParam String category, @RequestParam(defaultValue = "") String plannedSpend, Model model) {
        BigDecimal amount = plannedSpend.isBlank() ? null : amount(plannedSpend);
        if (amount != null || plannedSpend.isBlank()) {
            try {
                quotas.plan(actor, organizationId, year, category, amount);
                return "redirect:" + address(organizationId, year).fragment("category-" + category).toUriString();
            } catch (InvalidInputException e) {
                if (!"plannedSpend".equals(e.field())) {
                    throw e;
                }
            }
        }
        return page(actor, organizationId, year, model, Map.of(category, plannedSpend));
    }

    @GetMapping("/declaration.csv")
    void declarationCsv(Actor actor, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        QuotaStatus status = quotas.status(actor, organizationId, year);
        try (CsvExport csv = CsvExport.to(response, Declaration.fileName(status, "csv"))) {
            declaration.csv(status, csv);
        }
    }

    @GetMapping("/declaration.pdf")
    ResponseEntity<byte[]> declarationPdf(Actor actor, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year) {
        QuotaStatus status = quotas.status(actor, organizationId, year);
        return QuotaApiController.pdf(status, declaration.pdf(status));
    }

    /**
     * @param typedBudgets budgets as typed that were refused, by category, to show again next to their error
     */
    private String page(Actor actor, UUID organizationId, Integer year, Model model, Map<String, String> typedBudgets) {
        QuotaStatus status = quotas.status(actor, organizationId, year);
        boolean currentYear = status.year() == quotas.currentYear();
        int lastMonth = currentYear ? quotas.today().getMonthValue() : 12;
        QuotaRuleSet ruleSet = rules.forYear(status.year()).orElse(null);
        List<Card> cards = new ArrayList<>();
        for (QuotaStatus.CategoryStatus c : status.categories()) {
            boolean countsReuse = c.origins().contains(Origin.REUSE);
            List<String> boucleCategories = ruleSet == null ? List.of() : ruleSet.boucleCategoriesOf(c.category());
            String link = countsReuse && !boucleCategories.isEmpty() ? catalogLink(boucleCategories) : null;
            String typed = typedBudgets.get(c.category());
            cards.add(new Card(c, chart(c, lastMonth), link, countsReuse,
                    typed != null ? typed : c.plannedSpend() == null ? "" : c.plannedSpend().toPlainString().replace('.', ','),
                    typed != null ? message("quota.budget.error") : null));
        }
        model.addAttribute("status", status);
        model.addAttribute("cards", cards);
        model.addAttribute("imports", imports.imports(actor, status.organizationId()));
        model.addAttribute("scope", organizationId == null ? null : organizationId);
        model.addAttribute("years", years());
        model.addAttribute("buyers", actor.isCoordinator() ? buyers.all() : List.of());
        model.addAttribute("columns", String.join(",", PurchaseFile.COLUMNS));
        model.addAttribute("months", lastMonth);
        return "quota";
    }

    /** The chart's data: the cumulative share month by month (up to the current month) against the minimum, in %. */
    private String chart(QuotaStatus.CategoryStatus c, int lastMonth) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("months", IntStream.rangeClosed(1, 12).mapToObj(m -> message("quota.month." + m)).toList());
        List<BigDecimal> shares = new ArrayList<>();
        for (QuotaStatus.Month month : c.byMonth()) {
            shares.add(month.month() > lastMonth || month.share() == null ? null : month.share().movePointRight(2));
        }
        data.put("share", shares);
        data.put("minimum", c.minimumShare().movePointRight(2));
        data.put("labels", Map.of("share", message("quota.chart.share"), "minimum", message("quota.chart.minimum")));
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalogue filtered on the Boucle categories that count toward the minimum. */
    private static String catalogLink(List<String> categories) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/catalog");
        categories.forEach(category -> link.queryParam("category", category));
        return link.toUriString();
    }

    private static UriComponentsBuilder address(UUID organizationId, Integer year) {
        UriComponentsBuilder address = UriComponentsBuilder.fromPath("/quota");
        if (organizationId != null) {
            address.queryParam("organizationId", organizationId);
        }
        if (year != null) {
            address.queryParam("year", year);
        }
        return address;
    }

    private List<Integer> years() {
        return IntStream.rangeClosed(FIRST_YEAR, quotas.currentYear() + 1).boxed()
                .sorted(Comparator.reverseOrder()).toList();
    }

    /** An amount as people type it (12000, 12 000, 12 000,50 €), as the purchases files read it; null if not one. */
    private static BigDecimal amount(String typed) {
        try {
            return Values.decimal(typed.strip());
        } catch (InvalidValue e) {
            return null;
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
