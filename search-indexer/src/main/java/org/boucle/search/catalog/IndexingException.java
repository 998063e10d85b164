package org.boucle.search.catalog;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Some documents of a bulk request were refused for another reason than a newer version already
 * being indexed. The documents not listed were indexed; sending the whole batch again is harmless
 * (external versions), so the caller simply retries later.
 */
public class IndexingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final int LISTED_IN_MESSAGE = 10;

    private final transient Map<String, String> failures;

    public IndexingException(Map<String, String> failures) {
        super(message(failures));
        this.failures = Map.copyOf(failures);
    }

    /** Listing id → Elasticsearch's reason, for every refused document. */
    public Map<String, String> failures() {
        return failures;
    }

    private static String message(Map<String, String> failures) {
        String listed = failures.entrySet().stream()
                .limit(LISTED_IN_MESSAGE)
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
        return failures.size() + " listing(s) not indexed: " + listed
                + (failures.size() > LISTED_IN_MESSAGE ? "; …" : "");
    }
}
