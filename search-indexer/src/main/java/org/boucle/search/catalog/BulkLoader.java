package org.boucle.search.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.http.entity.ByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

/**
 * Bulk indexing with external versions, pipelined: the next request is serialised while Elasticsearch
 * indexes the previous one, at most {@value #MAX_IN_FLIGHT} in flight.
 *
 * <p>With the usual transport (a low-level {@link RestClient}) a request body is one contiguous NDJSON
 * buffer and the response is read with a streaming parser. The typed bulk API, used for any other
 * transport, sends each NDJSON line as its own HTTP chunk and parses every response item into objects:
 * about 15 % slower on two cores, where the client and Elasticsearch share the CPU.
 */
final class BulkLoader {

    // Measured on 2 cores and a 1 GB heap: requests of ~500 documents (about 600 KB), two in flight,
    // beat bigger requests (1,000 to 5,000 documents) and one request at a time; a third in flight only
    // adds contention on two cores.
    static final int MAX_DOCS_PER_REQUEST = 500;
    static final int MAX_IN_FLIGHT = 2;
    private static final int MAX_BYTES_PER_REQUEST = 2 << 20;

    private static final String NDJSON = "application/vnd.elasticsearch+x-ndjson; compatible-with=8";
    private static final String ACCEPT_JSON = "application/vnd.elasticsearch+json; compatible-with=8";
    // A newer version is already indexed: exactly what external versions are for, not a failure.
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    private final ListingJson json;
    private final RestClient restClient;
    private final RequestOptions requestOptions;
    private final ElasticsearchAsyncClient asyncClient;

    BulkLoader(ElasticsearchClient client, ListingJson json) {
        this.json = json;
        if (client._transport() instanceof RestClientTransport transport) {
            restClient = transport.restClient();
            requestOptions = requestOptions(client._transportOptions() != null ? client._transportOptions() : transport.options());
            asyncClient = null;
        } else {
            restClient = null;
            requestOptions = null;
            asyncClient = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
        }
    }

    /** The outcome of one request: documents written, documents older than the indexed ones, failures by id. */
    private record Outcome(IndexingResult result, Map<String, String> failures) {
    }

