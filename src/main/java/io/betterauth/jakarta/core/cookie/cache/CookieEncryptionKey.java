package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.core.security.SecretRing;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The 64-byte key Better Auth encrypts cookie payloads with (spec §3.5): HKDF-SHA256 with the secret's UTF-8 bytes
 * as input keying material, a purpose-specific salt ({@link #SESSION_SALT} for {@code session_data},
 * {@link #ACCOUNT_SALT} for {@code account_data}) and the info string {@code "BetterAuth.js Generated Encryption
 * Key"}; and its key id, the RFC 7638 SHA-256 thumbprint of {@code {"k":…,"kty":"oct"}}, which JWE headers carry
 * so the right secret of a {@link SecretRing} can be picked without trial decryption.
 */
public final class CookieEncryptionKey {

    public static final String SESSION_SALT = "better-auth-session";
    public static final String ACCOUNT_SALT = "better-auth-account";
    private static final byte[] INFO = "BetterAuth.js Generated Encryption Key".getBytes(StandardCharsets.UTF_8);
    /** A256CBC-HS512 takes 64 bytes: the first 32 for HMAC-SHA-512, the last 32 for AES-256-CBC. */
    private static final int LENGTH = 64;

    private final byte[] key;
    private final String kid;

    private CookieEncryptionKey(byte[] key, String kid) {
        this.key = key;
        this.kid = kid;
    }

    /** Derives the key for {@code secret} and {@code salt}. */
    public static CookieEncryptionKey derive(String secret, String salt) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8),
                INFO));
        byte[] key = new byte[LENGTH];
        hkdf.generateBytes(key, 0, LENGTH);
        try {
            String kid = new OctetSequenceKey.Builder(key).build().computeThumbprint("SHA-256").toString();
            return new CookieEncryptionKey(key, kid);
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A copy of the 64 key bytes. */
    public byte[] bytes() {
        return key.clone();
    }

    /** The base64url (unpadded) JWK thumbprint. */
    public String kid() {
        return kid;
    }

    @Override
    public String toString() {
        return "CookieEncryptionKey[kid=" + kid + "]";
    }
}
