package io.betterauth.jakarta.core.cookie.cache;

import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.text.ParseException;
import java.util.Base64;
import java.util.OptionalDouble;

/**
 * What the JWT and JWE cookie caches and the jwt plugin's session-cache JWT share beyond Nimbus: the shape check of
 * a compact serialization, its parse with a faster base64url decoder, and jose's time-claim rules, which Nimbus's own
 * claims verifier does not reproduce (it applies a default clock skew and parses claims with Gson).
 */
public final class JoseSupport {

    private JoseSupport() {
    }

    /**
     * Whether {@code token} has exactly {@code parts} dot-separated segments of base64url characters. jose rejects
     * any other character; Nimbus's decoder skips them, which would let a mangled signature segment still verify.
     */
    public static boolean wellFormed(String token, int parts) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c >= BASE64URL.length || !BASE64URL[c]) {
                return false;
            }
        }
        return dots == parts - 1;
    }

    /** The base64url alphabet, by ASCII code: {@code A-Z a-z 0-9 - _}. */
    private static final boolean[] BASE64URL = new boolean[128];

    static {
        for (char c = 0; c < BASE64URL.length; c++) {
            BASE64URL[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_';
        }
    }

    /**
     * {@link JWSObject#parse(String)}, whose parts decode with the JDK's base64url decoder (see {@link FastBase64URL}).
     * For a {@link #wellFormed} token.
     */
    public static JWSObject parseJws(String token) throws ParseException {
        Base64URL[] parts = JOSEObject.split(token);
        if (parts.length != 3) {
            throw new ParseException("Unexpected number of Base64URL parts, must be three", 0);
        }
        return new JWSObject(fast(parts[0]), fast(parts[1]), fast(parts[2]));
    }

    /** {@link JWEObject#parse(String)}, whose parts decode like those of {@link #parseJws}. */
    public static JWEObject parseJwe(String token) throws ParseException {
        Base64URL[] parts = JOSEObject.split(token);
        if (parts.length != 5) {
            throw new ParseException("Unexpected number of Base64URL parts, must be five", 0);
        }
        return new JWEObject(fast(parts[0]), fast(parts[1]), fast(parts[2]), fast(parts[3]), fast(parts[4]));
    }

    private static Base64URL fast(Base64URL part) {
        return new FastBase64URL(part.toString());
    }

    /**
     * A {@link Base64URL} decoded by {@link Base64#getUrlDecoder()}, which gives the same bytes as Nimbus's own
     * decoder for base64url text, except for a length of 4n + 1, which the JDK refuses and Nimbus reads by dropping
     * the last character: that, and any other text the JDK refuses, goes to Nimbus. Nimbus's decoder runs in constant
     * time, for key material; the parts of a token (header, payload or ciphertext, IV, tag, signature) are not
     * secret, and decoding them was half of a JWT cache decode.
     */
    private static final class FastBase64URL extends Base64URL {
        private static final long serialVersionUID = 1L;

        FastBase64URL(String base64URL) {
            super(base64URL);
        }

        @Override
        public byte[] decode() {
            String text = toString();
            if (text.length() % 4 != 1) {
                try {
                    return Base64.getUrlDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    // not base64url text: Nimbus decides
                }
            }
            return super.decode();
        }
    }

    /**
     * jose's {@code validateClaimsSet} time rules at {@code nowMs} with {@code toleranceSeconds}: {@code iat} and
     * {@code nbf} must be numbers when present, {@code nbf} not after now + tolerance, {@code exp} after
     * now − tolerance (now in whole seconds). Unlike jose, {@code exp} is required and finite: Better Auth always
     * writes one, and a cache without it would otherwise never expire.
     *
     * @return {@code exp} in seconds when the claims are valid at {@code nowMs}, else empty
     */
    public static OptionalDouble validExpiry(JsonObject claims, long nowMs, long toleranceSeconds) {
        long now = Math.floorDiv(nowMs, 1000);
        JsonValue iat = claims.get("iat");
        if (iat != null && !(iat instanceof JsonNumber)) {
            return OptionalDouble.empty();
        }
        JsonValue nbf = claims.get("nbf");
        if (nbf != null && (!(nbf instanceof JsonNumber n) || n.doubleValue() > now + toleranceSeconds)) {
            return OptionalDouble.empty();
        }
        if (!(claims.get("exp") instanceof JsonNumber exp) || !Double.isFinite(exp.doubleValue())
                || exp.doubleValue() <= now - toleranceSeconds) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(exp.doubleValue());
    }
}
