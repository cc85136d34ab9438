package io.betterauth.jakarta.core.cookie;

import io.betterauth.jakarta.config.option.SameSite;

/**
 * The attributes of one cookie as Better Auth merges them: {@code secure} and the {@code __Secure-} prefix
 * together, {@code SameSite=Lax}, {@code Path=/}, {@code HttpOnly}, an optional {@code Domain} for
 * cross-subdomain cookies, and {@code Max-Age} where the cookie has one ({@code null} = a browser-session cookie).
 * A {@code null} {@code sameSite} writes no {@code SameSite} attribute.
 */
public record CookieAttributes(Long maxAge, String domain, String path, boolean httpOnly, boolean secure,
                               SameSite sameSite, boolean partitioned) {

    public CookieAttributes withMaxAge(Long seconds) {
        return new CookieAttributes(seconds, domain, path, httpOnly, secure, sameSite, partitioned);
    }
}
