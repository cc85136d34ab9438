package io.betterauth.jakarta.config.plugin;

import io.betterauth.jakarta.config.ConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Ours, not a Better Auth option: {@code better-auth.plugins.jwt.remote-jwks-url} and its neighbours switch the
 * library into <b>verifier mode</b>, for a resource server that only checks Better Auth JWTs (from Node's or our
 * {@code GET /token} / {@code set-auth-jwt}) against the issuer's published key set. Not Better Auth's
 * {@code jwks.remoteUrl}, which means "my keys are hosted elsewhere and I still sign".
 *
 * @param url                the JWKS URL; {@code https}, or {@code http} to a loopback host only
 * @param cacheTtl           seconds a fetched key set is used before it is fetched again
 * @param minRefetchInterval the window, in seconds, in which at most two fetches happen however many unknown
 *                           {@code kid}s arrive; at least 1 and below {@code cacheTtl}
 * @param clockSkew          seconds of tolerance on {@code exp}, {@code nbf} and {@code iat} (0: none, as jose)
 * @param rolesClaim         the payload member whose string (or strings) become caller groups, or null: none
 */
public record RemoteJwksOptions(URI url, long cacheTtl, long minRefetchInterval, long clockSkew, String rolesClaim) {

    /** {@code …remote-jwks.cache-ttl}: Nimbus's default. */
    public static final long DEFAULT_CACHE_TTL = 300;
    /** {@code …remote-jwks.min-refetch-interval}: Nimbus's default rate limit. */
    public static final long DEFAULT_MIN_REFETCH_INTERVAL = 30;

    public RemoteJwksOptions {
        if (url == null || url.getScheme() == null || url.getHost() == null || url.getRawUserInfo() != null) {
            throw new ConfigurationException("better-auth.plugins.jwt.remote-jwks-url must be an absolute URL such as "
                    + "https://auth.example.com/api/auth/jwks, without user information");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback(url.getHost()))) {
            throw new ConfigurationException("better-auth.plugins.jwt.remote-jwks-url must use https (http only to a "
                    + "loopback host such as 127.0.0.1): whoever can change the key set in transit can sign any "
                    + "caller, now " + url.getScheme() + "://" + url.getHost());
        }
        if (cacheTtl < 1 || minRefetchInterval < 1 || clockSkew < 0) {
            throw new ConfigurationException("better-auth.plugins.jwt.remote-jwks.cache-ttl and "
                    + "remote-jwks.min-refetch-interval must be positive (0 would let every made-up kid fetch the key "
                    + "set), clock-skew not negative");
        }
        if (minRefetchInterval >= cacheTtl) {
            throw new ConfigurationException("better-auth.plugins.jwt.remote-jwks.min-refetch-interval ("
                    + minRefetchInterval + ") must be below remote-jwks.cache-ttl (" + cacheTtl + "): the key set's "
                    + "scheduled refetch counts against the same limit");
        }
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? null : rolesClaim.trim();
    }

    /**
     * Whether the host is {@code localhost} or a loopback IP literal. Never asks DNS: a name that merely resolves to
     * 127.0.0.1 today is not trusted with plain http.
     */
    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
