package org.boucle.marketplace.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxPhotoSize the largest photo a listing accepts
 * @param maxPhotos how many photos a listing may have (at most 10: the schema numbers them 0 to 9)
 */
@ConfigurationProperties("boucle.catalog")
public record CatalogProperties(@DefaultValue("5MB") DataSize maxPhotoSize, @DefaultValue("10") int maxPhotos) {

    public CatalogProperties {
        if (maxPhotos < 1 || maxPhotos > 10) {
            throw new IllegalArgumentException("boucle.catalog.max-photos must be between 1 and 10");
        }
        if (maxPhotoSize.toBytes() < 1 || maxPhotoSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("boucle.catalog.max-photo-size is out of range");
        }
    }
}
