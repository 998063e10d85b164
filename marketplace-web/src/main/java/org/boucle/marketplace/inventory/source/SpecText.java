package org.boucle.marketplace.inventory.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Specifications read from free text: "8 Go", "8192 Mo", "2 x DDR4 SODIMM 8GB", "256 Go SSD", "1 To HDD",
 * "23,8 pouces", "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz".
 *
 * <p>GLPI lists one memory module or disk per line of a cell, so sizes on separate lines add up; on one line only
 * the first size counts ("16 Go (2 x 8 Go)" is 16). Memory converts by 1024 (8192 Mo is 8 GB), disks by 1000 as
 * their makers count (1 To is 1000 GB).
 */
final class SpecText {

    /** The unit of a size written as a bare number. */
    enum Unit { GB, MB }

    record Storage(Integer gb, String type) {
    }

    private static final Pattern SIZE = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(tib|tio|tb|to|t|gib|gio|gb|go|g|mib|mio|mb|mo|m)(?![a-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MODULES = Pattern.compile("^(\\d{1,2})\\s*[x×*]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Pattern INCHES = Pattern.compile(
            "(\\d{1,3}(?:[.,]\\d{1,2})?)\\s*(?:\"|''|”|″|pouces?|po\\b|inch(?:es)?\\b|in\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CPU_NOISE = Pattern.compile("\\((?:R|TM|C)\\)|®|™", Pattern.CASE_INSENSITIVE);
    private static final Pattern CPU_CLOCK = Pattern.compile(
            "\\s*(?:CPU\\s*)?@\\s*[\\d.,]+\\s*[GM]Hz.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CPU_TRAILER = Pattern.compile(
            "\\s+(?:CPU|Processor|Processeur)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SSD_WORDS = Pattern.compile(
            "\\b(?:ssd|nvme|m\\.?2|flash|emmc|solid state|pcie)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HDD_WORDS = Pattern.compile(
            "\\b(?:hdd|rpm|tr/min|mecanique|mécanique|hard disk drive|7200|5400)\\b", Pattern.CASE_INSENSITIVE);

    private SpecText() {
    }

    /** Memory in GB, or null when the text gives no size. A bare number above 2048 can only be megabytes. */
    static Integer ramGb(String text, Unit bareUnit) {
        BigDecimal megabytes = totalMegabytes(text, bareUnit, true);
        if (megabytes == null) {
            return null;
        }
        return positive(megabytes.divide(BigDecimal.valueOf(1024), 0, RoundingMode.HALF_UP));
    }

    static Storage storage(String text, Unit bareUnit) {
        BigDecimal megabytes = totalMegabytes(text, bareUnit, false);
        Integer gb = megabytes == null ? null
                : positive(megabytes.divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP));
        return new Storage(gb, storageType(text));
    }

    /** "SSD" or "HDD" from words such as NVMe or 7200 rpm; null when the text does not say. */
    static String storageType(String text) {
        if (SSD_WORDS.matcher(text).find()) {
            return Specs.SSD;
        }
        return HDD_WORDS.matcher(text).find() ? Specs.HDD : null;
    }

    private static BigDecimal totalMegabytes(String text, Unit bareUnit, boolean memory) {
        BigDecimal total = null;
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            BigDecimal megabytes = null;
            if (BARE_NUMBER.matcher(trimmed).matches()) {
                BigDecimal number = Values.decimal(trimmed);
                boolean megabyteCount = bareUnit == Unit.MB || memory && number.compareTo(BigDecimal.valueOf(2048)) > 0;
                megabytes = megabyteCount ? number : number.multiply(BigDecimal.valueOf(memory ? 1024 : 1000));
            } else {
                Matcher size = SIZE.matcher(trimmed);
                if (size.find()) {
                    megabytes = Values.decimal(size.group(1)).multiply(megabytesPer(size.group(2), memory));
                    Matcher modules = MODULES.matcher(trimmed);
                    if (modules.find() && modules.end() == size.start()) {
                        megabytes = megabytes.multiply(new BigDecimal(modules.group(1)));
                    }
                }
            }
            if (megabytes != null) {
                total = total == null ? megabytes : total.add(megabytes);
            }
        }
        return total;
    }

    private static BigDecimal megabytesPer(String unit, boolean memory) {
        int base = memory ? 1024 : 1000;
        return switch (Character.toLowerCase(unit.charAt(0))) {
            case 't' -> BigDecimal.valueOf((long) base * base);
            case 'g' -> BigDecimal.valueOf(base);
            default -> BigDecimal.ONE;
        };
    }

    private static Integer positive(BigDecimal value) {
        return value.signum() > 0 && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0 ? value.intValue() : null;
    }

    /** The diagonal in inches: "24\"", "23,8 pouces", "27 in", or a bare number. Null if absent or implausible. */
    static BigDecimal screenInches(String text) {
        String trimmed = text.strip();
        BigDecimal inches;
        if (BARE_NUMBER.matcher(trimmed).matches()) {
            inches = Values.decimal(trimmed);
        } else {
            Matcher matcher = INCHES.matcher(trimmed);
            if (!matcher.find()) {
                return null;
            }
            inches = Values.decimal(matcher.group(1));
        }
        if (inches.compareTo(BigDecimal.ONE) < 0 || inches.compareTo(BigDecimal.valueOf(150)) > 0) {
            return null;
        }
        return plain(inches);
    }

    /** 24.0 as 24, but never 2E+1. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The first line, without trademarks and clock speed: "Intel Core i5-8250U". */
    static String cpu(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        String tidy = Text.clean(CPU_CLOCK.matcher(CPU_NOISE.matcher(first).replaceAll(" ")).replaceFirst(""));
        return tidy == null ? null : Text.clean(CPU_TRAILER.matcher(tidy).replaceFirst(""));
    }
}
