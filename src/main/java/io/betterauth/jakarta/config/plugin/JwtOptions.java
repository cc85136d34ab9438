package io.betterauth.jakarta.config.plugin;

import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.plugin.jwt.JwkAlgorithm;
import io.betterauth.jakarta.core.plugin.jwt.TimeString;
import java.util.List;

/**
 * The {@code jwt} plugin's options (Better Auth's {@code jwt({jwks, jwt, disableSettingJwtHeader})}), checked as
 * Better Auth checks them at start-up.
 *
 * @param jwksPath                {@code jwks.jwksPath}: where the key set is served below the base path; starts with
 *                                {@code /}, no {@code ..}
 * @param algorithm               {@code jwks.keyPairConfig.alg} of the keys minted (EdDSA/Ed25519 by default)
 * @param rotationInterval        {@code jwks.rotationInterval} in seconds, or null: keys never expire
 * @param gracePeriod             {@code jwks.gracePeriod} in seconds: how long an expired key is still published
 * @param issuer                  {@code jwt.issuer}, or null for the base URL's origin
 * @param audience                {@code jwt.audience}, or empty for the base URL's origin
 * @param expirationTime          {@code jwt.expirationTime}, a Better Auth time string ({@code "15m"})
 * @param disableSettingJwtHeader {@code disableSettingJwtHeader}: no {@code set-auth-jwt} on {@code /get-session}
 * @param remoteJwks              ours: the remote key set of verifier mode ({@code remote-jwks-url}), or null
 * @param sessionCookieCache      {@code sessionCookieCache}: the {@code jwt} cookie cache is signed with these keys
 *                                (Better Auth 1.7's session-cache JWT) instead of HS256 with the secret; needs
 *                                {@code session.cookie-cache.strategy=jwt}. In verifier mode: also accept a
 *                                {@code session_data} cookie holding such a JWT as the caller
 */
public record JwtOptions(String jwksPath, JwkAlgorithm algorithm, Long rotationInterval, long gracePeriod,
        String issuer, List<String> audience, String expirationTime, boolean disableSettingJwtHeader,
        RemoteJwksOptions remoteJwks, boolean sessionCookieCache) {

    /** Better Auth's defaults. */
    public static final JwtOptions DEFAULT = new JwtOptions("/jwks", JwkAlgorithm.EDDSA, null, 2_592_000L, null,
            List.of(), "15m", false, null, false);

    /** The options without the session-cache JWT ({@code sessionCookieCache: false}, the default). */
    public JwtOptions(String jwksPath, JwkAlgorithm algorithm, Long rotationInterval, long gracePeriod,
            String issuer, List<String> audience, String expirationTime, boolean disableSettingJwtHeader,
            RemoteJwksOptions remoteJwks) {
        this(jwksPath, algorithm, rotationInterval, gracePeriod, issuer, audience, expirationTime,
                disableSettingJwtHeader, remoteJwks, false);
    }

    /** The options of a server that signs (no remote key set). */
    public JwtOptions(String jwksPath, JwkAlgorithm algorithm, Long rotationInterval, long gracePeriod,
            String issuer, List<String> audience, String expirationTime, boolean disableSettingJwtHeader) {
        this(jwksPath, algorithm, rotationInterval, gracePeriod, issuer, audience, expirationTime,
                disableSettingJwtHeader, null, false);
    }

    public JwtOptions {
        if (jwksPath == null || jwksPath.isEmpty() || !jwksPath.startsWith("/") || jwksPath.contains("..")) {
            throw new ConfigurationException("options.jwks.jwksPath must be a non-empty string starting with '/' and "
                    + "not contain '..' (better-auth.plugins.jwt.jwks-path)");
        }
        try {
            TimeString.seconds(expirationTime);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("better-auth.plugins.jwt.expiration-time: " + e.getMessage()
                    + " A bare number would be an absolute exp in Better Auth, so it is refused here.");
        }
        if (rotationInterval != null && rotationInterval <= 0) {
            throw new ConfigurationException("better-auth.plugins.jwt.rotation-interval must be positive");
        }
        if (gracePeriod < 0) {
            throw new ConfigurationException("better-auth.plugins.jwt.grace-period must not be negative");
        }
        audience = List.copyOf(audience);
    }

    /**
     * Better Auth's jwt plugin {@code init}: with {@code sessionCookieCache} the cookie cache must use the {@code jwt}
     * strategy, or the server does not start. Verifier mode writes no cache, so the rule does not apply there.
     *
     * @param pluginOn whether the jwt plugin is switched on
     * @throws ConfigurationException with Better Auth's message and the keys to set
     */
    public void requireCacheStrategy(boolean pluginOn, CookieCacheStrategy strategy) {
        if (pluginOn && sessionCookieCache && remoteJwks == null && strategy != CookieCacheStrategy.JWT) {
            throw new ConfigurationException("`jwt({ sessionCookieCache: true })` requires "
                    + "`session.cookieCache.strategy = \"jwt\"` (better-auth.plugins.jwt.session-cookie-cache=true "
                    + "needs better-auth.session.cookie-cache.strategy=jwt)");
        }
    }

    /** The access token's lifetime in seconds. */
    public long expiresInSeconds() {
        return TimeString.seconds(expirationTime);
    }
}
