package org.boucle.marketplace.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One invoice as EN 16931 describes it, with the business terms it uses (BT-n). Amounts are in {@code currency},
 * excluding VAT unless named otherwise; they are the order's, fixed at checkout.
 *
 * @param number BT-1, e.g. BCL-2026-000123
 * @param issueDate BT-2, the order's date in France
 * @param dueDate BT-9
 * @param issuerName who issues the invoice on the seller's behalf (Boucle)
 * @param seller BG-4, the listing's seller: the invoice is legally its own
 * @param buyer BG-7
 * @param buyerReference BT-10, the public buyer's Chorus Pro service code: Chorus Pro routes the invoice with it
 * @param purchaseOrderReference BT-13, the public buyer's commitment number
 * @param orderReference the Boucle order it invoices, printed for the reader
 * @param vatRate the VAT rate as a fraction (0.200); VAT category S
 * @param vatAmount BT-110
 * @param totalInclVat BT-112, also the amount due (BT-115): nothing is prepaid
 * @param payment BG-16 and BG-10: credit transfer to the payee
 */
record InvoiceDocument(String number, LocalDate issueDate, LocalDate dueDate, String currency, String issuerName,
        Party seller, Party buyer, String buyerReference, String purchaseOrderReference, String orderReference,
        Line line, BigDecimal vatRate, BigDecimal totalExclVat, BigDecimal vatAmount, BigDecimal totalInclVat,
        Payment payment) {

    /** "Facture émise par Boucle au nom et pour le compte de …": the mention an invoice issued under mandate bears. */
    String mandateMention() {
        return "Facture émise par " + issuerName + " au nom et pour le compte de " + seller.name();
    }

    /**
     * A party to the invoice. siret is its legal registration (scheme 0009), vatId its intra-community VAT number,
     * null when unknown.
     */
    record Party(String name, String siret, String vatId, Address address) {
    }

    /** A postal address; any part but the country may be missing. */
    record Address(String street, String postalCode, String city, String countryCode) {
    }

    /** BG-25: the single invoice line, an order being one listing. */
    record Line(String description, int quantity, BigDecimal unitPrice, BigDecimal netAmount) {
    }

    /** iban and bic are null when no account is configured. */
    record Payment(String payeeName, String iban, String bic, int days) {
    }
}
