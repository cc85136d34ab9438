package io.betterauth.jakarta.core.cookie.cache;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.OptionalDouble;

/**
 * What the JWT and JWE cookie caches and the jwt plugin's session-cache JWT share beyond Nimbus: the shape check of
 * a compact serialization and jose's time-claim rules, which Nimbus's own claims verifier does not reproduce (it
 * applies a default clock skew and parses claims with Gson).
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
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return dots == parts - 1;
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
