package org.boucle.marketplace.inventory.source;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers and dates as French (and English) tools write them.
 *
 * <p>Dates with slashes, dots or dashes and the year last are always read day first (31/12/2025), as French
 * software writes them: 03/04/2025 is the 3rd of April, and 12/31/2025 is refused rather than guessed. Two-digit
 * years are refused too. ISO dates (2025-12-31, with an optional time or offset) are always accepted. GLPI's
 * "0000-00-00" means no date.
 *
 * <p>Both parsers throw {@link InvalidValue} with a readable reason. Other features' uploads read them through
 * {@link CsvRecord}; the decimal is public for amounts typed in a form (quota budgets), which take the same formats.
 */
public final class Values {

    private static final Pattern ISO_DATE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)?(?:Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DAY_FIRST_DATE = Pattern.compile(
            "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d+)(?:[ T]+\\d{1,2}[:h]\\d{2}(?::\\d{2})?)?");
    private static final Pattern MONTHS = Pattern.compile(
            "(\\d{1,4})\\s*(months?|mois|m|years?|ans?|années?|annees?|y)?\\.?", Pattern.CASE_INSENSITIVE);

    private Values() {
    }

    /** A date from cleaned text, or null for GLPI's zero date. */
    static LocalDate date(String text) {
        if (text.startsWith("0000-00-00") || text.startsWith("00/00/0000")) {
            return null;
        }
        Matcher iso = ISO_DATE.matcher(text);
        if (iso.matches()) {
            return dateOf(text, iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher dayFirst = DAY_FIRST_DATE.matcher(text);
        if (dayFirst.matches()) {
            String year = dayFirst.group(4);
            if (year.length() == 2) {
                throw new InvalidValue(Text.quote(text) + " has a two-digit year: write the year in full, e.g. 31/12/2025");
            }
            if (year.length() != 4) {
                throw new InvalidValue(Text.quote(text) + " is not a date");
            }
            return dateOf(text, year, dayFirst.group(3), dayFirst.group(1));
        }
        throw new InvalidValue(Text.quote(text) + " is not a date (expected day/month/year, e.g. 31/12/2025, or 2025-12-31)");
    }

    private static LocalDate dateOf(String text, String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new InvalidValue(Text.quote(text) + " is not a valid date (dates are read day/month/year)");
        }
    }

    /**
     * A decimal written the French way ("1 234,50", with plain, no-break or narrow no-break spaces), the English
     * way ("1,234.50") or the German way ("1.234,50"), with an optional € or EUR. With a single separator, a comma
     * is the decimal mark (French) and so is a dot; repeated, either groups thousands.
     */
    public static BigDecimal decimal(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        int commas = 0;
        int dots = 0;
        int lastComma = -1;
        int lastDot = -1;
        boolean negative = false;
        String body = stripCurrency(text);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == ',') {
                commas++;
                lastComma = digits.length();
            } else if (c == '.') {
                dots++;
                lastDot = digits.length();
            } else if ((c == '-' || c == '−') && digits.length() == 0 && !negative) {
                negative = true;
            } else if (c == '+' && digits.length() == 0) {
                continue;
            } else if (!(Text.isSpace(c) || c == '\'' || c == '’')) {
                throw new InvalidValue(Text.quote(text) + " is not a number");
            }
        }
        if (digits.length() == 0) {
            throw new InvalidValue(Text.quote(text) + " is not a number");
        }
        int decimalAt;
        if (commas > 0 && dots > 0) {
            decimalAt = Math.max(lastComma, lastDot);
            if (lastComma > lastDot ? commas > 1 : dots > 1) {
                throw new InvalidValue(Text.quote(text) + " is not a number");
            }
        } else if (commas == 1) {
            decimalAt = lastComma;
        } else if (dots == 1) {
            decimalAt = lastDot;
        } else {
            decimalAt = -1;
        }
        if (decimalAt >= 0) {
            digits.insert(decimalAt, '.');
        }
        BigDecimal value = new BigDecimal(digits.toString());
        return negative ? value.negate() : value;
    }

    private static String stripCurrency(String text) {
        String body = text;
        for (String unit : new String[] {"€", "EUR", "eur", "Eur", "euros", "Euros"}) {
            if (body.endsWith(unit)) {
                body = body.substring(0, body.length() - unit.length());
            } else if (body.startsWith(unit)) {
                body = body.substring(unit.length());
            }
        }
        return body;
    }

    /** A date some months later, or null when either is unknown (or the months are not positive). */
    static LocalDate plusMonths(LocalDate date, Integer months) {
        return date == null || months == null || months <= 0 ? null : date.plusMonths(months);
    }

    /** A duration in months: "36", "36 months", "36 mois", "3 ans". */
    static int months(String text) {
        Matcher matcher = MONTHS.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidValue(Text.quote(text) + " is not a number of months");
        }
        int amount = Integer.parseInt(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : Text.key(matcher.group(2));
        boolean years = unit.startsWith("y") || unit.startsWith("an");
        return years ? amount * 12 : amount;
    }

    /** GLPI's 0/1, and the yes/no words people type. */
    static boolean flag(String text) {
        switch (Text.key(text)) {
            case "1", "true", "yes", "oui", "y", "o", "x" -> {
                return true;
            }
            case "0", "false", "no", "non", "n" -> {
                return false;
            }
            default -> throw new InvalidValue(Text.quote(text) + " is neither yes nor no");
        }
    }
}
