package org.boucle.marketplace.catalog;

/** The main storage of a computer, phone or tablet. */
public enum StorageType {
    SSD,
    NVME,
    HDD,
    EMMC
}
