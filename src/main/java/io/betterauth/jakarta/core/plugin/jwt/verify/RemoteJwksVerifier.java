package io.betterauth.jakarta.core.plugin.jwt.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.plugin.JwtOptions;
import io.betterauth.jakarta.config.plugin.RemoteJwksOptions;
import io.betterauth.jakarta.core.plugin.jwt.JwkAlgorithm;
import io.betterauth.jakarta.core.plugin.jwt.JwkKeys;
import io.betterauth.jakarta.core.plugin.jwt.JwtEndpoints;
import io.betterauth.jakarta.core.plugin.jwt.SessionCacheJwt;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifier mode's check of {@code Authorization: Bearer <JWT>}, as Better Auth's own {@code verifyJWT}
 * ({@code plugins/jwt/verify.mjs}) does it on the key set: the header's {@code alg} must be one of the five
 * asymmetric algorithms Better Auth signs with and equal the {@code alg} of the JWK its {@code kid} names (jose's
 * {@code algorithms: [jwk.alg]}), so {@code none}, {@code HS256} and RSA/EC confusion fail; then the signature,
 * {@code iss} (exactly), {@code aud} (one of the expected), {@code exp} (required), {@code nbf}, and a {@code sub}.
 * Any failure is "no caller", never an exception: a resource server answers 401, not 500.
 *
 * <p>The key set comes from Nimbus's {@link JWKSourceBuilder}: cached for {@code cache-ttl}, refetched when a
 * {@code kid} is unknown (a key rotated in on the issuer), at most twice per {@code min-refetch-interval} (Nimbus's
 * rate limit: the scheduled fetch and one for an unknown key), bounded to 51,200 bytes and 2 s connect and read
 * timeouts, no background threads (refresh-ahead off). A redirect is not followed (an error, as jose's
 * {@code createRemoteJWKSet}, which fetches with {@code redirect: "manual"} and wants a 200): the key set is read
 * from the configured URL only, so an {@code http} loopback URL cannot send the fetch to another host in clear.
 */
public final class RemoteJwksVerifier implements Closeable {

    /** Longest token read: a user with large additional fields still fits, a header flood does not get parsed. */
    static final int MAX_TOKEN_LENGTH = 16_384;
    static final int TIMEOUT_MS = 2_000;
    static final int SIZE_LIMIT = 51_200;
    private static final Logger LOG = System.getLogger(RemoteJwksVerifier.class.getName());

    private final JWKSource<SecurityContext> keys;
    private final String issuer;
    private final List<String> audience;
    private final RemoteJwksOptions options;
    private final Clock clock;
    private final boolean sessionCache;

    /**
     * @param issuer   the exact {@code iss} accepted
     * @param audience the {@code aud} values accepted (one must match)
     */
    public RemoteJwksVerifier(RemoteJwksOptions options, String issuer, List<String> audience, Clock clock) {
        this(options, issuer, audience, clock, false);
    }

    /**
     * @param sessionCache whether {@code session_data} cookies holding Better Auth's session-cache JWT are read too
     *                     ({@link #verifySessionCache})
     */
    public RemoteJwksVerifier(RemoteJwksOptions options, String issuer, List<String> audience, Clock clock,
            boolean sessionCache) {
        this.sessionCache = sessionCache;
        this.options = Objects.requireNonNull(options, "options");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = List.copyOf(audience);
        this.clock = Objects.requireNonNull(clock, "clock");
        URL url;
        try {
            url = options.url().toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ConfigurationException("better-auth.plugins.jwt.remote-jwks-url is not a URL: " + e.getMessage());
        }
        long ttl = options.cacheTtl() * 1000;
        keys = JWKSourceBuilder.<SecurityContext>create(url, new NoRedirectRetriever())
                .cache(ttl, 2L * TIMEOUT_MS + 1000)
                .refreshAheadCache(false)
                .rateLimited(options.minRefetchInterval() * 1000)
                .retrying(false)
                .outageTolerant(false)
                .build();
    }

    /**
     * The verifier of the jwt plugin's options: {@code iss} by default the remote URL's origin (Better Auth's
     * {@code iss} is always its base URL's origin, for {@code /token} JWTs and session-cache JWTs alike), {@code aud}
     * by default the issuer (session-cache JWTs: always {@code better-auth:session-cache}).
     */
    public static RemoteJwksVerifier of(JwtOptions jwt, Clock clock) {
        RemoteJwksOptions remote = Objects.requireNonNull(jwt.remoteJwks(), "remote-jwks-url");
        String issuer = jwt.issuer() != null ? jwt.issuer() : JwtEndpoints.origin(remote.url().toString());
        return new RemoteJwksVerifier(remote, issuer, jwt.audience().isEmpty() ? List.of(issuer) : jwt.audience(),
                clock, jwt.sessionCookieCache());
    }

    /** The {@code iss} this verifier accepts (logged at start-up: a wrong default is the usual mistake). */
    public String issuer() {
        return issuer;
    }

    /** The {@code aud} values this verifier accepts. */
    public List<String> audience() {
        return audience;
    }

    /**
     * The caller of an {@code Authorization} header value: a verified {@code Bearer} JWT's user, or empty (no
     * header, another scheme, a session token, or any check failed).
     */
    public Optional<User> verifyAuthorization(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return verify(authorization.substring(7).trim());
    }

