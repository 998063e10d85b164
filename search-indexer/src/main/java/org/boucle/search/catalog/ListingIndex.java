package org.boucle.search.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch.indices.ResolveIndexResponse;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexAliasItem;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boucle.search.IndexNamespace;

/**
 * The listings index: creation, bulk indexing and zero-downtime full reindexing.
 *
 * <p>Readers and writers go through the alias {@code <prefix>-listings}; it points at exactly one
 * concrete generation {@code <prefix>-listings-00000n}. Every write carries the listing's
 * {@link ListingDocument#version()} as an {@code external_gte} version, so writes may be retried,
 * replayed or arrive out of order: an older change never replaces a newer one.
 *
 * <p>Thread-safe; holds no state besides the client.
 */
public final class ListingIndex {

    static final String KIND = "listings";
    static final String DEFINITION = "listings-index.json";

    private static final String DEFINITION_META = "definition";
    private final ElasticsearchClient client;
    private final BulkLoader bulk;
    private final String alias;
    private final Pattern generationName;
    private final IndexNamespace namespace;
    private final ListingJson json = new ListingJson();
    private final ObjectNode definition;

    public ListingIndex(ElasticsearchClient client, IndexNamespace namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.alias = namespace.alias(KIND);
        this.generationName = Pattern.compile(Pattern.quote(alias) + "-(\\d{6,9})");
        this.definition = readDefinition(json);
        this.bulk = new BulkLoader(client, json);
    }

    /** The alias readers and writers use. */
    public String alias() {
        return alias;
    }

