package io.betterauth.jakarta.core.cookie;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import io.betterauth.jakarta.core.security.ConstantTime;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-signed cookie value Better Auth (better-call) writes for {@code session_token} and
 * {@code dont_remember}: {@code value + "." + base64(HMAC-SHA256(secret, value))} with standard, padded Base64.
 * The wire form is that string URL-encoded (see {@link SetCookie}). Verification follows better-call exactly,
 * including its rejection of any signature that is not 44 characters ending in {@code =}, and compares in
 * constant time.
 */
public final class SignedCookie {

    private static final int SIGNATURE_LENGTH = 44;
    /** Initialised once with the key and never used itself: every signature works on a clone (no provider lookup). */
    private final Mac prototype;

    public SignedCookie(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A secret is required to sign cookies");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.prototype = mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The signed, not yet URL-encoded value: {@code value.signature}. */
    public String sign(String value) {
        return value + "." + Base64.getEncoder().encodeToString(mac(value));
    }

    /**
     * The original value when {@code signedValue} (already URL-decoded) carries a valid signature; empty for a
     * missing, malformed or forged value. Never throws for client input.
     */
    public Optional<String> verify(String signedValue) {
        if (signedValue == null) {
            return Optional.empty();
        }
        int dot = signedValue.lastIndexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String value = signedValue.substring(0, dot);
        String signature = signedValue.substring(dot + 1);
        if (signature.length() != SIGNATURE_LENGTH || !signature.endsWith("=")) {
            return Optional.empty();
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return ConstantTime.equal(presented, mac(value)) ? Optional.of(value) : Optional.empty();
    }

    private byte[] mac(String value) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 from " + prototype.getProvider() + " cannot be cloned", e);
        }
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
