package org.boucle.marketplace.invoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders")
class InvoiceApiController {

    private final Invoices invoices;

    InvoiceApiController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/api/v1/orders/{id}/invoice")
    @Operation(summary = "An order's invoice, as a Factur-X PDF (EN 16931 profile, with its CII XML embedded)",
            description = """
                    For the order's buyer, its seller and coordinators. Issued by Boucle on the seller's behalf; the
                    public buyer's service code and commitment number are its buyer reference (BT-10) and purchase
                    order reference (BT-13), as Chorus Pro expects. 404 no-invoice for a donation; 409
                    seller-unidentified while the seller has no SIRET on its profile.""")
    ResponseEntity<byte[]> invoice(Actor actor, @PathVariable UUID id) {
        return InvoiceResponses.of(invoices.pdf(actor, id).orElseThrow(NoInvoiceException::new));
    }

    @ExceptionHandler(NoInvoiceException.class)
    ProblemDetail noInvoice(NoInvoiceException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "no-invoice", "No invoice", e.getMessage());
    }

    @ExceptionHandler(SellerUnidentifiedException.class)
    ProblemDetail sellerUnidentified(SellerUnidentifiedException e) {
        return Problems.of(HttpStatus.CONFLICT, "seller-unidentified", "Seller not identified", e.getMessage());
    }
}
