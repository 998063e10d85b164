package org.boucle.marketplace.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.order.OrderView;
import org.boucle.marketplace.order.Orders;
import org.boucle.marketplace.organization.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Orders' invoices, as Factur-X PDFs. Boucle issues them on the seller's behalf, numbered at checkout; a donation
 * has none. Rendered on demand from the order, whose amounts never change, so there is nothing to store.
 */
@Service
public class Invoices {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final Orders orders;
    private final JdbcClient jdbc;
    private final FacturXRenderer renderer;
    private final InvoiceProperties properties;

    Invoices(Orders orders, JdbcClient jdbc, FacturXRenderer renderer, InvoiceProperties properties) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.properties = properties;
    }

    /**
     * The order's invoice, for its buyer, its seller and coordinators (anyone else: NotFoundException, as for an
     * unknown order); empty when the order has no invoice (a donation).
     */
    public Optional<InvoiceFile> pdf(Actor actor, UUID orderId) {
        return document(actor, orderId).map(invoice -> new InvoiceFile(invoice.number(), renderer.render(invoice)));
    }

    private Optional<InvoiceDocument> document(Actor actor, UUID orderId) {
        OrderView order = orders.order(actor, orderId);
        Invoiced invoiced = jdbc.sql("""
                select o.invoice_number, o.buyer_service_code, o.buyer_commitment_number,
                       s.name, s.siret, ss.street, ss.postal_code, sc.name,
                       b.name, b.siret, bs.street, bs.postal_code, bc.name
                  from customer_order o
                  join organization s on s.id = o.seller_id
                  join organization b on b.id = o.buyer_id
                  left join lateral (select street, postal_code, commune_code from site
                                      where organization_id = s.id order by created_at, id limit 1) ss on true
                  left join commune sc on sc.insee_code = ss.commune_code
                  left join lateral (select street, postal_code, commune_code from site
                                      where organization_id = b.id order by created_at, id limit 1) bs on true
                  left join commune bc on bc.insee_code = bs.commune_code
                 where o.id = ?""")
                .param(orderId)
                .query(Invoices::invoiced)
                .single();
        if (invoiced.number() == null) {
            return Optional.empty();
        }
        if (invoiced.seller().siret() == null) {
            throw new SellerUnidentifiedException(invoiced.seller().name());
        }
        LocalDate issued = order.createdAt().atZone(FRANCE).toLocalDate();
        return Optional.of(new InvoiceDocument(invoiced.number(), issued, issued.plusDays(properties.paymentDays()),
                order.currency(), properties.issuerName(), invoiced.seller(), invoiced.buyer(), invoiced.serviceCode(),
                invoiced.commitmentNumber(), order.id().toString(),
                new InvoiceDocument.Line(order.listingTitle(), order.quantity(), order.unitPrice(), order.totalExclVat()),
                order.vatRate(), order.totalExclVat(), order.totalInclVat().subtract(order.totalExclVat()),
                order.totalInclVat(), new InvoiceDocument.Payment(properties.issuerName(), properties.payeeIban(),
                        properties.payeeBic(), properties.paymentDays())));
    }

    private record Invoiced(String number, String serviceCode, String commitmentNumber, InvoiceDocument.Party seller,
            InvoiceDocument.Party buyer) {
    }

    private static Invoiced invoiced(ResultSet rs, int row) throws SQLException {
        return new Invoiced(rs.getString(1), rs.getString(2), rs.getString(3), party(rs, 4, true), party(rs, 9, false));
    }

    /**
     * name, siret, street, postal code, commune from the given column on. Only the seller's VAT number is printed:
     * the seller charges the VAT, and a public buyer's number is not always its SIREN's.
     */
    private static InvoiceDocument.Party party(ResultSet rs, int from, boolean withVatNumber) throws SQLException {
        String siret = rs.getString(from + 1);
        return new InvoiceDocument.Party(rs.getString(from), siret,
                siret == null || !withVatNumber ? null : FrenchIdentifiers.vatNumber(siret),
                new InvoiceDocument.Address(rs.getString(from + 2), rs.getString(from + 3), rs.getString(from + 4), "FR"));
    }
}
