package org.boucle.marketplace.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.boucle.engine.geo.GeoPoint;

/** A French commune of the territory; reference data owned by migrations. */
@Entity
public class Commune {

    @Id
    @Column(name = "insee_code")
    private String inseeCode;

    private String name;

    private String postalCode;

    private double latitude;

    private double longitude;

    protected Commune() {
    }

    public String inseeCode() {
        return inseeCode;
    }

    public String name() {
        return name;
    }

    public String postalCode() {
        return postalCode;
    }

    public GeoPoint centre() {
        return new GeoPoint(latitude, longitude);
    }
}
