package org.boucle.marketplace.inventory.source;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes realistic, seeded inventory exports, as GLPI, Snipe-IT or a spreadsheet would produce them, for the demo
 * territory and the import benchmark. The same seed, donor and reference date always give the same assets; CSV
 * and JSON files are byte for byte the same, XLSX files the same cells (the ZIP records its write time).
 *
 * <p>Each donor's park mixes about 45% laptops, 20% desktops, 20% screens, 8% smartphones, 3% tablets, 2%
 * printers, 1% servers and 1% network switches, bought over the last {@code years} years among the models on sale
 * at the time (Dell Latitude and OptiPlex, HP EliteBook, ProBook and EliteDesk, Lenovo ThinkPad and ThinkCentre,
 * Dell, HP, iiyama and Philips screens, iPhones, Galaxy phones and tablets, iPads...), with their specs. Makers
 * are spelled as tools spell them ("Dell Inc.", "Hewlett-Packard", "LENOVO"). Serials are unique per seed and
 * donor, GLPI ids per donor.
 */
public final class SyntheticExports {

    /** Purchases end here unless told otherwise, so that the output does not change with the day it is made. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] GLPI_CSV_HEADER = {"Nom", "Entité", "Statut", "Fabricant", "Numéro de série",
        "Numéro d'inventaire", "Type", "Modèle", "Lieu", "Date d'achat", "Date de fin de garantie", "Date de réforme",
        "Valeur", "ID", "Composants - Processeur", "Composants - Mémoire", "Composants - Disque dur", "Taille"};
    private static final String[] SNIPEIT_CSV_HEADER = {"Full Name", "Email", "Username", "Item Name", "Category",
        "Model name", "Manufacturer", "Model Number", "Serial Number", "Asset Tag", "Location", "Notes",
        "Purchase Date", "Purchase Cost", "Company", "Status", "Warranty Months", "Supplier", "Order Number",
        "EOL Date", "RAM", "CPU", "Storage", "Screen Size"};
    private static final Map<MappedField, String> SPREADSHEET_COLUMNS = spreadsheetColumns();

    private final long seed;
    private final LocalDate asOf;

    public SyntheticExports(long seed) {
        this(seed, REFERENCE_DATE);
    }

    /** Purchases spread over the years before {@code asOf}: pass today's date for a demo that looks current. */
    public SyntheticExports(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Writes {@code count} assets of one donor in the given format: GLPI JSON (API items with infocoms and
     * components), GLPI CSV (French headers, Windows-1252, ";"), Snipe-IT JSON ({@code /api/v1/hardware} page),
     * Snipe-IT CSV (import layout), generic CSV (French, UTF-8 with BOM, ";") or XLSX (SXSSF). Locations are drawn
     * from {@code locations}; none when it is empty. The stream is not closed.
     */
    public void write(SourceFormat format, String donorKey, int count, List<String> locations, int years,
            OutputStream out) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        if (count < 0 || years < 1) {
            throw new IllegalArgumentException("count must not be negative and years must be at least 1");
        }
        SyntheticFleet fleet = new SyntheticFleet(seed, Objects.requireNonNull(donorKey, "donorKey"), locations, years,
                asOf);
        switch (format) {
            case GLPI_JSON -> glpiJson(fleet, count, out);
            case GLPI_CSV -> glpiCsv(fleet, donorKey, count, out);
            case SNIPEIT_JSON -> snipeItJson(fleet, donorKey, count, out);
            case SNIPEIT_CSV -> snipeItCsv(fleet, donorKey, count, out);
            case CSV -> spreadsheetCsv(fleet, count, out);
            case XLSX -> spreadsheetXlsx(fleet, count, out);
        }
    }

    /** For generic CSV and XLSX: the mapping that matches what {@link #write} produced. */
    public ColumnMapping mappingFor(SourceFormat format) {
        if (!format.needsMapping()) {
            throw new IllegalArgumentException(format.code() + " files need no mapping");
        }
        return new ColumnMapping(SPREADSHEET_COLUMNS);
    }