    /**
     * Creates generation 1 with the alias on it, unless the alias exists. Idempotent; when several
     * instances start together, the one that loses the race sees the index already there, which is fine
     * (the alias is created with the index, in the same cluster-state update).
     */
    public void ensureExists() {
        if (state().target() != null) {
            return;
        }
        String first = namespace.generation(KIND, 1);
        try {
            Elastic.call("create " + first, () -> client.indices().create(c -> c
                    .index(first)
                    .withJson(new StringReader(definition.toString()))
                    .aliases(alias, a -> a)));
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof ElasticsearchException ee && Elastic.isType(ee, "resource_already_exists_exception"))) {
                throw e;
            }
            if (state().target() == null) {
                throw new IllegalStateException(first + " exists but alias " + alias
                        + " does not point at it: repair by hand (add the alias, or delete the index)", e);
            }
        }
    }

    /**
     * Indexes the documents through the alias, in bulk requests of about 500 documents, two in flight
     * (see {@link BulkLoader}).
     *
     * @return how many were written and how many were skipped because the index holds a newer version
     * @throws IndexingException when some documents were refused for another reason (the others are indexed)
     * @throws SearchUnavailableException when Elasticsearch cannot be reached or fails
     */
    public IndexingResult index(List<ListingDocument> docs) {
        // require_alias: a write before ensureExists() must not auto-create a concrete index named like the alias.
        return bulk(alias, true, docs);
    }

    /**
     * Indexes the documents into one existing generation of this namespace, e.g. to load it directly.
     *
     * @throws IllegalArgumentException "concreteIndex: ..." when it is not an existing generation of this
     *     namespace (a bulk request would otherwise auto-create it with a dynamic mapping)
     */
    public IndexingResult index(List<ListingDocument> docs, String concreteIndex) {
        if (concreteIndex == null || !generationName.matcher(concreteIndex).matches()) {
            throw new IllegalArgumentException("concreteIndex: not a generation of " + alias + ": " + concreteIndex);
        }
        if (!Elastic.call("check " + concreteIndex, () -> client.indices().exists(e -> e.index(concreteIndex)).value())) {
            throw new IllegalArgumentException("concreteIndex: no such index: " + concreteIndex);
        }
        return bulk(concreteIndex, false, docs);
    }

    /**
     * Starts a full reindex: creates the next generation, tuned for loading (no refresh, no replica).
     * Nothing reads from it until {@link Reindex#complete()} moves the alias.
     *
     * <p>The contract with the caller, so that no change is lost while the snapshot is loaded:
     * <ol>
     *   <li>note a watermark of the change feed (the outbox position) <em>before</em> reading the snapshot;</li>
     *   <li>{@link Reindex#load} the whole snapshot; changes keep being indexed through the alias, into the
     *       old generation, meanwhile;</li>
     *   <li>{@link Reindex#complete()};</li>
     *   <li>replay through {@link #index(List)} every change since the watermark. External versions make
     *       the replay harmless for listings the snapshot already had at their newest version.</li>
     * </ol>
     * Between steps 3 and 4 readers may briefly see a listing at its snapshot version. Run one reindex at
     * a time (e.g. under a database advisory lock): completing one deletes older unaliased generations.
     *
     * @throws IllegalStateException when the alias does not exist ({@link #ensureExists()} first)
     */
    public Reindex startReindex() {
        State state = state();
        if (state.target() == null) {
            throw new IllegalStateException("alias " + alias + " does not exist: call ensureExists() first");
        }
        String next = namespace.generation(KIND, state.highestGeneration() + 1);
        ObjectNode loading = definition.deepCopy();
        ObjectNode settings = loading.withObjectProperty("settings").withObjectProperty("index");
        // Loading settings, undone by complete(): no refresh, no replica, no fsync per request (a crash
        // during the load only costs restarting the reindex, the alias still serves the old generation).
        settings.put("refresh_interval", "-1");
        settings.put("auto_expand_replicas", "false");
        settings.put("number_of_replicas", 0);
        settings.putObject("translog").put("durability", "async");
        Elastic.call("create " + next, () -> client.indices().create(c -> c
                .index(next)
                .withJson(new StringReader(loading.toString()))));
        return new Reindex(next);
    }

    /** Documents in the index, whatever their status (refresh first to count the latest writes). */
    public long count() {
        return Elastic.call("count " + alias, () -> client.count(c -> c.index(alias)).count());
    }

    /** The concrete generation the alias points at. */
    public String currentIndex() {
        String target = state().target();
        if (target == null) {
            throw new IllegalStateException("alias " + alias + " does not exist: call ensureExists() first");
        }
        return target;
    }

    /** Makes every write so far visible to searches (tests, and after a reindex). */
    public void refresh() {
        Elastic.call("refresh " + alias, () -> client.indices().refresh(r -> r.index(alias)));
    }

    private IndexingResult bulk(String target, boolean requireAlias, List<ListingDocument> docs) {
        return bulk.load(target, requireAlias, Objects.requireNonNull(docs, "docs"));
    }

    /** The alias's target and the highest generation number present, aliased or not. */
    private record State(String target, List<String> aliasTargets, List<String> generations, int highestGeneration) {
    }

    private State state() {
        // One call lists the alias and every generation; wildcards never fail on a missing name.
        ResolveIndexResponse resolved = Elastic.call("resolve " + alias, () -> client.indices().resolveIndex(r -> r
                .name(alias + "*")
                .expandWildcards(ExpandWildcard.All)));
        List<String> targets = resolved.aliases().stream()
                .filter(a -> a.name().equals(alias))
                .map(ResolveIndexAliasItem::indices)
                .findFirst()
                .orElse(List.of());
        List<String> generations = resolved.indices().stream()
                .map(ResolveIndexItem::name)
                .filter(name -> generationName.matcher(name).matches())
                .toList();
        int highest = generations.stream().mapToInt(this::generationOf).max().orElse(0);
        String target = targets.stream().max(Comparator.comparingInt(this::generationOf)).orElse(null);
        return new State(target, targets, generations, highest);
    }

    private int generationOf(String index) {
        Matcher m = generationName.matcher(index);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static ObjectNode readDefinition(ListingJson json) {
        try (InputStream in = ListingIndex.class.getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFINITION);
            }
            ObjectNode definition = (ObjectNode) json.mapper().readTree(in);
            // Every generation records which definition built it, so a changed definition is noticed.
            definition.with("mappings").with("_meta").put(DEFINITION_META, fingerprint(definition.toString()));
            return definition;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the generation behind the alias was built from another index definition than this code's (fields,
     * analysis): its documents then lack what queries now rely on, and only a full reindex brings them up to date.
     */
    public boolean definitionChanged() {
        String current = currentIndex();
        String expected = definition.get("mappings").get("_meta").get(DEFINITION_META).asText();
        return Elastic.call("mapping " + current, () -> {
            var mapping = client.indices().getMapping(m -> m.index(current)).result().get(current);
            var meta = mapping == null || mapping.mappings().meta() == null ? null : mapping.mappings().meta().get(DEFINITION_META);
            return meta == null || !expected.equals(meta.to(String.class));
        });
    }

    /**
     * A full reindex in progress: a new generation being loaded while the alias still serves the old one.
     * Close it (try-with-resources) to abort unless {@link #complete()} succeeded.
     */
    public final class Reindex implements AutoCloseable {

        private final String indexName;
        private boolean completed;

        private Reindex(String indexName) {
            this.indexName = indexName;
        }

        /** The new generation, e.g. {@code boucle-listings-000004}. */
        public String indexName() {
            return indexName;
        }

        /** Loads a batch of the snapshot into the new generation (external versions, like any write). */
        public IndexingResult load(List<ListingDocument> batch) {
            return bulk(indexName, false, batch);
        }

        /**
         * Restores the serving settings, refreshes, moves the alias from the old generation(s) to the new one
         * in a single {@code _aliases} request (readers see either the old or the new index, never none), then
         * deletes the old generations and any abandoned older one. Then replay the changes since the
         * watermark (see {@link ListingIndex#startReindex()}).
         */
        public void complete() {
            JsonNode serving = definition.path("settings").path("index");
            ObjectNode restore = json.mapper().createObjectNode();
            restore.putObject("index")
                    .put("refresh_interval", serving.path("refresh_interval").asText("1s"))
                    .put("auto_expand_replicas", serving.path("auto_expand_replicas").asText("0-1"))
                    .putObject("translog").put("durability", "request");
            Elastic.call("restore settings of " + indexName, () -> client.indices().putSettings(p -> p
                    .index(indexName)
                    .settings(s -> s.withJson(new StringReader(restore.toString())))));
            Elastic.call("refresh " + indexName, () -> client.indices().refresh(r -> r.index(indexName)));

            State before = state();
            List<Action> actions = new ArrayList<>();
            for (String old : before.aliasTargets()) {
                if (!old.equals(indexName)) {
                    actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias))));
                }
            }
            actions.add(Action.of(a -> a.add(ad -> ad.index(indexName).alias(alias))));
            Elastic.call("move alias " + alias + " to " + indexName,
                    () -> client.indices().updateAliases(u -> u.actions(actions)));
            completed = true;

            int generation = generationOf(indexName);
            List<String> obsolete = before.generations().stream()
                    .filter(g -> generationOf(g) < generation)
                    .toList();
            if (!obsolete.isEmpty()) {
                // By name: clusters refuse wildcard deletes (action.destructive_requires_name).
                Elastic.call("delete " + obsolete, () -> client.indices().delete(d -> d.index(obsolete)));
            }
        }

        /** Deletes the new generation; the alias never moved. Idempotent. */
        public void abort() {
            if (completed) {
                throw new IllegalStateException(indexName + " is serving: a completed reindex cannot be aborted");
            }
            try {
                Elastic.call("delete " + indexName, () -> client.indices().delete(d -> d.index(indexName)));
            } catch (SearchUnavailableException e) {
                if (!(e.getCause() instanceof ElasticsearchException ee && Elastic.isType(ee, "index_not_found_exception"))) {
                    throw e;
                }
            }
        }

        /** Aborts unless completed. */
        @Override
        public void close() {
            if (!completed) {
                abort();
            }
        }
    }
}
