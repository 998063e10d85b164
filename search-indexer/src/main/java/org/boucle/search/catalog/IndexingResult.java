package org.boucle.search.catalog;

/**
 * What a bulk load did.
 *
 * @param indexed documents written (created or replaced)
 * @param stale documents skipped because the index already holds a newer version of the listing
 */
public record IndexingResult(int indexed, int stale) {

    public static final IndexingResult NONE = new IndexingResult(0, 0);

    IndexingResult plus(IndexingResult other) {
        return new IndexingResult(indexed + other.indexed, stale + other.stale);
    }
}
