package org.boucle.search.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.boucle.search.IndexNamespace;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/** The real Elasticsearch node the tests run against, and their throwaway namespaces. */
final class EsTestSupport {

    static final String URL = System.getenv().getOrDefault("BOUCLE_ES_URL", "http://127.0.0.1:9200");
    static final String PLUGIN = "boucle-analysis";
    private static final Duration PLUGIN_WAIT = Duration.ofMinutes(40);

    private EsTestSupport() {
    }

    static ElasticsearchClient client() {
        return client(URL);
    }

    static ElasticsearchClient client(String url) {
        RestClient rest = RestClient.builder(HttpHost.create(url)).build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    static RestClient restClient(ElasticsearchClient client) {
        return ((RestClientTransport) client._transport()).restClient();
    }

    static IndexNamespace randomNamespace() {
        return new IndexNamespace("boucle-test-indexer-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * The index settings use the boucle-analysis token filters: wait for the plugin (it may be being
     * installed, the node restarting) rather than skip, so that these tests always run for real.
     */
    static void awaitAnalysisPlugin(ElasticsearchClient client) {
        Instant deadline = Instant.now().plus(PLUGIN_WAIT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                Response response = restClient(client).performRequest(new Request("GET", "/_cat/plugins?h=component"));
                last = new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
                if (last.lines().anyMatch(line -> line.strip().equals(PLUGIN))) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString(); // the node restarts while the plugin is installed
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("plugin " + PLUGIN + " not installed on " + URL + " after " + PLUGIN_WAIT + ": " + last);
    }

    /** Deletes every index of the namespace, by name (wildcard deletes are refused by the cluster). */
    static void deleteIndices(ElasticsearchClient client, IndexNamespace namespace) {
        try {
            List<String> names = client.indices()
                    .resolveIndex(r -> r.name(namespace.wildcard()).expandWildcards(ExpandWildcard.All))
                    .indices().stream()
                    .map(ResolveIndexItem::name)
                    .toList();
            if (!names.isEmpty()) {
                client.indices().delete(d -> d.index(names));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> indexNames(ElasticsearchClient client, IndexNamespace namespace) {
        try {
            return client.indices()
                    .resolveIndex(r -> r.name(namespace.wildcard()).expandWildcards(ExpandWildcard.All))
                    .indices().stream()
                    .map(ResolveIndexItem::name)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void close(ElasticsearchClient client) {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
