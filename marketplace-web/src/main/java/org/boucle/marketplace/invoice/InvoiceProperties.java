package org.boucle.marketplace.invoice;

import java.math.BigInteger;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How invoices are settled. Buyers pay Boucle, which collects on the sellers' behalf and passes their shares on, so
 * the bank account printed on invoices is Boucle's. There is no default account: without one the invoice still asks
 * for a credit transfer but cannot say where to (EN 16931 rule BR-61 then fails), rather than printing a made-up IBAN.
 *
 * @param issuerName who issues invoices on the sellers' behalf, and receives the payments
 * @param payeeIban the account buyers transfer to, e.g. {@code FR76 3000 6000 0112 3456 7890 189}
 * @param payeeBic that account's bank, optional
 * @param paymentDays the payment delay from the issue date (30 days: the legal maximum for French public buyers)
 */
@ConfigurationProperties("boucle.invoice")
public record InvoiceProperties(@DefaultValue("Boucle") String issuerName, String payeeIban, String payeeBic,
        @DefaultValue("30") int paymentDays) {

    public InvoiceProperties {
        payeeIban = compact(payeeIban);
        payeeBic = compact(payeeBic);
        if (payeeIban != null && !validIban(payeeIban)) {
            throw new IllegalArgumentException("boucle.invoice.payee-iban is not a valid IBAN");
        }
        if (payeeBic != null && !payeeBic.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            throw new IllegalArgumentException("boucle.invoice.payee-bic is not a valid BIC");
        }
        if (paymentDays < 0 || paymentDays > 60) {
            throw new IllegalArgumentException("boucle.invoice.payment-days must be between 0 and 60");
        }
    }

    private static String compact(String value) {
        return value == null || value.isBlank() ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** ISO 13616: the country and check digits moved to the end, letters as numbers, the whole mod 97 is 1. */
    private static boolean validIban(String iban) {
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