    // GLPI REST API: GET /apirest.php/<itemtype>?expand_dropdowns=true&with_infocoms=true&with_devices=true

    private void glpiJson(SyntheticFleet fleet, int count, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (int i = 0; i < count; i++) {
                glpiItem(json, fleet.next());
            }
            json.writeEndArray();
        }
    }

    private void glpiItem(JsonGenerator json, SyntheticFleet.Asset asset) throws IOException {
        SyntheticFleet.Model model = asset.model();
        GlpiItemtype itemtype = glpiItemtype(model.category());
        json.writeStartObject();
        json.writeNumberField("id", asset.glpiId());
        json.writeStringField("entities_id", "Entité racine");
        json.writeStringField("name", asset.name());
        json.writeStringField("serial", asset.serial());
        json.writeStringField("otherserial", asset.assetTag());
        json.writeStringField("comment", "");
        json.writeStringField("locations_id", asset.site() == null ? "&nbsp;"
                : glpiEscape(asset.site() + " > " + asset.building()));
        json.writeStringField(itemtype.modelField(), model.name());
        json.writeStringField(itemtype.typeField(), model.type());
        json.writeStringField("manufacturers_id", asset.maker());
        json.writeNumberField("is_deleted", asset.deleted() ? 1 : 0);
        json.writeNumberField("is_dynamic", model.isComputer() ? 1 : 0);
        json.writeStringField("states_id", glpiEscape(asset.state().glpi));
        json.writeStringField("date_creation", asset.purchaseDate().plusDays(12) + " 09:14:03");
        if (model.category() == Category.SCREEN) {
            json.writeStringField("size", asset.screenInches().setScale(2).toPlainString());
        }
        json.writeObjectFieldStart("_infocoms");
        json.writeNumberField("id", asset.glpiId() + 500_000);
        json.writeNumberField("items_id", asset.glpiId());
        json.writeStringField("itemtype", itemtypeName(itemtype));
        json.writeStringField("buy_date", asset.purchaseDate().toString());
        json.writeStringField("use_date", asset.purchaseDate().plusDays(10).toString());
        json.writeStringField("warranty_date", asset.purchaseDate().toString());
        json.writeNumberField("warranty_duration", asset.warrantyMonths());
        json.writeStringField("decommission_date", asset.decommission() == null ? null : asset.decommission().toString());
        json.writeStringField("value", asset.price().setScale(4).toPlainString());
        json.writeEndObject();
        if (model.isComputer()) {
            glpiDevices(json, asset);
        }
        json.writeEndObject();
    }

    private static void glpiDevices(JsonGenerator json, SyntheticFleet.Asset asset) throws IOException {
        SyntheticFleet.Model model = asset.model();
        long link = asset.glpiId() * 10;
        json.writeObjectFieldStart("_devices");
        json.writeObjectFieldStart("Item_DeviceProcessor");
        json.writeObjectFieldStart(Long.toString(link));
        json.writeStringField("deviceprocessors_id", agentCpuName(model.cpu()));
        json.writeNumberField("nbcores", 4);
        json.writeEndObject();
        json.writeEndObject();
        json.writeObjectFieldStart("Item_DeviceMemory");
        List<String> modules = SyntheticFleet.memoryModules(model);
        for (int i = 0; i < modules.size(); i++) {
            json.writeObjectFieldStart(Long.toString(link + i));
            json.writeStringField("devicememories_id", modules.get(i));
            json.writeNumberField("size", model.ramGb() / modules.size() * 1024);
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeObjectFieldStart("Item_DeviceHardDrive");
        json.writeObjectFieldStart(Long.toString(link));
        json.writeStringField("deviceharddrives_id", SyntheticFleet.disk(model));
        json.writeNumberField("capacity", model.storageGb() * 1000);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** What GLPI's agent reports: "Intel(R) Core(TM) i5-1145G7 CPU @ 2.60GHz". */
    private static String agentCpuName(String cpu) {
        if (cpu.startsWith("Intel Core ")) {
            return "Intel(R) Core(TM) " + cpu.substring("Intel Core ".length()) + " CPU @ 2.60GHz";
        }
        if (cpu.startsWith("Intel Xeon ")) {
            return "Intel(R) Xeon(R) " + cpu.substring("Intel Xeon ".length()) + " CPU @ 2.20GHz";
        }
        return cpu;
    }

    private static GlpiItemtype glpiItemtype(Category category) {
        return switch (category) {
            case SCREEN -> GlpiItemtype.MONITOR;
            case SMARTPHONE -> GlpiItemtype.PHONE;
            case TABLET -> GlpiItemtype.PERIPHERAL;
            case PRINTER -> GlpiItemtype.PRINTER;
            case NETWORK -> GlpiItemtype.NETWORK_EQUIPMENT;
            default -> GlpiItemtype.COMPUTER;
        };
    }

    private static String itemtypeName(GlpiItemtype itemtype) {
        return switch (itemtype) {
            case COMPUTER -> "Computer";
            case MONITOR -> "Monitor";
            case PHONE -> "Phone";
            case PRINTER -> "Printer";
            case NETWORK_EQUIPMENT -> "NetworkEquipment";
            case PERIPHERAL -> "Peripheral";
        };
    }

    /** GLPI up to version 10 stores text HTML-encoded, and its API returns it so. */
    private static String glpiEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#039;");
    }

    // GLPI search results exported as CSV, French interface, saved by Excel on Windows.

    private void glpiCsv(SyntheticFleet fleet, String donorKey, int count, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, DecodingReader.WINDOWS_1252.newEncoder()
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        Csv csv = new Csv(writer, ';', true, "\r\n");
        csv.row(GLPI_CSV_HEADER);
        DecimalFormat money = frenchMoney();
        for (int i = 0; i < count; i++) {
            SyntheticFleet.Asset asset = fleet.next();
            SyntheticFleet.Model model = asset.model();
            boolean computer = model.isComputer();
            csv.row(asset.name(), "Entité racine > " + donorKey, asset.state().glpi, asset.maker(), asset.serial(),
                    asset.assetTag(), model.type(), model.name(),
                    asset.site() == null ? "" : asset.site() + " > " + asset.building(),
                    asset.purchaseDate().format(FRENCH_DATE), asset.warrantyEnd().format(FRENCH_DATE),
                    asset.decommission() == null ? "" : asset.decommission().format(FRENCH_DATE),
                    money.format(asset.price()), Long.toString(asset.glpiId()), computer ? model.cpu() : "",
                    computer ? String.join("\n", SyntheticFleet.memoryModules(model)) : "",
                    computer ? SyntheticFleet.disk(model) : "",
                    asset.screenInches() == null ? "" : asset.screenInches().toPlainString().replace('.', ','));
        }
        writer.flush();
    }

    /** "1 234,50" with a no-break space, as GLPI shows amounts in French. */
    private static DecimalFormat frenchMoney() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator('\u00A0');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols);
    }

    // Snipe-IT: GET /api/v1/hardware, French settings (amounts written 1.234,56).

    private void snipeItJson(SyntheticFleet fleet, String donorKey, int count, OutputStream out) throws IOException {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        DecimalFormat money = new DecimalFormat("#,##0.00", symbols);
        try (JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("total", count);
            json.writeArrayFieldStart("rows");
            for (int i = 0; i < count; i++) {
                snipeItRow(json, fleet.next(), donorKey, money);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void snipeItRow(JsonGenerator json, SyntheticFleet.Asset asset, String donorKey, DecimalFormat money)
            throws IOException {
        SyntheticFleet.Model model = asset.model();
        int modelId = SyntheticFleet.CATALOG.indexOf(model) + 1;
        json.writeStartObject();
        json.writeNumberField("id", asset.index() + 1);
        json.writeStringField("name", model.category() == Category.SCREEN ? null : asset.name());
        json.writeStringField("asset_tag", asset.assetTag());
        json.writeStringField("serial", asset.serial());
        named(json, "model", modelId, model.name());
        json.writeBooleanField("byod", false);
        json.writeStringField("model_number", null);
        // Snipe-IT computes the asset's EOL date from its model's EOL months.
        json.writeStringField("eol", asset.decommission() == null ? null
                : ChronoUnit.MONTHS.between(asset.purchaseDate(), asset.decommission()) + " months");
        dateObject(json, "asset_eol_date", asset.decommission());
        json.writeObjectFieldStart("status_label");
        json.writeNumberField("id", asset.state().ordinal() + 1);
        json.writeStringField("name", asset.state().snipeIt);
        json.writeStringField("status_type", asset.state().snipeItMeta.equals("deployed") ? "deployable"
                : asset.state().snipeItMeta);
        json.writeStringField("status_meta", asset.state().snipeItMeta);
        json.writeEndObject();
        named(json, "category", model.category().ordinal() + 1, snipeItCategory(model.category()));
        named(json, "manufacturer", modelId * 7, asset.maker());
        json.writeNullField("supplier");
        json.writeStringField("notes", asset.deleted() ? "Sorti de l&#039;inventaire" : null);
        named(json, "company", 1, Text.clean(donorKey));
        if (asset.site() == null) {
            json.writeNullField("location");
            json.writeNullField("rtd_location");
        } else {
            json.writeNullField("location");
            named(json, "rtd_location", Math.abs(asset.site().hashCode() % 1000), asset.site());
        }
        json.writeNullField("assigned_to");
        json.writeStringField("warranty_months", asset.warrantyMonths() + " months");
        dateObject(json, "warranty_expires", asset.warrantyEnd());
        json.writeObjectFieldStart("created_at");
        json.writeStringField("datetime", asset.purchaseDate().plusDays(12) + " 09:14:03");
        json.writeStringField("formatted", asset.purchaseDate().plusDays(12).format(FRENCH_DATE) + " 09:14");
        json.writeEndObject();
        if (asset.deleted()) {
            json.writeObjectFieldStart("deleted_at");
            json.writeStringField("datetime", "2025-11-03 16:20:00");
            json.writeStringField("formatted", "03/11/2025 16:20");
            json.writeEndObject();
        } else {
            json.writeNullField("deleted_at");
        }
        dateObject(json, "purchase_date", asset.purchaseDate());
        json.writeStringField("purchase_cost", money.format(asset.price()));
        json.writeObjectFieldStart("custom_fields");
        if (model.isComputer()) {
            customField(json, "RAM", "_snipeit_ram_2", model.ramGb() + " GB");
            customField(json, "CPU", "_snipeit_cpu_3", model.cpu());
            customField(json, "Stockage", "_snipeit_stockage_4", model.storageGb() + " GB " + model.storageType());
        }
        if (asset.screenInches() != null) {
            customField(json, "Screen size", "_snipeit_screen_size_5", asset.screenInches().toPlainString() + "\"");
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void named(JsonGenerator json, String field, long id, String name) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeNumberField("id", id);
        json.writeStringField("name", name.replace("&", "&amp;").replace("'", "&#039;"));
        json.writeEndObject();
    }

    private static void dateObject(JsonGenerator json, String field, LocalDate date) throws IOException {
        if (date == null) {
            json.writeNullField(field);
            return;
        }
        json.writeObjectFieldStart(field);
        json.writeStringField("date", date.toString());
        json.writeStringField("formatted", date.format(FRENCH_DATE));
        json.writeEndObject();
    }

    private static void customField(JsonGenerator json, String label, String field, String value) throws IOException {
        json.writeObjectFieldStart(label);
        json.writeStringField("field", field);
        json.writeStringField("value", value);
        json.writeStringField("field_format", "ANY");
        json.writeStringField("element", "text");
        json.writeEndObject();
    }

    private static String snipeItCategory(Category category) {
        return switch (category) {
            case LAPTOP -> "Ordinateurs portables";
            case DESKTOP -> "Postes fixes";
            case SCREEN -> "Écrans";
            case SMARTPHONE -> "Smartphones";
            case TABLET -> "Tablettes";
            case PRINTER -> "Imprimantes";
            case SERVER -> "Serveurs";
            case NETWORK -> "Réseau";
            case OTHER -> "Divers";
        };
    }

    // Snipe-IT's CSV import layout.

    private void snipeItCsv(SyntheticFleet fleet, String donorKey, int count, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Csv csv = new Csv(writer, ',', false, "\n");
        csv.row(SNIPEIT_CSV_HEADER);
        for (int i = 0; i < count; i++) {
            SyntheticFleet.Asset asset = fleet.next();
            SyntheticFleet.Model model = asset.model();
            boolean computer = model.isComputer();
            csv.row("", "", "", asset.name(), snipeItCategory(model.category()), model.name(), asset.maker(), "",
                    asset.serial(), asset.assetTag(), asset.site() == null ? "" : asset.site(), "",
                    asset.purchaseDate().toString(), asset.price().toPlainString(), Text.clean(donorKey),
                    asset.state().snipeIt, Integer.toString(asset.warrantyMonths()), "", "",
                    asset.decommission() == null ? "" : asset.decommission().toString(),
                    computer ? model.ramGb() + " GB" : "", computer ? model.cpu() : "",
                    computer ? model.storageGb() + " GB " + model.storageType() : "",
                    asset.screenInches() == null ? "" : asset.screenInches().toPlainString());
        }
        writer.flush();
    }

    // A spreadsheet kept by hand, in French.

    private static Map<MappedField, String> spreadsheetColumns() {
        Map<MappedField, String> columns = new EnumMap<>(MappedField.class);
        columns.put(MappedField.SOURCE_ID, "Référence");
        columns.put(MappedField.NAME, "Désignation");
        columns.put(MappedField.CATEGORY, "Catégorie");
        columns.put(MappedField.MANUFACTURER, "Marque");
        columns.put(MappedField.MODEL, "Modèle");
        columns.put(MappedField.SERIAL, "N° de série");
        columns.put(MappedField.ASSET_TAG, "N° d'inventaire");
        columns.put(MappedField.CPU, "Processeur");
        columns.put(MappedField.RAM_GB, "RAM (Go)");
        columns.put(MappedField.STORAGE_GB, "Stockage (Go)");
        columns.put(MappedField.STORAGE_TYPE, "Type de disque");
        columns.put(MappedField.SCREEN_INCHES, "Écran (pouces)");
        columns.put(MappedField.PURCHASE_DATE, "Date d'achat");
        columns.put(MappedField.WARRANTY_END, "Fin de garantie");
        columns.put(MappedField.DECOMMISSION_DATE, "Renouvellement prévu");
        columns.put(MappedField.PURCHASE_VALUE, "Prix HT");
        columns.put(MappedField.LOCATION, "Site");
        columns.put(MappedField.STATUS, "État");
        return Map.copyOf(columns);
    }

    private static final MappedField[] SPREADSHEET_ORDER = {MappedField.SOURCE_ID, MappedField.NAME,
        MappedField.CATEGORY, MappedField.MANUFACTURER, MappedField.MODEL, MappedField.SERIAL, MappedField.ASSET_TAG,
        MappedField.CPU, MappedField.RAM_GB, MappedField.STORAGE_GB, MappedField.STORAGE_TYPE,
        MappedField.SCREEN_INCHES, MappedField.PURCHASE_DATE, MappedField.WARRANTY_END, MappedField.DECOMMISSION_DATE,
        MappedField.PURCHASE_VALUE, MappedField.LOCATION, MappedField.STATUS};

    private static String spreadsheetCategory(Category category) {
        return switch (category) {
            case LAPTOP -> "PC portable";
            case DESKTOP -> "PC fixe";
            case SCREEN -> "Écran";
            case SMARTPHONE -> "Téléphone mobile";
            case TABLET -> "Tablette";
            case PRINTER -> "Imprimante";
            case SERVER -> "Serveur";
            case NETWORK -> "Switch";
            case OTHER -> "Divers";
        };
    }

    /** The spreadsheet's cells for one asset, in {@link #SPREADSHEET_ORDER}; null for an empty cell. */
    private static Object[] spreadsheetCells(SyntheticFleet.Asset asset) {
        SyntheticFleet.Model model = asset.model();
        boolean computer = model.isComputer();
        return new Object[] {"REF-" + asset.assetTag(), asset.name(), spreadsheetCategory(model.category()),
            asset.maker(), model.name(), asset.serial(), asset.assetTag(), computer ? model.cpu() : null,
            computer ? model.ramGb() : null, computer ? model.storageGb() : null,
            computer ? model.storageType() : null, asset.screenInches(), asset.purchaseDate(), asset.warrantyEnd(),
            asset.decommission(), asset.price(), asset.site(), asset.state().glpi};
    }

    private void spreadsheetCsv(SyntheticFleet fleet, int count, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        Csv csv = new Csv(writer, ';', false, "\r\n");
        String[] header = new String[SPREADSHEET_ORDER.length];
        for (int i = 0; i < header.length; i++) {
            header[i] = SPREADSHEET_COLUMNS.get(SPREADSHEET_ORDER[i]);
        }
        csv.row(header);
        DecimalFormat money = frenchMoney();
        for (int i = 0; i < count; i++) {
            Object[] cells = spreadsheetCells(fleet.next());
            String[] text = new String[cells.length];
            for (int c = 0; c < cells.length; c++) {
                Object cell = cells[c];
                text[c] = cell == null ? "" : cell instanceof LocalDate date ? date.format(FRENCH_DATE)
                        : cell instanceof BigDecimal amount && SPREADSHEET_ORDER[c] == MappedField.PURCHASE_VALUE
                        ? money.format(amount) : cell instanceof BigDecimal number
                        ? number.toPlainString().replace('.', ',') : cell.toString();
            }
            csv.row(text);
        }
        writer.flush();
    }

    private void spreadsheetXlsx(SyntheticFleet fleet, int count, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet("Parc informatique");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle moneyStyle = workbook.createCellStyle();
            moneyStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00 €"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < SPREADSHEET_ORDER.length; i++) {
                header.createCell(i).setCellValue(SPREADSHEET_COLUMNS.get(SPREADSHEET_ORDER[i]));
            }
            for (int r = 0; r < count; r++) {
                Object[] cells = spreadsheetCells(fleet.next());
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < cells.length; c++) {
                    Object value = cells[c];
                    if (value instanceof LocalDate date) {
                        row.createCell(c).setCellValue(date);
                        row.getCell(c).setCellStyle(dateStyle);
                    } else if (value instanceof BigDecimal number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                        if (SPREADSHEET_ORDER[c] == MappedField.PURCHASE_VALUE) {
                            row.getCell(c).setCellStyle(moneyStyle);
                        }
                    } else if (value instanceof Integer number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        }
    }

    /** Writes quoted CSV, quoting every cell as GLPI does or only when needed as spreadsheets do. */
    private record Csv(Writer writer, char separator, boolean quoteAll, String lineEnd) {

        void row(String... cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i] == null ? "" : cells[i];
                boolean quote = quoteAll || cell.indexOf(separator) >= 0 || cell.indexOf('"') >= 0
                        || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
                writer.write(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
                if (i < cells.length - 1 || quoteAll) {
                    writer.write(separator);
                }
            }
            writer.write(lineEnd);
        }
    }
}
