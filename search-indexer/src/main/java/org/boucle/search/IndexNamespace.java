package org.boucle.search;

import java.util.regex.Pattern;

/**
 * Names every index and alias Boucle owns under one prefix, so that a deployment, the demo
 * and the test suite can share a cluster without touching each other's data.
 * Readers and writers always go through the alias; concrete indices carry a generation
 * suffix so a full reindex can build the next one and swap the alias atomically.
 */
public record IndexNamespace(String prefix) {

    // Elasticsearch index names: lowercase, no leading '-', '_' or '+', none of \ / * ? " < > | space , #
    private static final Pattern VALID_PREFIX = Pattern.compile("[a-z0-9][a-z0-9._-]{0,59}");

    public IndexNamespace {
        if (prefix == null || !VALID_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "index prefix must be 1-60 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit: "
                            + prefix);
        }
    }

    /** The alias that readers and writers of an index kind use, e.g. {@code boucle-listings}. */
    public String alias(String kind) {
        return prefix + "-" + requireKind(kind);
    }

    /** A concrete index of the given generation, e.g. {@code boucle-listings-000003}. */
    public String generation(String kind, int generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("generation starts at 1: " + generation);
        }
        return "%s-%06d".formatted(alias(kind), generation);
    }

    /** A wildcard matching every index and alias of this namespace. */
    public String wildcard() {
        return prefix + "-*";
    }

    private static String requireKind(String kind) {
        if (kind == null || !kind.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new IllegalArgumentException("index kind must be a lowercase word: " + kind);
        }
        return kind;
    }
}
