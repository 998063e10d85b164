package org.boucle.marketplace.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.boucle.search.catalog.GeoPoint;
import org.boucle.search.catalog.ListingQuery;
import org.boucle.search.catalog.SortOrder;
import org.springframework.util.MultiValueMap;

/**
 * Reads a catalogue search from query parameters, the same for the API and the page, and names every parameter
 * that is wrong. Values are only ever passed on as data: nothing a user types becomes query syntax.
 */
final class SearchRequest {

    static final int DEFAULT_SIZE = 20;
    private static final int MAX_TEXT = 200;

    private final MultiValueMap<String, String> params;
    private final List<FieldProblem> errors = new ArrayList<>();

    private SearchRequest(MultiValueMap<String, String> params) {
        this.params = params;
    }

    /** The query, or {@link InvalidSearchException} listing every parameter at fault. */
    static ListingQuery parse(MultiValueMap<String, String> params) {
        return new SearchRequest(params).query();
    }

    private ListingQuery query() {
        String text = single("q");
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldProblem("q", "at most " + MAX_TEXT + " characters"));
        }
        Set<String> kinds = values("kind", v -> oneOf(v, "UPCOMING_LOT", "REFURBISHED"));
        Set<String> categories = values("category", SearchRequest::category);
        Set<String> grades = values("grade", v -> oneOf(v, "A", "B", "C"));
        Set<String> manufacturers = values("manufacturer", v -> v);
        Set<String> communes = values("commune", v -> v);
        Set<String> sellers = values("seller", v -> UUID.fromString(v).toString());
        Integer minRam = number("minRamGb", Integer::valueOf, 0, 4096);
        Integer minStorage = number("minStorageGb", Integer::valueOf, 0, 1_000_000);
        BigDecimal minPrice = number("minPrice", BigDecimal::new, 0, 10_000_000);
        BigDecimal maxPrice = number("maxPrice", BigDecimal::new, 0, 10_000_000);
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            errors.add(new FieldProblem("maxPrice", "must not be below minPrice"));
        }
        LocalDate availableBefore = date("availableBefore");
        GeoPoint near = point("near");
        Double radius = number("radiusKm", Double::valueOf, 0.1, 500);
        if (radius != null && near == null && !has("near")) {
            errors.add(new FieldProblem("radiusKm", "needs near=lat,lon"));
        }
        SortOrder sort = sort(near);
        Integer size = number("size", Integer::valueOf, 1, ListingQuery.MAX_SIZE);
        String cursor = single("cursor");
        if (!errors.isEmpty()) {
            throw new InvalidSearchException(errors);
        }
        try {
            return new ListingQuery(text, kinds, categories, grades, manufacturers, communes, sellers, minRam,
                    minStorage, minPrice, maxPrice, availableBefore, near, radius, sort,
                    size == null ? DEFAULT_SIZE : size, cursor);
        } catch (IllegalArgumentException e) {
            throw InvalidSearchException.of(e);
        }
    }

    private SortOrder sort(GeoPoint near) {
        String value = single("sort");
        if (value == null) {
            return SortOrder.RELEVANCE;
        }
        SortOrder sort = switch (value.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SortOrder.RELEVANCE;
            case "price" -> SortOrder.PRICE_ASC;
            case "-price" -> SortOrder.PRICE_DESC;
            case "distance" -> SortOrder.DISTANCE;
            case "availability" -> SortOrder.AVAILABILITY;
            default -> null;
        };
        if (sort == null) {
            errors.add(new FieldProblem("sort", "one of relevance, price, -price, distance, availability"));
        } else if (sort == SortOrder.DISTANCE && near == null) {
            errors.add(new FieldProblem("sort", "sorting by distance needs near=lat,lon"));
            return null;
        }
        return sort;
    }

    private boolean has(String name) {
        return params.containsKey(name);
    }

    private String single(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldProblem(name, "give it once"));
        }
        String value = values.get(0).strip();
        return value.isEmpty() ? null : value;
    }

    /** Several values, repeated or comma-separated. */
    private Set<String> values(String name, Function<String, String> check) {
        Set<String> result = new LinkedHashSet<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            for (String part : raw.split(",")) {
                String value = part.strip();
                if (value.isEmpty()) {
                    continue;
                }
                try {
                    String checked = check.apply(value);
                    if (checked == null) {
                        throw new IllegalArgumentException();
                    }
                    result.add(checked);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldProblem(name, "unknown value '" + abbreviate(value) + "'"));
                }
            }
        }
        return result;
    }

    private <N extends Comparable<N>> N number(String name, Function<String, N> parse, double min, double max) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            N number = parse.apply(value.replace(',', '.'));
            double asDouble = Double.parseDouble(number.toString());
            if (Double.isNaN(asDouble) || asDouble < min || asDouble > max) {
                errors.add(new FieldProblem(name, "must be between " + plain(min) + " and " + plain(max)));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(new FieldProblem(name, "not a number: '" + abbreviate(value) + "'"));
            return null;
        }
    }

    private LocalDate date(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(name, "not a date (YYYY-MM-DD): '" + abbreviate(value) + "'"));
            return null;
        }
    }

    private GeoPoint point(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",");
        try {
            if (parts.length == 2) {
                double lat = Double.parseDouble(parts[0].strip());
                double lon = Double.parseDouble(parts[1].strip());
                if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                    return new GeoPoint(lat, lon);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldProblem(name, "expected lat,lon in degrees, e.g. 45.19,5.72"));
        return null;
    }

    private static String category(String value) {
        return Category.valueOf(value.toUpperCase(Locale.ROOT)).name();
    }

    private static String oneOf(String value, String... allowed) {
        String upper = value.toUpperCase(Locale.ROOT);
        for (String candidate : allowed) {
            if (candidate.equals(upper)) {
                return candidate;
            }
        }
        return null;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
