package org.boucle.marketplace.search;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.boucle.search.catalog.ListingDocument;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the indexed form of listings straight from PostgreSQL with one set-based query: the outbox and the full
 * reindex read the same way, and a million listings stream through without an entity in memory.
 */
@Component
class ListingDocuments {

    private static final String SELECT = """
            select l.id, l.kind, l.status, l.title, l.description, l.category, l.manufacturer, l.model,
                   l.cpu_family, l.cpu_generation, l.ram_gb, l.storage_type, l.storage_gb, l.screen_inches, l.grade,
                   l.battery_health_percent, l.quantity_available, l.unit_price, l.currency, l.warranty_months,
                   l.available_from, l.available_until, c.insee_code, c.name as commune, s.latitude, s.longitude,
                   o.id as seller_id, o.name as seller_name, f.kg_co2e, coalesce(p.photos, 0) as photos, l.version
              from listing l
              join site s on s.id = l.site_id
              join commune c on c.insee_code = s.commune_code
              join organization o on o.id = l.seller_id
              left join impact_factor f on f.category = l.category
              left join (select listing_id, count(*) as photos from listing_photo group by listing_id) p
                     on p.listing_id = l.id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageSource messages;
    private final Map<String, String> categoryLabels = new ConcurrentHashMap<>();

    ListingDocuments(NamedParameterJdbcTemplate jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    List<ListingDocument> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " where l.id in (:ids)", Map.of("ids", ids), (rs, n) -> document(rs));
    }

    /**
     * Streams every listing in the current transaction's snapshot. The caller holds that transaction (repeatable
     * read) so that the snapshot's xmin tells which changes it may not have seen.
     */
    void streamAll(int fetchSize, Consumer<ListingDocument> sink) {
        JdbcTemplate plain = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        plain.setFetchSize(fetchSize);
        plain.query(SELECT, rs -> {
            sink.accept(document(rs));
        });
    }

    long count() {
        Long count = jdbc.getJdbcTemplate().queryForObject("select count(*) from listing", Long.class);
        return count == null ? 0 : count;
    }

    private ListingDocument document(ResultSet rs) throws SQLException {
        String category = rs.getString("category");
        return new ListingDocument(
                rs.getString("id"), rs.getString("kind"), rs.getString("status"), rs.getString("title"),
                rs.getString("description"), category,
                categoryLabels.computeIfAbsent(category,
                        code -> messages.getMessage("category." + code, null, code, Locale.FRENCH)),
                rs.getString("manufacturer"), rs.getString("model"), rs.getString("cpu_family"),
                integer(rs, "cpu_generation"), integer(rs, "ram_gb"), rs.getString("storage_type"),
                integer(rs, "storage_gb"), decimal(rs, "screen_inches"), rs.getString("grade"),
                integer(rs, "battery_health_percent"), rs.getInt("quantity_available"), rs.getBigDecimal("unit_price"),
                rs.getString("currency"), integer(rs, "warranty_months"), date(rs, "available_from"),
                date(rs, "available_until"), rs.getString("insee_code"), rs.getString("commune"),
                rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getString("seller_id"),
                rs.getString("seller_name"), decimal(rs, "kg_co2e"), rs.getInt("photos"), rs.getLong("version"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static java.time.LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
