package org.boucle.marketplace.invoice;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An invoice as HTTP serves it: a PDF download named after its number, never kept by shared caches. */
final class InvoiceResponses {

    private InvoiceResponses() {
    }

    static ResponseEntity<byte[]> of(InvoiceFile invoice) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(invoice.fileName()).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(invoice.pdf());
    }
}
