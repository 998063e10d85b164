package org.boucle.marketplace.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Stripe-compatible HTTP stand-in: the endpoints Boucle calls, answering with Stripe's own example objects
 * (stripe/openapi fixtures3.json) filled in from the request, and a record of every request for the tests to assert.
 * One per test JVM, shared by the Stripe-enabled application context.
 */
public final class StripeStandIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StripeStandIn SHARED = new StripeStandIn();

    private final WireMockServer server;
    private final JsonNode fixtures;
    private final AtomicLong ids = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private StripeStandIn() {
        try (InputStream in = StripeStandIn.class.getResourceAsStream("/stripe/fixtures3-subset.json")) {
            fixtures = JSON.readTree(in).get("resources");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new Api()));
        server.start();
        server.stubFor(any(urlPathMatching("/v1/.*")).atPriority(10).willReturn(aResponse().withTransformers(Api.NAME)));
    }

    public static StripeStandIn shared() {
        return SHARED;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** The form-encoded parameters of every request to that method and path, oldest first. */
    public List<Request> requests(String method, String path) {
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().split("\\?")[0].equals(path))
                .map(r -> new Request(r.getUrl(), r.getHeader("Idempotency-Key"), form(r)))
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
                    java.util.Collections.reverse(list);
                    return list;
                }));
    }

    public record Request(String url, String idempotencyKey, Map<String, String> params) {
    }

    /** The next calls to POST path answer this HTTP status with a Stripe error, until {@link #heal}. */
    public StubMapping fail(String path, int status) {
        return server.stubFor(post(urlPathEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Stand-in failure\"}}")));
    }

    public void heal(StubMapping failure) {
        server.removeStub(failure);
    }

    /** A Stripe object of the given type, from the fixtures, with the fields given. */
    public ObjectNode object(String type, Map<String, ?> fields) {
        ObjectNode object = fixtures.get(type).deepCopy();
        fields.forEach((k, v) -> object.set(k, JSON.valueToTree(v)));
        return object;
    }

    public String newId(String prefix) {
        // Unique across runs too: the test database keeps earlier runs' Stripe ids.
        return prefix + "_standin" + run + "x" + ids.incrementAndGet();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        String query = request.getUrl().contains("?") ? request.getUrl().substring(request.getUrl().indexOf('?') + 1) : "";
        for (String source : List.of(body, query)) {
            if (source == null || source.isBlank()) {
                continue;
            }
            for (String pair : source.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** Routes Stripe's REST paths to fixture objects completed from the request. */
    private final class Api implements ResponseDefinitionTransformerV2 {

        static final String NAME = "stripe-api";
        private static final Pattern ID_ACTION = Pattern.compile("^/v1/([a-z_]+)/([A-Za-z0-9_]+)(?:/([a-z_]+))?$");

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest request = event.getRequest();
            Map<String, String> p = form(request);
            String path = request.getUrl().split("\\?")[0];
            String method = request.getMethod().getName();
            ObjectNode answer = switch (method + " " + path) {
                case "POST /v1/payment_intents" -> paymentIntent(newId("pi"), p);
                case "POST /v1/customers" -> object("customer", Map.of("id", newId("cus"), "name", p.get("name"),
                        "metadata", metadata(p)));
                case "POST /v1/invoices" -> object("invoice", Map.of("id", newId("in"), "customer", p.get("customer"),
                        "collection_method", p.get("collection_method"), "status", "draft", "metadata", metadata(p)));
                case "POST /v1/invoiceitems" -> object("invoiceitem", Map.of("id", newId("ii"),
                        "invoice", p.get("invoice"), "amount", Long.parseLong(p.get("amount")),
                        "currency", p.get("currency")));
                case "GET /v1/invoice_payments" -> listOf(object("invoice_payment", Map.of("id", newId("inpay"),
                        "invoice", p.get("invoice"), "status", "paid",
                        "payment", Map.of("type", "payment_intent", "payment_intent", "pi_of_" + p.get("invoice")))));
                case "POST /v1/refunds" -> object("refund", Map.of("id", newId("re"), "charge", p.get("charge"),
                        "status", "succeeded", "metadata", metadata(p)));
                case "POST /v1/transfers" -> object("transfer", Map.of("id", newId("tr"),
                        "amount", Long.parseLong(p.get("amount")), "currency", p.get("currency"),
                        "destination", p.get("destination"), "transfer_group", p.get("transfer_group"),
                        "metadata", metadata(p)))
                        .put("source_transaction", p.get("source_transaction"));
                default -> byId(method, path, p);
            };
            if (answer == null) {
                return json(404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unknown "
                        + method + " " + path + "\"}}");
            }
            return json(200, answer.toString());
        }

        private static ResponseDefinition json(int status, String body) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                    .withHeader("Content-Type", "application/json").withBody(body).build();
        }

        private ObjectNode paymentIntent(String id, Map<String, String> p) {
            return object("payment_intent", Map.of(
                    "id", id, "amount", Long.parseLong(p.get("amount")), "currency", p.get("currency"),
                    "payment_method_types", List.of(p.get("payment_method_types[0]")),
                    "transfer_group", p.get("transfer_group"), "description", p.getOrDefault("description", ""),
                    "metadata", metadata(p), "status", "requires_payment_method",
                    "client_secret", id + "_secret_standin"))
                    .put("last_payment_error", (String) null).put("transfer_data", (String) null)
                    .put("canceled_at", (String) null);
        }

        private ObjectNode byId(String method, String path, Map<String, String> p) {
            Matcher m = ID_ACTION.matcher(path);
            if (!m.matches()) {
                return null;
            }
            String id = m.group(2);
            String action = m.group(3) == null ? "" : m.group(3);
            return switch (method + " " + m.group(1) + " " + action) {
                case "GET payment_intents " -> object("payment_intent", Map.of("id", id, "status", "succeeded",
                        "latest_charge", "ch_of_" + id));
                case "POST payment_intents cancel" -> object("payment_intent", Map.of("id", id, "status", "canceled"));
                case "POST invoices finalize" -> object("invoice", Map.of("id", id, "status", "open"));
                case "POST invoices send" -> object("invoice", Map.of("id", id, "status", "open"));
                case "POST invoices void" -> object("invoice", Map.of("id", id, "status", "void"));
                case "POST transfers reversals" -> object("transfer_reversal", Map.of("id", newId("trr"),
                        "transfer", id, "amount", Long.parseLong(p.get("amount"))));
                default -> null;
            };
        }

        private ObjectNode listOf(ObjectNode item) {
            ObjectNode list = JSON.createObjectNode().put("object", "list").put("has_more", false).put("url", "/v1/list");
            list.putArray("data").add(item);
            return list;
        }

        private Map<String, String> metadata(Map<String, String> p) {
            Map<String, String> metadata = new LinkedHashMap<>();
            p.forEach((k, v) -> {
                if (k.startsWith("metadata[")) {
                    metadata.put(k.substring(9, k.length() - 1), v);
                }
            });
            return metadata;
        }
    }
}
