package org.boucle.marketplace.traceability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key pair that signs the daily anchors and the wipe certificates, from the configuration or the local
 * state, and the keys it replaced: what was signed is trusted only under those, never under a key stored beside it.
 */
@Component
class CustodySigningKey {

    private static final Logger log = LoggerFactory.getLogger(CustodySigningKey.class);
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Set<String> trusted;

    CustodySigningKey(CustodyProperties properties) {
        CustodyProperties.Signing signing = properties.signing();
        KeyPair pair = signing.privateKey() != null && signing.publicKey() != null
                ? decode(signing.privateKey(), signing.publicKey())
                : local(signing.keyFile());
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        Set<String> keys = new HashSet<>(signing.previousPublicKeys());
        keys.add(publicKey());
        this.trusted = Set.copyOf(keys);
    }

    /** Whether a key (base64 X.509) is the platform's, now or before a rotation. */
    boolean trusted(String publicKey) {
        return trusted.contains(publicKey);
    }

    /** Whether the content was signed by the platform: under a trusted key, with a valid signature. */
    boolean signedByPlatform(String publicKey, byte[] content, String signature) {
        return trusted(publicKey) && verify(publicKey, content, signature);
    }

    /** The public key, base64 X.509: stored with each anchor so that it can be verified anywhere. */
    String publicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(content);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a signature of the content is valid under a public key (base64 X.509); false for anything malformed. */
    static boolean verify(String publicKey, byte[] content, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
            verifier.update(content);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static KeyPair decode(String privateKey, String publicKey) {
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            return new KeyPair(keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey.strip()))),
                    keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey.strip()))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("boucle.custody.signing: not an Ed25519 key pair", e);
        }
    }

    /** The local key pair: two base64 lines (private, public), generated once and readable by the owner only. */
    private static KeyPair local(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return decode(lines.get(0), lines.get(1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the custody signing key " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path written = Files.createTempFile(file.toAbsolutePath().getParent(), "custody-key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n", StandardCharsets.US_ASCII);
        try {
            // A link appears whole or not at all: another instance starting at the same time reads the same key.
            Files.createLink(file, written);
            log.info("Generated a local custody signing key in {}; set boucle.custody.signing in production", file);
        } catch (FileAlreadyExistsException e) {
            // Someone else's key won; use theirs.
        } finally {
            Files.delete(written);
        }
    }
}
