package org.boucle.marketplace.traceability;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Wipe certificates in the pages: downloads for a logged-in donor or workshop (the API answers tokens and HTTP Basic),
 * the organization's list, and the public verification page the QR code opens.
 */
@Controller
class WipeCertificatePageController {

    private final WipeCertificates certificates;
    private final WipeCertificatePdf pdf;
    private final CustodyProperties custody;
    private final WipeCertificateProperties properties;

    WipeCertificatePageController(WipeCertificates certificates, WipeCertificatePdf pdf, CustodyProperties custody,
            WipeCertificateProperties properties) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.custody = custody;
        this.properties = properties;
    }

    @GetMapping("/devices/{id}/wipe-certificate.pdf")
    ResponseEntity<byte[]> device(Actor actor, @PathVariable UUID id) {
        WipeCertificate certificate = certificates.forDevice(actor, id);
        return WipeCertificateApiController.pdf(pdf.render(List.of(certificate), null),
                "certificat-effacement-" + certificate.code() + ".pdf");
    }

    @GetMapping("/custody/lots/{lotId}/wipe-certificate.pdf")
    ResponseEntity<byte[]> lot(Actor actor, @PathVariable String lotId) {
        return WipeCertificateApiController.pdf(pdf.render(certificates.forLot(actor, lotId), lotId),
                "certificats-effacement-lot.pdf");
    }

    @GetMapping("/custody/certificates")
    String list(Actor actor, Model model) {
        model.addAttribute("wipes", certificates.ofOrganization(actor));
        // The report covers the devices a donor gave: workshops list certificates, donors also report on them.
        model.addAttribute("mayReport", actor.hasRole(OrganizationRole.DONOR));
        model.addAttribute("zone", custody.zone());
        return "wipe-certificates";
    }

    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model, HttpServletResponse response) {
        WipeCertificates.Verification verification = certificates.verify(code);
        if (!verification.known()) {
            // The page says so; machines reading the status see it too.
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("verification", verification);
        model.addAttribute("zone", custody.zone());
        model.addAttribute("url", properties.verificationUrl(verification.code()));
        return "wipe-verify";
    }
}
