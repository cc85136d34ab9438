package io.betterauth.jakarta.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The URLs of the configuration ({@code better-auth.url}, {@code better-auth.database.url},
 * {@code better-auth.secondary-storage.redis-url}) checked when the configuration is built, so a malformed one stops
 * the start-up with the key named instead of failing at first use; and {@link #masked(String)}, the only form in
 * which a configured URL appears in a message, since such URLs often carry a password.
 */
public final class ConfiguredUrls {

    /** Jedis's schemes, and Sentinel and Cluster as {@code better-auth.secondary-storage.redis-url} accepts them. */
    static final List<String> REDIS_SCHEMES = List.of("redis", "rediss", "redis-sentinel", "rediss-sentinel",
            "redis-cluster", "rediss-cluster");

    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|secret|token|sslpassword)=)[^&;]*");
    private static final Pattern JDBC = Pattern.compile("jdbc:[A-Za-z0-9]+:.+");
    private static final Pattern HOST_AND_PORT =
            Pattern.compile("(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?");

    private ConfiguredUrls() {
    }

    /**
     * The URL with its credentials replaced by {@code ***}: the user information before {@code @} (also Oracle's
     * {@code user/password@host}) and {@code password=}-like parameters.
     */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        String out = url;
        int at = out.lastIndexOf('@');
        if (at >= 0) {
            int scheme = out.indexOf("://");
            int from = scheme >= 0 && scheme < at ? scheme + 3 : out.lastIndexOf(':', at) + 1;
            out = out.substring(0, from) + "***" + out.substring(at);
        }
        return SECRET_PARAMETER.matcher(out).replaceAll("$1***");
    }

    /** A rejected value for a message: masked when it looks like a URL; otherwise not at all (it may be a password). */
    private static String shown(String url) {
        return url.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*")
                ? "'" + masked(url) + "'" : "a value without a scheme (not shown: it may hold a password)";
    }

    /** {@code better-auth.url}: an absolute URL with a host; null = none. */
    static void checkBaseUrl(String url) {
        if (url == null) {
            return;
        }
        URI uri = uri(url);
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            throw new ConfigurationException("better-auth.url must be an absolute URL such as "
                    + "https://app.example.com, not " + shown(url));
        }
    }

    /** {@code better-auth.database.url}: {@code jdbc:<subprotocol>:…}; null or blank = none. */
    static void checkDatabaseUrl(String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        if (!JDBC.matcher(url.trim()).matches()) {
            throw new ConfigurationException("better-auth.database.url must be a JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/app, not " + shown(url));
        }
    }

    /**
     * {@code better-auth.secondary-storage.redis-url}: one of {@link #REDIS_SCHEMES} and {@code host[:port]} (a
     * comma-separated list of them for Sentinel and Cluster); null or blank = none.
     */
    static void checkRedisUrl(String url) {
        if (url == null || url.isBlank() || redisUrlValid(url.trim())) {
            return;
        }
        throw new ConfigurationException("better-auth.secondary-storage.redis-url must be a Redis URL such as "
                + "redis://127.0.0.1:6379/0 (schemes: " + String.join(", ", REDIS_SCHEMES) + "), not " + shown(url));
    }

    private static boolean redisUrlValid(String url) {
        int sep = url.indexOf("://");
        String scheme = sep <= 0 ? "" : url.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!REDIS_SCHEMES.contains(scheme)) {
            return false;
        }
        String rest = url.substring(sep + 3);
        int end = indexOfAny(rest, "/?#", rest.lastIndexOf('@') + 1);
        String authority = rest.substring(0, end);
        String hosts = authority.substring(authority.lastIndexOf('@') + 1);
        String[] list = hosts.split(",", -1);
        if (hosts.isEmpty() || (!scheme.contains("-") && list.length > 1)) {
            return false;
        }
        for (String host : list) {
            var m = HOST_AND_PORT.matcher(host.trim());
            if (!m.matches() || (m.group(1) != null
                    && (Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = Math.max(from, 0); i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
