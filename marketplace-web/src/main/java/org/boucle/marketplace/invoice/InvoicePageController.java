package org.boucle.marketplace.invoice;

import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The invoice download linked from the orders page (signed in with the session, like every page). */
@Controller
class InvoicePageController {

    private final Invoices invoices;

    InvoicePageController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/orders/{id}/invoice.pdf")
    ResponseEntity<byte[]> invoice(Actor actor, @PathVariable UUID id) {
        return InvoiceResponses.of(invoices.pdf(actor, id).orElseThrow(NoInvoiceException::new));
    }
}
