package org.boucle.marketplace.invoice;

/** A rendered invoice: its number, and the Factur-X PDF. */
public record InvoiceFile(String number, byte[] pdf) {

    public String fileName() {
        return number + ".pdf";
    }
}
