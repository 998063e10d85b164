package org.boucle.marketplace.traceability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Data-wipe certificates", description = "Signed certificates of devices' data wipes, publicly verifiable")
class WipeCertificateApiController {

    private final WipeCertificates certificates;
    private final WipeCertificatePdf pdf;
    private final WipeCertificateProperties properties;
    private final Clock clock;

    WipeCertificateApiController(WipeCertificates certificates, WipeCertificatePdf pdf,
            WipeCertificateProperties properties, Clock clock) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the public verification answers: the certificate's own statements, nothing else. */
    record PublicVerification(String code, String verificationUrl, boolean signatureValid, boolean chainValid,
            WipeCertificate certificate, String signedContent, String signature, String publicKey, Instant checkedAt) {
    }

    @GetMapping(path = "/api/v1/devices/{id}/wipe-certificate.pdf")
    @Operation(summary = "The data-wipe certificate of a device's last successful wipe (PDF, French)", description = """
            Issued on the first request and served again as stored. The device's donor, the workshop that wiped it and
            coordinators; others, and devices never wiped successfully, get 404.""")
    ResponseEntity<byte[]> device(Actor actor, @PathVariable UUID id) {
        WipeCertificate certificate = certificates.forDevice(actor, id);
        return pdf(pdf.render(List.of(certificate), null), "certificat-effacement-" + certificate.code() + ".pdf");
    }

    @GetMapping(path = "/api/v1/custody/lots/{lotId}/wipe-certificate.pdf")
    @Operation(summary = "The data-wipe certificates of a lot's wiped devices, one page each (PDF, French)",
            description = "Lot ids as in the custody lot view; the devices whose certificate the caller may download.")
    ResponseEntity<byte[]> lot(Actor actor, @PathVariable String lotId) {
        return pdf(pdf.render(certificates.forLot(actor, lotId), lotId), "certificats-effacement-lot.pdf");
    }

    @GetMapping("/api/v1/wipe-certificates/{code}")
    @Operation(summary = "Verify a data-wipe certificate (public, no login)", description = """
            What the certificate states, whether Boucle's Ed25519 signature of its canonical content (signedContent)
            holds, and whether the device's custody chain still verifies at the certified event. 404 for an unknown
            code.""")
    PublicVerification verify(@PathVariable String code) {
        WipeCertificates.Verification verification = certificates.verify(code);
        if (!verification.known()) {
            throw new NotFoundException("wipe-certificate", verification.code());
        }
        return new PublicVerification(verification.code(), properties.verificationUrl(verification.code()),
                verification.signatureValid(), verification.chainValid(), verification.certificate(),
                verification.signedContent(), verification.signature(), verification.publicKey(), clock.instant());
    }

    static ResponseEntity<byte[]> pdf(byte[] content, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(content);
    }
}
