package org.boucle.marketplace.inventory;

/** Fields in the CSV form PostgreSQL's COPY reads: an unquoted empty field is NULL, anything else is quoted. */
final class CopyCsv {

    private CopyCsv() {
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        return '"' + value.toString().replace("\"", "\"\"") + '"';
    }
}
