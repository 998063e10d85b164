package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.catalog.TestSeller;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reuse chain of its own for a test: a collector and a workshop, and donors whose devices are imported from a GLPI
 * export through the API. Serial numbers are unique to the chain, so that tests sharing the database never meet.
 */
public final class CustodyChain {

    /** A signed wipe report for one medium. */
    public static final String WIPED = """
            {"method": "NIST_800_88_PURGE", "tool": "Blancco Drive Eraser 7", "operator": "N. Haddad",
             "result": "SUCCESS", "media": [{"serial": "S4EWNX0R123456", "type": "SSD"}]}""";

    private final int port;
    private final JdbcClient jdbc;
    private final String prefix = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final TestSeller collector;
    private final TestSeller workshop;
    private int serials;

    public CustodyChain(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
        this.collector = TestSeller.onboard(port, "COLLECTOR");
        this.workshop = TestSeller.onboard(port, "WORKSHOP");
    }

    public TestSeller collector() {
        return collector;
    }

    public TestSeller workshop() {
        return workshop;
    }

    /** A donor's devices. */
    public record Donation(TestSeller donor, List<String> serials, List<UUID> ids) {

        public String serial(int i) {
            return serials.get(i);
        }

        public UUID id(int i) {
            return ids.get(i);
        }
    }

    /** A fresh donor with {@code count} laptops; serials and asset tags unique to this chain. */
    public Donation donor(int count) {
        TestSeller donor = TestSeller.onboard(port, "DONOR");
        List<String> serials = new ArrayList<>();
        StringBuilder csv = new StringBuilder("Nom;Type;Fabricant;Modèle;Numéro de série;Numéro d'inventaire;Date d'achat;"
                + "Date de réforme;Supprimé\n");
        for (int i = 0; i < count; i++) {
            String serial = prefix + "-" + (++this.serials);
            serials.add(serial);
            csv.append("PC-%s;Portable;Dell;Latitude 5490;%s;INV-%s;01/03/2019;;0\n".formatted(serial, serial, serial));
        }
        ApiClient.Response imported = donor.client().upload("/api/v1/inventory/imports", Map.of("format", "glpi-csv"),
                "glpi.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        if (imported.status() != 201) {
            throw new IllegalStateException(imported.status() + " " + imported.body());
        }
        List<UUID> ids = serials.stream().map(serial -> jdbc.sql("select id from asset where organization_id = ? and serial = ?")
                .params(UUID.fromString(donor.id()), serial).query(UUID.class).single()).toList();
        return new Donation(donor, serials, ids);
    }

    /** Records a step through the API, as the given client. */
    public static ApiClient.Response record(ApiClient client, String step, List<String> devices, String details) {
        String list = devices.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(", "));
        return client.post("/api/v1/custody/events", """
                {"devices": [%s], "step": "%s", "details": %s}""".formatted(list, step, details == null ? "{}" : details));
    }

    /** Records a step that must succeed. */
    public static JsonNode recorded(ApiClient client, String step, List<String> devices, String details) {
        ApiClient.Response response = record(client, step, devices, details);
        if (response.status() != 201) {
            throw new IllegalStateException(step + ": " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /** Announced by the donor, collected by the collector, received by the workshop. */
    public void toWorkshop(Donation donation, List<String> devices) {
        recorded(donation.donor().client(), "ANNOUNCED", devices, null);
        recorded(collector.client(), "COLLECTED", devices, "{\"routeRef\": \"T-12\", \"vehicleRef\": \"GE-123-AB\"}");
        recorded(workshop.client(), "RECEIVED", devices, null);
    }

    /** At the workshop, wiped and graded B: ready to be listed, sold or given. */
    public void readyForSale(Donation donation, List<String> devices) {
        toWorkshop(donation, devices);
        recorded(workshop.client(), "DATA_WIPED", devices, WIPED);
        recorded(workshop.client(), "GRADED", devices, "{\"grade\": \"B\"}");
    }
}
