package org.boucle.marketplace.catalog;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.Category;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads listings as views: one query joins the seller, the site, its commune and the photo positions. */
@Component
class ListingViews {

    private static final String SELECT = """
            select l.*, o.name seller_name, s.name site_name, c.name commune_name, s.latitude, s.longitude,
                   array(select p.position from listing_photo p where p.listing_id = l.id order by p.position) photo_positions
            from listing l
            join organization o on o.id = l.seller_id
            join site s on s.id = l.site_id
            join commune c on c.insee_code = s.commune_code
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ImpactFactors impactFactors;

    ListingViews(NamedParameterJdbcTemplate jdbc, ImpactFactors impactFactors) {
        this.jdbc = jdbc;
        this.impactFactors = impactFactors;
    }

    Optional<ListingView> find(UUID id) {
        return jdbc.query(SELECT + " where l.id = :id", new MapSqlParameterSource("id", id), mapper(impactFactors.all()))
                .stream().findFirst();
    }

    /** One page of a seller's listings, most recently changed first. */
    ListingPage ofSeller(UUID sellerId, ListingStatus status, ListingKind kind, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("seller", sellerId)
                .addValue("status", status == null ? null : status.name())
                .addValue("kind", kind == null ? null : kind.name())
                .addValue("limit", size)
                .addValue("offset", (long) page * size);
        String where = " where l.seller_id = :seller"
                + (status == null ? "" : " and l.status = :status")
                + (kind == null ? "" : " and l.kind = :kind");
        Long total = jdbc.queryForObject("select count(*) from listing l" + where, params, Long.class);
        List<ListingView> items = jdbc.query(SELECT + where + " order by l.updated_at desc, l.id limit :limit offset :offset",
                params, mapper(impactFactors.all()));
        return new ListingPage(items, page, size, total == null ? 0 : total);
    }

    /** Which of a seller's forecast lots are published, by lot id. */
    Map<String, ListingView> publishedLots(UUID sellerId) {
        Map<String, ListingView> published = new HashMap<>();
        jdbc.query(SELECT + " where l.seller_id = :seller and l.source_lot_id is not null",
                new MapSqlParameterSource("seller", sellerId), mapper(impactFactors.all()))
                .forEach(view -> published.put(view.sourceLotId(), view));
        return published;
    }

    private static RowMapper<ListingView> mapper(Map<Category, BigDecimal> factors) {
        return (rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            Category category = Category.valueOf(rs.getString("category"));
            BigDecimal perUnit = factors.get(category);
            int quantity = rs.getInt("quantity_available");
            BigDecimal price = rs.getBigDecimal("unit_price");
            String storage = rs.getString("storage_type");
            String grade = rs.getString("grade");
            List<String> photos = new ArrayList<>();
            for (Integer position : positions(rs.getArray("photo_positions"))) {
                photos.add(ListingView.photoUrl(id, position));
            }
            return new ListingView(id, ListingKind.valueOf(rs.getString("kind")), ListingStatus.valueOf(rs.getString("status")),
                    rs.getString("title"), rs.getString("description"), category, rs.getString("manufacturer"),
                    rs.getString("model"),
                    new ListingDraft.Specs(rs.getString("cpu_family"), integer(rs, "cpu_generation"), integer(rs, "ram_gb"),
                            storage == null ? null : StorageType.valueOf(storage), integer(rs, "storage_gb"),
                            rs.getBigDecimal("screen_inches")),
                    grade == null ? null : Grade.valueOf(grade), integer(rs, "battery_health_percent"), quantity, price,
                    price == null, rs.getString("currency"), rs.getInt("warranty_months"),
                    rs.getObject("available_from", LocalDate.class),
                    rs.getObject("available_until", LocalDate.class),
                    new ListingView.SiteRef(rs.getObject("site_id", UUID.class), rs.getString("site_name"),
                            rs.getString("commune_name"), rs.getDouble("latitude"), rs.getDouble("longitude")),
                    new ListingView.SellerRef(rs.getObject("seller_id", UUID.class), rs.getString("seller_name")),
                    perUnit, ImpactFactors.total(perUnit, quantity), photos, rs.getString("source_lot_id"),
                    rs.getLong("version"));
        };
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static List<Integer> positions(Array array) throws SQLException {
        List<Integer> positions = new ArrayList<>();
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                positions.add(((Number) value).intValue());
            }
        }
        return positions;
    }
}