    IndexingResult load(String target, boolean requireAlias, List<ListingDocument> docs) {
        String what = "bulk index into " + target;
        IndexingResult result = IndexingResult.NONE;
        Map<String, String> failures = new LinkedHashMap<>();
        RuntimeException failure = null;
        Deque<CompletableFuture<Outcome>> inFlight = new ArrayDeque<>();
        int from = 0;
        while (from < docs.size() && failure == null) {
            if (inFlight.size() == MAX_IN_FLIGHT) {
                try {
                    result = add(result, failures, await(what, inFlight.removeFirst()));
                } catch (RuntimeException e) {
                    failure = e;
                    break;
                }
            }
            if (restClient != null) {
                ByteArrayBuilder body = new ByteArrayBuilder(MAX_BYTES_PER_REQUEST / 2);
                from = writeBody(docs, from, body);
                inFlight.addLast(sendRaw(target, requireAlias, body.toByteArray()));
            } else {
                List<BulkOperation> operations = new ArrayList<>();
                from = operations(docs, from, operations);
                inFlight.addLast(sendTyped(target, requireAlias, operations));
            }
        }
        while (!inFlight.isEmpty()) {
            try {
                result = add(result, failures, await(what, inFlight.removeFirst()));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (!failures.isEmpty()) {
            throw new IndexingException(failures);
        }
        return result;
    }

    private static IndexingResult add(IndexingResult result, Map<String, String> failures, Outcome outcome) {
        failures.putAll(outcome.failures());
        return result.plus(outcome.result());
    }

    // --- One contiguous NDJSON body through the low-level client ---

    /** Writes action and source lines from {@code from} on, up to the request limits; returns the next index. */
    private int writeBody(List<ListingDocument> docs, int from, ByteArrayBuilder body) {
        int i = from;
        try (JsonGenerator g = json.generator(body)) {
            g.setRootValueSeparator(new SerializedString("\n"));
            while (i < docs.size() && i - from < MAX_DOCS_PER_REQUEST && body.size() < MAX_BYTES_PER_REQUEST) {
                ListingDocument doc = docs.get(i++);
                g.writeStartObject();
                g.writeObjectFieldStart("index");
                g.writeStringField("_id", doc.id());
                g.writeNumberField("version", doc.version());
                g.writeStringField("version_type", "external_gte");
                g.writeEndObject();
                g.writeEndObject();
                json.write(g, doc);
                g.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.write('\n'); // NDJSON: every line ends with a newline, the last one included
        return i;
    }

    private CompletableFuture<Outcome> sendRaw(String target, boolean requireAlias, byte[] body) {
        Request request = new Request("POST", "/" + target + "/_bulk");
        if (requireAlias) {
            request.addParameter("require_alias", "true");
        }
        request.setOptions(requestOptions);
        ByteArrayEntity entity = new ByteArrayEntity(body);
        entity.setContentType(NDJSON);
        request.setEntity(entity);
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        restClient.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                try (InputStream in = response.getEntity().getContent()) {
                    outcome.complete(readResponse(in));
                } catch (IOException | RuntimeException e) {
                    outcome.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(Exception e) {
                outcome.completeExceptionally(e);
            }
        });
        return outcome;
    }

    /** Streams through the response: per item, only the id, and the error type and reason if any. */
    private Outcome readResponse(InputStream in) throws IOException {
        int indexed = 0;
        int stale = 0;
        Map<String, String> failures = new LinkedHashMap<>();
        try (JsonParser p = json.mapper().getFactory().createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"items".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                expect(value, JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    expect(p.nextToken(), JsonToken.FIELD_NAME); // the operation: "index"
                    expect(p.nextToken(), JsonToken.START_OBJECT);
                    String id = null;
                    String errorType = null;
                    String errorReason = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken token = p.nextToken();
                        if ("_id".equals(name)) {
                            id = p.getText();
                        } else if ("error".equals(name) && token == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String errorField = p.currentName();
                                p.nextToken();
                                if ("type".equals(errorField)) {
                                    errorType = p.getText();
                                } else if ("reason".equals(errorField)) {
                                    errorReason = p.getText();
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    expect(p.nextToken(), JsonToken.END_OBJECT);
                    if (errorType == null) {
                        indexed++;
                    } else if (VERSION_CONFLICT.equals(errorType)) {
                        stale++;
                    } else {
                        failures.put(id, errorType + ": " + errorReason);
                    }
                }
            }
        }
        return new Outcome(new IndexingResult(indexed, stale), failures);
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("unexpected bulk response: " + actual + " where " + expected + " was expected");
        }
    }

    /** The transport's headers (authentication...), with the compatible-with=8 media types ES expects in pairs. */
    private static RequestOptions requestOptions(TransportOptions options) {
        RequestOptions.Builder builder = options instanceof RestClientOptions restOptions
                ? restOptions.restClientRequestOptions().toBuilder()
                : RequestOptions.DEFAULT.toBuilder();
        builder.removeHeader("Content-Type");
        builder.removeHeader("Accept");
        builder.addHeader("Accept", ACCEPT_JSON);
        return builder.build();
    }

    // --- The typed API, for other transports ---

    private int operations(List<ListingDocument> docs, int from, List<BulkOperation> operations) {
        int i = from;
        long bytes = 0;
        while (i < docs.size() && i - from < MAX_DOCS_PER_REQUEST && bytes < MAX_BYTES_PER_REQUEST) {
            ListingDocument doc = docs.get(i++);
            byte[] source = json.toIndexJson(doc);
            bytes += source.length;
            operations.add(BulkOperation.of(o -> o.index(x -> x
                    .id(doc.id())
                    .version(doc.version())
                    .versionType(VersionType.ExternalGte)
                    .document(BinaryData.of(source, ContentType.APPLICATION_JSON)))));
        }
        return i;
    }

    private CompletableFuture<Outcome> sendTyped(String target, boolean requireAlias, List<BulkOperation> operations) {
        try {
            return asyncClient.bulk(b -> b.index(target).requireAlias(requireAlias).operations(operations))
                    .thenApply(BulkLoader::outcome);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Outcome outcome(BulkResponse response) {
        int indexed = 0;
        int stale = 0;
        Map<String, String> failures = new LinkedHashMap<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                indexed++;
            } else if (VERSION_CONFLICT.equals(item.error().type())) {
                stale++;
            } else {
                failures.put(item.id(), item.error().type() + ": " + item.error().reason());
            }
        }
        return new Outcome(new IndexingResult(indexed, stale), failures);
    }

    private static Outcome await(String what, CompletableFuture<Outcome> outcome) {
        return Elastic.call(what, () -> {
            try {
                return outcome.join();
            } catch (CompletionException e) {
                // Both clients complete with the exceptions their blocking calls would throw.
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        });
    }
}
