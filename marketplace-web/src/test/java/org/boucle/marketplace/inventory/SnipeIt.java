package org.boucle.marketplace.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Pages of Snipe-IT's {@code GET /api/v1/hardware}, written the way Snipe-IT answers. */
final class SnipeIt {

    private SnipeIt() {
    }

    static String asset(int id, String category, String manufacturer, String model, String serial, String purchaseDate,
            String warrantyExpires, String eolDate) {
        return """
                {"id": %d, "name": "PC-%d", "asset_tag": "UGA-%05d", "serial": "%s",
                 "model": {"id": 7, "name": "%s"}, "model_number": null,
                 "status_label": {"id": 2, "name": "Ready to Deploy", "status_type": "deployable", "status_meta": "deployable"},
                 "category": {"id": 3, "name": "%s"}, "manufacturer": %s,
                 "location": {"id": 1, "name": "Siège"}, "rtd_location": null,
                 "purchase_date": %s, "purchase_cost": "1 049,00", "warranty_months": "36 months",
                 "warranty_expires": %s, "asset_eol_date": %s, "eol": null, "custom_fields": {}, "deleted_at": null}"""
                .formatted(id, id, id, serial, model, category,
                        manufacturer == null ? "null" : "{\"id\": 4, \"name\": \"" + manufacturer + "\"}", date(purchaseDate), date(warrantyExpires),
                        date(eolDate));
    }

    static byte[] page(String... assets) {
        return ("{\"total\": " + assets.length + ", \"rows\": [" + Arrays.stream(assets).collect(Collectors.joining(",\n"))
                + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String date(String iso) {
        return iso == null ? "null" : "{\"date\": \"" + iso + "\", \"formatted\": \"" + iso + "\"}";
    }
}
