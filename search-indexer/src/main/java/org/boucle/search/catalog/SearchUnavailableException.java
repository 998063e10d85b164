package org.boucle.search.catalog;

/**
 * Elasticsearch cannot answer now: unreachable, overloaded, failing, or the index is missing.
 * The web app answers 503; the indexing outbox keeps its rows and retries later.
 */
public class SearchUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
