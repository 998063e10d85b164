package org.boucle.search.catalog;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import org.elasticsearch.client.ResponseException;

/** Runs client calls and turns their failures into the exceptions this package promises. */
final class Elastic {

    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    private Elastic() {
    }

    static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            throw translate(what, e);
        } catch (ResponseException e) {
            // An error status from the low-level client (BulkLoader).
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status >= 500 || status == 429 || status == 404) {
                throw new SearchUnavailableException(what + ": Elasticsearch cannot answer: " + e.getMessage(), e);
            }
            throw new IllegalStateException(what + ": refused by Elasticsearch: " + e.getMessage(), e);
        } catch (IOException e) {
            // Connection refused or reset, timeout, or a response the client could not read (a proxy's 502...).
            throw new SearchUnavailableException(what + ": Elasticsearch unreachable: " + e.getMessage(), e);
        }
    }

    static RuntimeException translate(String what, ElasticsearchException e) {
        if (e.status() >= 500 || e.status() == 429 || isType(e, "index_not_found_exception")) {
            return new SearchUnavailableException(what + ": Elasticsearch cannot answer: " + e.getMessage(), e);
        }
        // Any other 4xx is a bug on our side (mapping, query): retrying will not help.
        return new IllegalStateException(what + ": refused by Elasticsearch: " + e.getMessage(), e);
    }

    static boolean isType(ElasticsearchException e, String type) {
        return e.error() != null && type.equals(e.error().type());
    }
}
