package org.boucle.marketplace.quota;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.boucle.marketplace.inventory.source.CsvRecord;
import org.boucle.marketplace.inventory.source.CsvRecords;
import org.boucle.marketplace.inventory.source.RowError;
import org.boucle.marketplace.inventory.source.UnreadableExportException;

/**
 * Reads a buyer's finance export, {@code date,category,description,supplier,amount_excl_vat,origin}, in the French
 * formats the inventory importers accept (day-first dates, decimal comma, spaces between thousands, a € sign), its
 * columns found by name as {@link CsvRecords} finds them. Every row is checked and every problem kept with its row
 * and column: the caller stores all the purchases or none. A category is named by its code or its name in the rule
 * set that applies to the purchase's year.
 */
final class PurchaseFile {

    static final String DATE = "date";
    static final String CATEGORY = "category";
    static final String DESCRIPTION = "description";
    static final String SUPPLIER = "supplier";
    static final String AMOUNT = "amount_excl_vat";
    static final String ORIGIN = "origin";
    static final List<String> COLUMNS = List.of(DATE, CATEGORY, DESCRIPTION, SUPPLIER, AMOUNT, ORIGIN);

    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 9999;
    private static final int MAX_DESCRIPTION = 500;
    private static final int MAX_SUPPLIER = 200;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final IntFunction<Optional<QuotaRuleSet>> rulesForYear;
    private final Map<Integer, Optional<QuotaRuleSet>> rulesByYear = new HashMap<>();
    private final List<PurchaseImports.Purchase> purchases = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();

    PurchaseFile(IntFunction<Optional<QuotaRuleSet>> rulesForYear) {
        this.rulesForYear = rulesForYear;
    }

    /** Reads the file; a header that lacks a column or names one twice is reported as its row's errors. */
    void read(CsvRecords reader, InputStream in) throws IOException, UnreadableExportException {
        try {
            reader.read(in, COLUMNS, this::row);
        } catch (CsvRecords.BadHeader e) {
            errors.addAll(e.errors());
        }
    }

    List<PurchaseImports.Purchase> purchases() {
        return purchases;
    }

    /** Every problem, by row; the header's, if any, on its own row. */
    List<RowError> errors() {
        return errors;
    }

    private void row(CsvRecord record) {
        LocalDate date = date(record);
        QuotaRuleSet.AnnexCategory category = category(record, date);
        String description = text(record, DESCRIPTION, MAX_DESCRIPTION);
        String supplier = text(record, SUPPLIER, MAX_SUPPLIER);
        BigDecimal amount = amount(record);
        Origin origin = origin(record);
        if (record.hasErrors()) {
            errors.addAll(record.errors());
        } else {
            purchases.add(new PurchaseImports.Purchase(record.row(), date, category.code(), description, supplier,
                    amount, origin));
        }
    }

    private static LocalDate date(CsvRecord record) {
        LocalDate date = record.date(DATE, "the date is missing");
        if (date != null && (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR)) {
            return refuse(record, DATE, "\"" + record.text(DATE) + "\" is not a year between " + MIN_YEAR + " and "
                    + MAX_YEAR);
        }
        return date;
    }

    private QuotaRuleSet.AnnexCategory category(CsvRecord record, LocalDate date) {
        String cell = record.required(CATEGORY, "the category is missing");
        if (cell == null || date == null) {
            // Which categories exist depends on the year's rules: without a date, the category cannot be checked.
            return null;
        }
        Optional<QuotaRuleSet> rules = rulesByYear.computeIfAbsent(date.getYear(), rulesForYear::apply);
        if (rules.isEmpty()) {
            return refuse(record, CATEGORY, "no quota rules apply to " + date.getYear());
        }
        return rules.get().categoryNamed(cell).orElseGet(() -> refuse(record, CATEGORY, "\"" + cell
                + "\" is not a category of " + rules.get().name() + ", which applies to " + date.getYear() + " ("
                + rules.get().categories().stream().map(QuotaRuleSet.AnnexCategory::code)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    private static BigDecimal amount(CsvRecord record) {
        BigDecimal amount = record.decimal(AMOUNT, "the amount is missing");
        if (amount == null) {
            return null;
        }
        String cell = record.text(AMOUNT);
        if (amount.signum() <= 0) {
            return refuse(record, AMOUNT, "\"" + cell + "\": an amount is more than 0 (a credit note is not a "
                    + "purchase: correct the purchase's amount instead)");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return refuse(record, AMOUNT, "\"" + cell + "\" has more than 2 decimals");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return refuse(record, AMOUNT, "\"" + cell + "\" is too large");
        }
        return amount.setScale(2);
    }

    private static Origin origin(CsvRecord record) {
        String cell = record.required(ORIGIN, "the origin is missing (new, reuse, reutilisation or recycled_content)");
        if (cell == null) {
            return null;
        }
        return Origin.of(cell).orElseGet(() -> refuse(record, ORIGIN, "\"" + cell
                + "\" is not an origin: new, reuse, reutilisation or recycled_content"));
    }

    private static String text(CsvRecord record, String column, int max) {
        String cell = record.text(column);
        if (cell != null && cell.length() > max) {
            return refuse(record, column, "longer than " + max + " characters");
        }
        return cell;
    }

    /** Notes the row's problem and answers no value. */
    private static <T> T refuse(CsvRecord record, String column, String reason) {
        record.error(column, reason);
        return null;
    }
}
