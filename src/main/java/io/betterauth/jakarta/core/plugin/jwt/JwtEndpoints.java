package io.betterauth.jakarta.core.plugin.jwt;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.plugin.JwtOptions;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.core.endpoint.Caller;
import io.betterauth.jakarta.core.endpoint.SessionGuard;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.spi.JwksStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code jwt} plugin's endpoints under the base path ({@code plugins/jwt/index.mjs}): {@code GET <jwksPath>}
 * (the key set, minting a key into an empty table) and {@code GET /token} ({@code {"token": <JWT>}} for the caller's
 * session, Better Auth's {@code sessionMiddleware} first: 401 {@code UNAUTHORIZED} without one), and the JWT that
 * {@code set-auth-jwt} carries. A stored key the secret cannot decrypt answers 500 with an empty body, as Better
 * Auth does, and is logged with Better Auth's message.
 */
public final class JwtEndpoints {

    private static final Logger LOG = System.getLogger(JwtEndpoints.class.getName());

    private final JwtOptions options;
    private final SessionGuard guard;
    private final KeyRing keys;
    private final AccessTokenSigner signer;
    private final Clock clock;

    public JwtEndpoints(BetterAuthConfig config, SessionGuard guard, JwksStore store, Clock clock) {
        this(config, guard, keyRing(config, store, clock), clock);
    }

    /** The endpoints over a key ring shared with the session cache ({@link #sessionCacheCodec}). */
    public JwtEndpoints(BetterAuthConfig config, SessionGuard guard, KeyRing keys, Clock clock) {
        this.options = config.plugins().jwt();
        this.guard = guard;
        this.clock = clock;
        this.keys = keys;
        String origin = origin(config.baseUrl());
        if (origin.isEmpty() && (options.issuer() == null || options.audience().isEmpty())) {
            LOG.log(Level.WARNING, "The jwt plugin signs JWTs without an issuer or audience because no base URL is "
                    + "set: set better-auth.url, or better-auth.plugins.jwt.issuer and .audience.");
        }
        this.signer = new AccessTokenSigner(options.issuer() != null ? options.issuer() : origin,
                options.audience().isEmpty() ? List.of(origin) : options.audience(), options.expiresInSeconds());
    }

    /** The plugin's keys in this store, minted and rotated as its {@code jwks} options say. */
    public static KeyRing keyRing(BetterAuthConfig config, JwksStore store, Clock clock) {
        JwtOptions options = config.plugins().jwt();
        return new KeyRing(store, new PrivateKeyEnvelope(config.secretRing(), false), new KeyRing.Settings(
                options.algorithm(), null, JwkGenerator.DEFAULT_MODULUS_LENGTH,
                options.rotationInterval() == null ? null : Duration.ofSeconds(options.rotationInterval()),
                Duration.ofSeconds(options.gracePeriod())), clock);
    }

    /**
     * The session-cache JWT codec over these keys when the configuration asks for it (the jwt plugin on, with
     * {@code session-cookie-cache}, not in verifier mode), else empty: the {@code jwt} cookie cache stays HS256.
     */
    public static Optional<SessionCacheJwtCodec> sessionCacheCodec(BetterAuthConfig config, KeyRing keys) {
        JwtOptions options = config.plugins().jwt();
        if (keys == null || !config.plugins().on(Plugin.JWT)
                || !options.sessionCookieCache() || config.verifierMode()) {
            return Optional.empty();
        }
        return Optional.of(new SessionCacheJwtCodec(keys, options.algorithm(),
                SessionCacheJwt.issuer(config.baseUrl())));
    }

    /** The path of the key set below the base path ({@code jwks.jwksPath}). */
    public String jwksPath() {
        return options.jwksPath();
    }

    /** {@code GET <jwksPath>}: {@code {"keys":[…]}}. */
    public AuthResult jwks() {
        return AuthResult.ok(keys.jwks(), List.of());
    }

    /** {@code GET /token}: the caller's access token, or 401 without a session. */
    public AuthResult token(Caller caller) {
        ApiResult<SessionAndUser> session;
        try {
            session = guard.requireSession(caller.cookies(), GetSessionOptions.DEFAULT, false);
        } catch (AuthException e) {
            return AuthResult.of(e);
        }
        return sign(session.value())
                .map(jwt -> AuthResult.ok(JsJson.stringify(Map.of("token", jwt)), session.setCookies()))
                .orElseGet(() -> new AuthResult(500, "", List.of(), Map.of()));
    }

    /**
     * The access token of a session as its JSON shows it ({@code returned: false} fields left out); empty when the
     * signing key cannot be decrypted (logged).
     */
    public Optional<String> sign(SessionAndUser visible) {
        try {
            return Optional.of(signer.sign(keys.signingKey(), visible.user().toJson(), clock.instant()));
        } catch (PrivateKeyEnvelope.UndecryptableKeyException e) {
            LOG.log(Level.ERROR, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code new URL(baseURL).origin}: scheme and host in lower case, the port unless it is the scheme's default. */
    public static String origin(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return "";
        }
        URI uri = URI.create(baseUrl.trim());
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            // A host java.net.URI does not parse as one (an underscore): its authority as written.
            return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
