package io.betterauth.jakarta.config.option;

/**
 * How the {@code session_data} cookie cache is encoded ({@code session.cookieCache.strategy} in Better Auth):
 * {@code compact} (HMAC-signed JSON, the default), {@code jwt} (HS256 JWS) or {@code jwe} (encrypted with a key
 * derived from the secret). Each strategy also carries Better Auth's fallback cache lifetime, which differs between
 * them (spec §3.1).
 */
public enum CookieCacheStrategy implements OptionValue {

    /** Spec §3.3. Falls back to a 60 s lifetime when the cookie has no Max-Age (don't-remember sessions). */
    COMPACT("compact", 60),
    /** Spec §3.4. Falls back to 300 s. */
    JWT("jwt", 300),
    /** Spec §3.5. Falls back to 300 s. */
    JWE("jwe", 300);

    private final String configValue;
    private final long fallbackLifetimeSeconds;

    CookieCacheStrategy(String configValue, long fallbackLifetimeSeconds) {
        this.configValue = configValue;
        this.fallbackLifetimeSeconds = fallbackLifetimeSeconds;
    }

    /** {@code compact}, {@code jwt} or {@code jwe}. */
    @Override
    public String configValue() {
        return configValue;
    }

    /**
     * Parses a configuration value. Better Auth silently treats an unknown strategy as {@code compact}; a typo here
     * would then mint caches a Node peer configured with the intended strategy cannot read, so it is an error.
     *
     * @throws IllegalArgumentException for anything but compact, jwt or jwe (case and surrounding blanks ignored)
     */
    public static CookieCacheStrategy parse(String value) {
        return OptionValue.namedInAnyCase(CookieCacheStrategy.class, value)
                .orElseThrow(() -> new IllegalArgumentException("Unknown cookie cache strategy '" + value
                        + "': expected 'compact', 'jwt' or 'jwe'"));
    }

    /**
     * The cache lifetime Better Auth uses when writing: the {@code session_data} cookie's Max-Age, or the strategy's
     * fallback when there is none. Pass {@code null} for a don't-remember session (Better Auth then writes the
     * cookie without Max-Age, and {@code compact} embeds a 60 s expiry while {@code jwt}/{@code jwe} use 300 s). A
     * Max-Age of 0 also falls back, as JavaScript's {@code maxAge || 60} does.
     */
    public long lifetimeSeconds(Long cookieMaxAge) {
        return cookieMaxAge == null || cookieMaxAge == 0 ? fallbackLifetimeSeconds : cookieMaxAge;
    }
}
