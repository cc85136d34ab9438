package io.betterauth.jakarta.core.cookie;

import io.betterauth.jakarta.config.option.SameSite;
import io.betterauth.jakarta.core.js.UriComponent;
import java.util.Locale;

/**
 * Serialises one {@code Set-Cookie} header line the way better-call 1.4.5 does: the value URL-encoded with
 * {@code encodeURIComponent}, then {@code Max-Age}, {@code Domain}, {@code Path}, {@code HttpOnly}, {@code Secure},
 * {@code SameSite} (capitalised) and {@code Partitioned}, in that order. {@code Secure} is forced for
 * {@code __Secure-}/{@code __Host-} names, {@code SameSite=None} and partitioned cookies; {@code __Host-} also
 * forces {@code Path=/} and drops {@code Domain}.
 */
public final class SetCookie {

    /** Browsers cap Max-Age at 400 days (RFC 6265bis); Better Auth throws above it, we clamp. */
    public static final long MAX_AGE_CEILING = 34_560_000L;

    private SetCookie() {
    }

    public static String serialize(String name, String value, CookieAttributes attributes) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean host = lower.startsWith("__host-");
        SameSite sameSite = attributes.sameSite();
        boolean secure = attributes.secure() || host || lower.startsWith("__secure-")
                || sameSite == SameSite.NONE || attributes.partitioned();
        String path = host ? "/" : attributes.path();
        String domain = host ? null : attributes.domain();

        StringBuilder out = new StringBuilder(name.length() + value.length() + 64);
        out.append(name).append('=').append(UriComponent.encode(value));
        Long maxAge = attributes.maxAge();
        if (maxAge != null && maxAge >= 0) {
            out.append("; Max-Age=").append(Math.min(maxAge, MAX_AGE_CEILING));
        }
        if (domain != null && !domain.isEmpty()) {
            out.append("; Domain=").append(domain);
        }
        if (path != null && !path.isEmpty()) {
            out.append("; Path=").append(path);
        }
        if (attributes.httpOnly()) {
            out.append("; HttpOnly");
        }
        if (secure) {
            out.append("; Secure");
        }
        if (sameSite != null) {
            out.append("; SameSite=").append(sameSite.attributeValue());
        }
        if (attributes.partitioned()) {
            out.append("; Partitioned");
        }
        return out.toString();
    }
}
