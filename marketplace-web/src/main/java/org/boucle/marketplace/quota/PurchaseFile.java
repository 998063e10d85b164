package org.boucle.marketplace.quota;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.boucle.marketplace.inventory.source.DelimitedText;
import org.boucle.marketplace.inventory.source.InvalidValue;
import org.boucle.marketplace.inventory.source.RowError;
import org.boucle.marketplace.inventory.source.Values;

/**
 * Reads a buyer's finance export, {@code date,category,description,supplier,amount_excl_vat,origin}, in the French
 * formats the inventory importers accept (day-first dates, decimal comma, spaces between thousands, a € sign). Every
 * row is checked and every problem kept with its row and column: the caller stores all the purchases or none.
 * A category is named by its code or its name in the rule set that applies to the purchase's year.
 */
final class PurchaseFile implements DelimitedText.Handler {

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
    private static final long HEADER_ROW = 1;

    private final IntFunction<Optional<QuotaRuleSet>> rulesForYear;
    private final Map<Integer, Optional<QuotaRuleSet>> rulesByYear = new HashMap<>();
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> header = new ArrayList<>();
    private final List<PurchaseImports.Purchase> purchases = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private boolean headerValid;
    private long rows;

    PurchaseFile(IntFunction<Optional<QuotaRuleSet>> rulesForYear) {
        this.rulesForYear = rulesForYear;
    }

    List<PurchaseImports.Purchase> purchases() {
        return purchases;
    }

    /** Every problem, by row; the header's, if any, on row 1. */
    List<RowError> errors() {
        return errors;
    }

    long rows() {
        return rows;
    }

    @Override
    public void header(List<String> names) {
        header.addAll(names);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(name) && columns.putIfAbsent(name, i) != null) {
                errors.add(new RowError(HEADER_ROW, names.get(i), "the column appears twice in the header"));
            }
        }
        for (String column : COLUMNS) {
            if (!columns.containsKey(column)) {
                errors.add(new RowError(HEADER_ROW, column, "the header has no column " + column + " (expected "
                        + String.join(",", COLUMNS) + ")"));
            }
        }
        headerValid = errors.isEmpty();
    }

    @Override
    public void row(DelimitedText.Row row) {
        rows++;
        if (!headerValid) {
            return;
        }
        int before = errors.size();
        for (RowError problem : row.problems()) {
            if (problem.column() == null || columns.containsKey(problem.column().toLowerCase(Locale.ROOT))) {
                errors.add(problem);
            }
        }
        Errors rowErrors = new Errors(row.row());
        LocalDate date = date(row, rowErrors);
        QuotaRuleSet.AnnexCategory category = category(row, date, rowErrors);
        String description = text(row, DESCRIPTION, MAX_DESCRIPTION, rowErrors);
        String supplier = text(row, SUPPLIER, MAX_SUPPLIER, rowErrors);
        BigDecimal amount = amount(row, rowErrors);
        Origin origin = origin(row, rowErrors);
        if (errors.size() == before) {
            purchases.add(new PurchaseImports.Purchase(row.row(), date, category.code(), description, supplier, amount, origin));
        }
    }

    private LocalDate date(DelimitedText.Row row, Errors rowErrors) {
        String cell = cell(row, DATE);
        if (cell == null) {
            return rowErrors.add(DATE, "the date is missing");
        }
        try {
            LocalDate date = Values.date(cell);
            if (date == null) {
                return rowErrors.add(DATE, "the date is missing");
            }
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                return rowErrors.add(DATE, "\"" + cell + "\" is not a year between " + MIN_YEAR + " and " + MAX_YEAR);
            }
            return date;
        } catch (InvalidValue e) {
            return rowErrors.add(DATE, e.getMessage());
        }
    }

    private QuotaRuleSet.AnnexCategory category(DelimitedText.Row row, LocalDate date, Errors rowErrors) {
        String cell = cell(row, CATEGORY);
        if (cell == null) {
            return rowErrors.add(CATEGORY, "the category is missing");
        }
        if (date == null) {
            // Which categories exist depends on the year's rules: without a date, the category cannot be checked.
            return null;
        }
        Optional<QuotaRuleSet> rules = rulesByYear.computeIfAbsent(date.getYear(), rulesForYear::apply);
        if (rules.isEmpty()) {
            return rowErrors.add(CATEGORY, "no quota rules apply to " + date.getYear());
        }
        return rules.get().categoryNamed(cell).orElseGet(() -> rowErrors.add(CATEGORY, "\"" + cell
                + "\" is not a category of " + rules.get().name() + ", which applies to " + date.getYear() + " ("
                + rules.get().categories().stream().map(QuotaRuleSet.AnnexCategory::code)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    private BigDecimal amount(DelimitedText.Row row, Errors rowErrors) {
        String cell = cell(row, AMOUNT);
        if (cell == null) {
            return rowErrors.add(AMOUNT, "the amount is missing");
        }
        BigDecimal amount;
        try {
            amount = Values.decimal(cell);
        } catch (InvalidValue e) {
            return rowErrors.add(AMOUNT, e.getMessage());
        }
        if (amount.signum() <= 0) {
            return rowErrors.add(AMOUNT, "\"" + cell + "\": an amount is more than 0 (a credit note is not a purchase: "
                    + "correct the purchase's amount instead)");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return rowErrors.add(AMOUNT, "\"" + cell + "\" has more than 2 decimals");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return rowErrors.add(AMOUNT, "\"" + cell + "\" is too large");
        }
        return amount.setScale(2);
    }

    private Origin origin(DelimitedText.Row row, Errors rowErrors) {
        String cell = cell(row, ORIGIN);
        if (cell == null) {
            return rowErrors.add(ORIGIN, "the origin is missing (new, reuse, reutilisation or recycled_content)");
        }
        return Origin.of(cell).orElseGet(() -> rowErrors.add(ORIGIN, "\"" + cell
                + "\" is not an origin: new, reuse, reutilisation or recycled_content"));
    }

    private String text(DelimitedText.Row row, String column, int max, Errors rowErrors) {
        String cell = cell(row, column);
        if (cell != null && cell.length() > max) {
            return rowErrors.add(column, "longer than " + max + " characters");
        }
        return cell;
    }

    private String cell(DelimitedText.Row row, String column) {
        return row.cells().get(columns.get(column));
    }

    /** Adds a row's errors under the column's name as the file spells it. */
    private final class Errors {

        private final long row;

        Errors(long row) {
            this.row = row;
        }

        <T> T add(String column, String reason) {
            errors.add(new RowError(row, header.get(columns.get(column)), reason));
            return null;
        }
    }
}
