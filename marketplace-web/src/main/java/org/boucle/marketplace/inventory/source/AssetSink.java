package org.boucle.marketplace.inventory.source;

/**
 * Receives an export row by row. Every data row ends up either accepted once, or rejected with one error per
 * faulty field (or one for the whole row).
 */
public interface AssetSink {

    void accept(SourceAsset asset);

    void reject(RowError error);
}