    /** The user of a compact JWS, or empty when it does not pass every check. */
    public Optional<User> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            return signedByTheIssuer(jwt) ? claims(jwt.getJWTClaimsSet()) : Optional.empty();
        } catch (java.text.ParseException | JOSEException | RuntimeException e) {
            LOG.log(Level.DEBUG, "JWT refused: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * The caller of a {@code session_data} cookie value (chunks joined): Better Auth 1.7's session-cache JWT
     * ({@link SessionCacheJwt}) signed by a key of the remote set, checked as Better Auth checks it (the key's
     * algorithm, {@code typ}, 15 s of clock tolerance, {@code aud} {@code better-auth:session-cache}, {@code sub} the
     * cached user, {@code sid} the cached session) with {@code iss} this verifier's {@link #issuer()}, and the cached
     * session not expired ({@code getCookieCache}'s {@code isEmbeddedSessionExpired}). Empty otherwise, and always
     * when {@code session-cookie-cache} is off.
     */
    public Optional<User> verifySessionCache(String cookieValue) {
        if (!sessionCache || cookieValue == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        return SessionCacheJwt.verify(cookieValue, this::candidates, issuer, now)
                .filter(v -> !v.data().session().expiresAt().isBefore(Instant.ofEpochMilli(now)))
                .map(v -> v.data().user());
    }

    /** Whether {@code session_data} cookies are read ({@code better-auth.plugins.jwt.session-cookie-cache}). */
    public boolean readsSessionCache() {
        return sessionCache;
    }

    /** The remote keys of this {@code kid} that name an algorithm this library verifies. */
    private List<SessionCacheJwt.Candidate> candidates(String kid) {
        List<JWK> found = select(kid);
        List<SessionCacheJwt.Candidate> candidates = new java.util.ArrayList<>();
        for (JWK jwk : found) {
            if (jwk.getAlgorithm() == null) {
                continue; // Better Auth's JWKS names every key's alg; the token's header never chooses it here
            }
            try {
                JwkAlgorithm alg = JwkAlgorithm.named(jwk.getAlgorithm().getName());
                candidates.add(new SessionCacheJwt.Candidate(alg, JwkKeys.verifier(alg,
                        jwk.toPublicJWK().toJSONString())));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.DEBUG, "Remote key " + printable(kid) + " cannot verify: " + e.getMessage());
            }
        }
        return candidates;
    }

    /** The groups the configured {@code roles-claim} grants this user (none unless set). */
    public Set<String> groups(User user) {
        return TokenUser.groups(user, options.rolesClaim());
    }

    private boolean signedByTheIssuer(SignedJWT jwt) throws JOSEException {
        JWSHeader header = jwt.getHeader();
        String kid = header.getKeyID();
        if (kid == null || header.getCriticalParams() != null) {
            return false;
        }
        if (header.getType() != null && SessionCacheJwt.TYPE.equals(header.getType().getType())) {
            // A session_data cookie's copy is no bearer token, even with better-auth:session-cache as an audience:
            // its user is the cached one, bound to a session the caller need not hold.
            return false;
        }
        JwkAlgorithm alg = JwkAlgorithm.named(header.getAlgorithm().getName()); // HS256, none: refused here
        for (JWK jwk : select(kid)) {
            if (jwk.getAlgorithm() == null || !alg.alg().equals(jwk.getAlgorithm().getName())) {
                continue;
            }
            JWSVerifier verifier = JwkKeys.verifier(alg, jwk.toPublicJWK().toJSONString());
            if (jwt.verify(verifier)) {
                return true;
            }
        }
        return false;
    }

    /** The remote keys with this {@code kid}; none when it is unknown or the key set cannot be had. */
    private List<JWK> select(String kid) {
        try {
            return keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
        } catch (RateLimitReachedException e) {
            // An unknown kid within the refetch interval: any client can send these, so no log line per request.
            LOG.log(Level.DEBUG, "Unknown kid " + printable(kid) + " while the JWKS refetch is rate-limited");
            return List.of();
        } catch (KeySourceException e) {
            // Unreachable, too large or malformed: no caller, one line in the log.
            LOG.log(Level.WARNING, "Remote JWKS " + options.url() + " unavailable: " + e.getMessage());
            return List.of();
        }
    }

    private Optional<User> claims(JWTClaimsSet claims) throws java.text.ParseException {
        long skew = options.clockSkew() * 1000;
        long now = clock.millis();
        Date exp = claims.getExpirationTime();
        Date nbf = claims.getNotBeforeTime();
        claims.getIssueTime(); // a non-numeric iat fails, as in jose
        String sub = claims.getSubject();
        boolean valid = issuer.equals(claims.getIssuer())
                && claims.getAudience() != null && claims.getAudience().stream().anyMatch(audience::contains)
                && exp != null && exp.getTime() > now - skew
                && (nbf == null || nbf.getTime() <= now + skew)
                && sub != null && !sub.isEmpty();
        return valid ? Optional.of(TokenUser.of(sub, claims.getClaims())) : Optional.empty();
    }

    private static String printable(String kid) {
        String shown = kid.length() > 40 ? kid.substring(0, 40) + "…" : kid;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Nimbus's retriever with the limits above, and {@code HttpURLConnection}'s redirect following off. */
    private static final class NoRedirectRetriever extends DefaultResourceRetriever {

        NoRedirectRetriever() {
            super(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT);
        }

        @Override
        @SuppressWarnings("deprecation") // the hook Nimbus 10 still calls for http(s) URLs
        protected HttpURLConnection openConnection(URL url) throws IOException {
            HttpURLConnection connection = super.openConnection(url);
            connection.setInstanceFollowRedirects(false); // a 3xx is then "HTTP 302", a fetch failure
            return connection;
        }
    }

    @Override
    public void close() throws IOException {
        if (keys instanceof Closeable c) {
            c.close();
        }
    }
}
