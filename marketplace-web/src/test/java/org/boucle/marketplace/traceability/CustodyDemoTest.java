package org.boucle.marketplace.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's retired devices carry realistic, intact custody histories. */
@BoucleTest
class CustodyDemoTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoDonorsRetiredDevicesWentThroughTheChain() {
        List<UUID> devices = jdbc.sql("""
                select distinct e.device_id from custody_event e join asset a on a.id = e.device_id
                  join organization o on o.id = a.organization_id where o.name = 'CHU Grenoble Alpes'""")
                .query(UUID.class).list();
        assertThat(devices).hasSize(24);
        List<String> last = jdbc.sql("""
                select step from custody_event e where device_id in (:devices)
                   and seq = (select max(seq) from custody_event where device_id = e.device_id)""")
                .param("devices", devices).query(String.class).list();
        assertThat(last).contains("SOLD", "DONATED", "RECYCLED", "LISTED", "RESERVED", "REFURBISHED");
        assertThat(last.stream().filter("RECYCLED"::equals)).hasSize(4);

        ApiClient donor = ApiClient.demo(port, "donor");
        for (UUID device : devices) {
            JsonNode verification = donor.get("/api/v1/devices/" + device + "/custody/verify").json();
            assertThat(verification.get("valid").asBoolean()).as(device.toString()).isTrue();
        }
        JsonNode history = ApiClient.demo(port, "workshop").get("/api/v1/devices/" + devices.get(0) + "/custody").json();
        assertThat(history.get(0).get("step").asText()).isEqualTo("ANNOUNCED");
        assertThat(history.get(1).get("organizationName").asText()).isEqualTo("Alpes Collecte Solidaire");
    }
}
