package org.boucle.marketplace.quota.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.catalog.TestSeller;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A public body's park as a test writes it: a GLPI CSV export imported through the API, then the days its devices
 * left it, as the following exports would have flagged them.
 */
public final class Park {

    private static final String HEADER = "Nom;Type;Fabricant;Modèle;Numéro de série;Numéro d'inventaire;Date d'achat;"
            + "Date de réforme;Supprimé\n";

    private final TestSeller body;
    private final JdbcClient jdbc;
    private final Map<String, String> rows = new LinkedHashMap<>();
    private final Set<String> deleted = new HashSet<>();

    public Park(TestSeller body, JdbcClient jdbc) {
        this.body = body;
        this.jdbc = jdbc;
    }

    /** A public body of its own (donor and public buyer), whose member acts with both roles. */
    public static TestSeller publicBody(int port) {
        return TestSeller.onboard(port, "DONOR", "PUBLIC_BUYER");
    }

    /** One device; its serial is "SN" and its asset tag "INV-" followed by {@code key}. Dates as GLPI writes them. */
    public Park device(String key, String type, String model, String purchased, String decommission) {
        rows.put(key, "%s-%s;%s;Dell;%s;SN%s;INV-%s;%s;%s;".formatted(type, key, type, model, key, key, purchased,
                decommission));
        return this;
    }

    public Park device(String key, String type, String model, String purchased) {
        return device(key, type, model, purchased, "");
    }

    /** The next exports list these devices in GLPI's trash. */
    public Park deleted(String... keys) {
        deleted.addAll(List.of(keys));
        return this;
    }

    /** The next exports no longer list these devices. */
    public Park without(String... keys) {
        for (String key : keys) {
            rows.remove(key);
        }
        return this;
    }

    /** Imports the devices written so far, as one complete export. */
    public void importIt() {
        ApiClient.Response imported = body.client().upload("/api/v1/inventory/imports", Map.of("format", "glpi-csv"),
                "glpi.csv", (HEADER + rows.entrySet().stream()
                        .map(row -> row.getValue() + (deleted.contains(row.getKey()) ? "1" : "0") + "\n")
                        .collect(Collectors.joining())).getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    }

    /** The device with this key left the export at that instant. */
    public void left(String key, String instant) {
        int updated = jdbc.sql("update asset set missing_since = ? where organization_id = ? and asset_tag = ?")
                .params(Timestamp.from(Instant.parse(instant)), UUID.fromString(body.id()), "INV-" + key).update();
        assertThat(updated).as(key).isEqualTo(1);
    }
}
