package org.boucle.marketplace.traceability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Data-wipe certificates.
 *
 * @param publicBaseUrl where the public verification page is reached from outside: printed on the PDF and in its QR code
 */
@ConfigurationProperties("boucle.wipe-certificates")
public record WipeCertificateProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl) {

    /** The page that confirms a certificate, without login. */
    public String verificationUrl(String code) {
        return publicBaseUrl.replaceAll("/+$", "") + "/verify/" + code;
    }
}
