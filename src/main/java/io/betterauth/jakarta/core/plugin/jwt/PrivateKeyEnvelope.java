package io.betterauth.jakarta.core.plugin.jwt;

import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.SecretRing;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code privateKey} column of Better Auth's {@code jwks} table: the private JWK encrypted with the secret by
 * {@code symmetricEncrypt} ({@code crypto/index.mjs}) and stored as a JSON <em>string literal</em>
 * ({@code JSON.stringify} of the ciphertext, {@code plugins/jwt/utils.mjs}), read back with {@code JSON.parse} then
 * {@code symmetricDecrypt} ({@code plugins/jwt/sign.mjs}).
 *
 * <p>The cipher is XChaCha20-Poly1305 with key = SHA-256(UTF-8 secret), a random 24-byte nonce before the
 * ciphertext, the tag after it, in lower-case hex; no HKDF, no associated data. A single plain secret writes bare
 * hex; versioned secrets ({@link SecretRing#versioned()}) write {@code $ba$<current version>$<hex>}. Reading an
 * envelope uses that version's secret; bare hex with versioned secrets needs the legacy secret. With
 * {@code disablePrivateKeyEncryption} the column holds the JWK JSON itself. Hand-written: the bytes must be Better
 * Auth's, so a key minted by either side signs on the other.
 */
public final class PrivateKeyEnvelope {

    /** Better Auth's message when the stored key cannot be decrypted; it never names the secret. */
    public static final String DECRYPT_FAILED = "Failed to decrypt private key. Make sure the secret currently in use "
            + "is the same as the one used to encrypt the private key. If you are using a different secret, either "
            + "clean up your JWKS or disable private key encryption.";

    private static final String PREFIX = "$ba$";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretRing secrets;
    private final boolean encryptionDisabled;

    /**
     * @param secrets            the secrets Better Auth's {@code secretConfig} holds
     * @param encryptionDisabled {@code jwks.disablePrivateKeyEncryption}: the column holds the JWK JSON in clear
     */
    public PrivateKeyEnvelope(SecretRing secrets, boolean encryptionDisabled) {
        this.secrets = secrets;
        this.encryptionDisabled = encryptionDisabled;
    }

    /** The {@code privateKey} column for this private JWK JSON, as {@code createJwk} writes it. */
    public String seal(String privateJwkJson) {
        return encryptionDisabled ? privateJwkJson : JsJson.stringify(encrypt(secrets, privateJwkJson));
    }

    /**
     * The private JWK JSON of a {@code privateKey} column.
     *
     * @throws UndecryptableKeyException with Better Auth's message (and why, never the secret) when the column is
     *                                   not a JSON string, names a secret version that is not configured, or was
     *                                   encrypted with another secret
     */
    public String open(String column) {
        if (encryptionDisabled) {
            return column;
        }
        String data;
        try {
            JsonValue value = Json.createReader(new StringReader(column)).readValue();
            if (!(value instanceof JsonString string)) {
                throw new UndecryptableKeyException("the column is not a JSON string");
            }
            data = string.getString();
        } catch (JsonParsingException e) {
            throw new UndecryptableKeyException("the column is not a JSON string");
        } catch (JsonException e) {
            throw new UndecryptableKeyException("the column is not a JSON string");
        }
        return decrypt(secrets, data);
    }

    /** Better Auth's {@code symmetricEncrypt({key: secretConfig, data})}: bare hex, or the {@code $ba$} envelope. */
    public static String encrypt(SecretRing secrets, String data) {
        byte[] nonce = new byte[XChaCha20Poly1305.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        SecretRing.Secret current = secrets.current();
        String hex = HexFormat.of().formatHex(XChaCha20Poly1305.seal(key(current), nonce,
                data.getBytes(StandardCharsets.UTF_8)));
        return secrets.versioned() ? PREFIX + current.version() + "$" + hex : hex;
    }

    /**
     * Better Auth's {@code symmetricDecrypt({key: secretConfig, data})}.
     *
     * @throws UndecryptableKeyException when no configured secret opens it
     */
    public static String decrypt(SecretRing secrets, String data) {
        if (!secrets.versioned()) {
            return open(secrets.current(), data);
        }
        Optional<Integer> version = envelopeVersion(data);
        if (version.isPresent()) {
            SecretRing.Secret secret = secrets.version(version.get()).orElseThrow(() -> new UndecryptableKeyException(
                    "secret version " + version.get() + " is not configured (it may have been retired)"));
            return open(secret, data.substring(data.indexOf('$', PREFIX.length()) + 1));
        }
        SecretRing.Secret legacy = secrets.legacy().orElseThrow(() -> new UndecryptableKeyException(
                "it is bare hex and no legacy secret is configured (set BETTER_AUTH_SECRET beside BETTER_AUTH_SECRETS)"));
        return open(legacy, data);
    }

    /** {@code parseEnvelope}: the version of {@code $ba$<version>$…}, read as {@code parseInt} reads it. */
    private static Optional<Integer> envelopeVersion(String data) {
        if (!data.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = data.indexOf('$', PREFIX.length());
        if (end < 0) {
            return Optional.empty();
        }
        String digits = data.substring(PREFIX.length(), end).stripLeading();
        int i = digits.startsWith("+") ? 1 : 0;
        int start = i;
        while (i < digits.length() && i - start < 10 && Character.isDigit(digits.charAt(i))
                && digits.charAt(i) < 128) {
            i++;
        }
        if (i == start) {
            return Optional.empty();
        }
        long version = Long.parseLong(digits.substring(start, i));
        return Optional.of(version > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) version);
    }

    private static String open(SecretRing.Secret secret, String hex) {
        byte[] sealed;
        try {
            sealed = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new UndecryptableKeyException("the ciphertext is not hex");
        }
        byte[] key = key(secret);
        try {
            return new String(XChaCha20Poly1305.open(key, sealed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UndecryptableKeyException("the secret does not open it");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] key(SecretRing.Secret secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.value().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * A stored private key that the configured secrets cannot open: Better Auth answers {@code /token} with 500 and
     * logs {@link #DECRYPT_FAILED}. The message says why, never a secret.
     */
    public static final class UndecryptableKeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndecryptableKeyException(String why) {
            super(DECRYPT_FAILED + " (" + why + ")");
        }
    }
}
