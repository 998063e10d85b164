package org.boucle.marketplace.collection;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What collection plans leave in the test database: cleared before and after the tests that plan the demo's week. */
public record CollectionPlansData(JdbcClient jdbc) {

    public void clear() {
        jdbc.sql("delete from vehicle_unavailability").update();
        jdbc.sql("delete from collection_pickup").update();
        jdbc.sql("update collection_plan set status = 'FAILED' where status = 'RUNNING'").update();
        jdbc.sql("update collection_plan set replans = null").update();
        jdbc.sql("delete from collection_plan").update();
        jdbc.sql("delete from notification where link = '/collection/pickups'").update();
    }
}
