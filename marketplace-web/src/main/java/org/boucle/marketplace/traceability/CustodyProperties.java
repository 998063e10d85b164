package org.boucle.marketplace.traceability;

import java.nio.file.Path;
import java.util.List;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chain of custody.
 *
 * @param zone the territory's time zone: an anchor covers one calendar day there
 * @param anchorCron when the previous day is anchored
 * @param signing the key that signs the daily anchors
 */
@ConfigurationProperties("boucle.custody")
public record CustodyProperties(@DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue("0 30 0 * * *") String anchorCron, @DefaultValue Signing signing) {

    /**
     * An Ed25519 key pair. Production sets both keys (base64 PKCS#8 private key, base64 X.509 public key); otherwise
     * a key pair is generated once and kept in {@code keyFile}, under the local state
     * ({@code BOUCLE_HOME}, see application.yml), never in the repository.
     *
     * @param previousPublicKeys keys that signed earlier anchors before a rotation (base64 X.509): an anchor verifies
     *        only under the current key or one of these, never under a key that merely travels with it
     */
    public record Signing(String privateKey, String publicKey, Path keyFile, List<String> previousPublicKeys) {

        public Signing {
            previousPublicKeys = previousPublicKeys == null ? List.of() : List.copyOf(previousPublicKeys);
        }
    }
}
