package org.boucle.marketplace.invoice;

/** The identifiers a French company's SIRET gives: its SIREN and its intra-community VAT number. */
final class FrenchIdentifiers {

    private FrenchIdentifiers() {
    }

    /**
     * FR, a two-digit key, then the SIREN (the SIRET's first nine digits); key = (12 + 3 × (SIREN mod 97)) mod 97.
     * This is the number the tax office allocates to VAT-registered companies.
     */
    static String vatNumber(String siret) {
        if (siret == null || !siret.matches("[0-9]{14}")) {
            throw new IllegalArgumentException("a SIRET has 14 digits");
        }
        long siren = Long.parseLong(siret.substring(0, 9));
        long key = (12 + 3 * (siren % 97)) % 97;
        return "FR%02d%s".formatted(key, siret.substring(0, 9));
    }
}
