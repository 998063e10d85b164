package org.boucle.search.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A catalogue search. Every argument is optional except {@code size} (see {@link #builder()}); invalid
 * ones are refused with an {@link IllegalArgumentException} whose message starts with the parameter's
 * name ("size: ...", "cursor: ..."), so that the web layer can answer 400 naming it.
 *
 * <p>Facet filters ({@code kinds}, {@code categories}, {@code grades}, {@code manufacturers},
 * {@code communes} as INSEE codes, {@code sellerIds}): a listing matches one of the values of each
 * non-empty set; manufacturers match whatever their case and accents. Prices are unit prices excluding
 * VAT, bounds included, a donation counting as 0. {@code availableBefore} keeps listings available from
 * that day or earlier. {@code near} gives every hit its distance; {@code radiusKm} (needs {@code near})
 * keeps those within that distance. {@code sort} defaults to {@link SortOrder#RELEVANCE}; {@code size} is
 * 1 to {@value #MAX_SIZE}; {@code cursor} is the previous page's {@link SearchPage#nextCursor()}, valid
 * with the same sort (and point) only.
 *
 * @param text plain words typed by a user, never query syntax
 */
public record ListingQuery(
        String text,
        Set<String> kinds,
        Set<String> categories,
        Set<String> grades,
        Set<String> manufacturers,
        Set<String> communes,
        Set<String> sellerIds,
        Integer minRamGb,
        Integer minStorageGb,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        LocalDate availableBefore,
        GeoPoint near,
        Double radiusKm,
        SortOrder sort,
        int size,
        String cursor) {

    public static final int MAX_SIZE = 100;
    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_VALUES_PER_FILTER = 100;
    static final int MAX_CURSOR_LENGTH = 2000;

    public ListingQuery {
        text = blankToNull(text);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text: at most " + MAX_TEXT_LENGTH + " characters");
        }
        kinds = values("kinds", kinds);
        categories = values("categories", categories);
        grades = values("grades", grades);
        manufacturers = values("manufacturers", manufacturers);
        communes = values("communes", communes);
        sellerIds = values("sellerIds", sellerIds);
        notNegative("minRamGb", minRamGb);
        notNegative("minStorageGb", minStorageGb);
        if (minPrice != null && minPrice.signum() < 0) {
            throw new IllegalArgumentException("minPrice: must be >= 0");
        }
        if (maxPrice != null && maxPrice.signum() < 0) {
            throw new IllegalArgumentException("maxPrice: must be >= 0");
        }
        if (minPrice != null && maxPrice != null && maxPrice.compareTo(minPrice) < 0) {
            throw new IllegalArgumentException("maxPrice: must be >= minPrice");
        }
        if (radiusKm != null) {
            if (!(radiusKm > 0 && radiusKm <= 20_000)) {
                throw new IllegalArgumentException("radiusKm: must be > 0 and <= 20000");
            }
            if (near == null) {
                throw new IllegalArgumentException("radiusKm: needs near (a point to measure from)");
            }
        }
        if (sort == null) {
            sort = SortOrder.RELEVANCE;
        }
        if (sort == SortOrder.DISTANCE && near == null) {
            throw new IllegalArgumentException("sort: DISTANCE needs near (a point to measure from)");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size: must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        cursor = blankToNull(cursor);
        if (cursor != null && cursor.length() > MAX_CURSOR_LENGTH) {
            throw new IllegalArgumentException("cursor: not a cursor of this search");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same search, from the given cursor on. */
    public ListingQuery withCursor(String nextCursor) {
        return new ListingQuery(text, kinds, categories, grades, manufacturers, communes, sellerIds, minRamGb,
                minStorageGb, minPrice, maxPrice, availableBefore, near, radiusKm, sort, size, nextCursor);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Set<String> values(String name, Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > MAX_VALUES_PER_FILTER) {
            throw new IllegalArgumentException(name + ": at most " + MAX_VALUES_PER_FILTER + " values");
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.length() > 200) {
                throw new IllegalArgumentException(name + ": values must be 1 to 200 characters");
            }
        }
        return Set.copyOf(values);
    }

    private static void notNegative(String name, Integer value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(name + ": must be >= 0");
        }
    }

    /** Builds a query field by field; {@code size} defaults to 20. */
    public static final class Builder {
        private String text;
        private Set<String> kinds;
        private Set<String> categories;
        private Set<String> grades;
        private Set<String> manufacturers;
        private Set<String> communes;
        private Set<String> sellerIds;
        private Integer minRamGb;
        private Integer minStorageGb;
        private BigDecimal minPrice;
        private BigDecimal maxPrice;
        private LocalDate availableBefore;
        private GeoPoint near;
        private Double radiusKm;
        private SortOrder sort;
        private int size = 20;
        private String cursor;

        private Builder() {
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder kinds(Set<String> kinds) {
            this.kinds = kinds;
            return this;
        }

        public Builder categories(Set<String> categories) {
            this.categories = categories;
            return this;
        }

        public Builder grades(Set<String> grades) {
            this.grades = grades;
            return this;
        }

        public Builder manufacturers(Set<String> manufacturers) {
            this.manufacturers = manufacturers;
            return this;
        }

        public Builder communes(Set<String> communes) {
            this.communes = communes;
            return this;
        }

        public Builder sellerIds(Set<String> sellerIds) {
            this.sellerIds = sellerIds;
            return this;
        }

        public Builder minRamGb(Integer minRamGb) {
            this.minRamGb = minRamGb;
            return this;
        }

        public Builder minStorageGb(Integer minStorageGb) {
            this.minStorageGb = minStorageGb;
            return this;
        }

        public Builder minPrice(BigDecimal minPrice) {
            this.minPrice = minPrice;
            return this;
        }

        public Builder maxPrice(BigDecimal maxPrice) {
            this.maxPrice = maxPrice;
            return this;
        }

        public Builder availableBefore(LocalDate availableBefore) {
            this.availableBefore = availableBefore;
            return this;
        }

        public Builder near(GeoPoint near) {
            this.near = near;
            return this;
        }

        public Builder radiusKm(Double radiusKm) {
            this.radiusKm = radiusKm;
            return this;
        }

        public Builder sort(SortOrder sort) {
            this.sort = sort;
            return this;
        }

        public Builder size(int size) {
            this.size = size;
            return this;
        }

        public Builder cursor(String cursor) {
            this.cursor = cursor;
            return this;
        }

        public ListingQuery build() {
            return new ListingQuery(text, kinds, categories, grades, manufacturers, communes, sellerIds, minRamGb,
                    minStorageGb, minPrice, maxPrice, availableBefore, near, radiusKm, sort, size, cursor);
        }
    }
}
