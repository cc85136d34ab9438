package io.betterauth.jakarta.store.redis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the secondary storage's Redis is, parsed from {@code better-auth.secondary-storage.redis-url}:
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:port][/db]} one Redis ({@code rediss://}: TLS; port 6379);</li>
 *   <li>{@code redis-sentinel://[[user]:password@]host1[:port1],host2[:port2]/masterName[/db]} the master that the
 *       Sentinels at those addresses name ({@code rediss-sentinel://}: TLS to the Sentinels and to the master; port
 *       26379). The credentials are the master's; a Sentinel's own password is a separate setting;</li>
 *   <li>{@code redis-cluster://[[user]:password@]host1[:port1],host2[:port2][/0]} a Redis Cluster, the addresses
 *       being seeds from which the client reads the slot map ({@code rediss-cluster://}: TLS; port 6379). A Cluster
 *       has only database 0.</li>
 * </ul>
 * User and password may be percent-encoded; an IPv6 host is written in brackets ({@code [::1]:6379}). The query
 * {@code ?protocol=3} chooses RESP3 (RESP2, what Better Auth's ioredis speaks, by default); other query parameters
 * are ignored, as Jedis ignores them.
 *
 * <p>Parsed by hand: {@code java.net.URI} cannot read a list of hosts. No message, and not {@link #toString()},
 * ever repeats the password. This class needs no Jedis, so the URL can be checked before the optional dependency is
 * looked for.
 *
 * @param kind       one Redis, a Sentinel-watched master, or a Cluster
 * @param tls        TLS on every connection
 * @param nodes      the Redis (one), the Sentinels, or the Cluster's seed nodes; never empty
 * @param masterName the master's name for the Sentinels; null otherwise
 * @param user       the ACL user; null = default user
 * @param password   the password; null = none
 * @param database   the logical database (0 for a Cluster)
 * @param resp3      true when {@code ?protocol=3} asks for RESP3
 */
public record RedisEndpoint(Kind kind, boolean tls, List<Node> nodes, String masterName, String user,
                            String password, int database, boolean resp3) {

    /** The three ways to reach Redis. */
    public enum Kind {
        /** One Redis server. */
        STANDALONE,
        /** The master that Redis Sentinels name. */
        SENTINEL,
        /** A Redis Cluster. */
        CLUSTER
    }

    /**
     * A host and port.
     *
     * @param host a host name or IP address (IPv6 without brackets)
     * @param port the TCP port
     */
    public record Node(String host, int port) {
        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private static final String FORMS = "redis://host:port/db, redis-sentinel://host:26379,host2:26379/masterName/db "
            + "or redis-cluster://host:7001,host2:7002 (rediss… for TLS)";

    /** Canonical form: immutable node list. */
    public RedisEndpoint {
        Objects.requireNonNull(kind, "kind");
        nodes = List.copyOf(nodes);
    }

    /**
     * Parses a Redis URL in one of the three forms.
     *
     * @throws IllegalArgumentException saying what is wrong (never quoting the URL: it may hold a password)
     */
    public static RedisEndpoint parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("No Redis URL (" + FORMS + ")");
        }
        String s = url.trim();
        int colon = s.indexOf("://");
        if (colon < 0) {
            throw new IllegalArgumentException("Not a Redis URL: expected " + FORMS);
        }
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        Kind kind;
        boolean tls;
        int defaultPort;
        switch (scheme) {
            case "redis", "rediss" -> {
                kind = Kind.STANDALONE;
                defaultPort = 6379;
            }
            case "redis-sentinel", "rediss-sentinel" -> {
                kind = Kind.SENTINEL;
                defaultPort = 26379;
            }
            case "redis-cluster", "rediss-cluster" -> {
                kind = Kind.CLUSTER;
                defaultPort = 6379;
            }
            default -> throw new IllegalArgumentException("Not a Redis URL: the scheme is not redis, rediss, "
                    + "redis-sentinel, rediss-sentinel, redis-cluster or rediss-cluster; expected " + FORMS);
        }
        tls = scheme.startsWith("rediss");
        String rest = s.substring(colon + 3);

        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        boolean resp3 = false;
        int query = rest.indexOf('?');
        if (query >= 0) {
            resp3 = protocol3(rest.substring(query + 1));
            rest = rest.substring(0, query);
        }
        // The authority ends at the first '/' after the credentials (a password may hold '/' only percent-encoded,
        // but may hold a raw '@': the credentials end at the last '@' before the path).
        int slash = rest.indexOf('/', rest.lastIndexOf('@') + 1);
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);

        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int sep = userInfo.indexOf(':');
            if (sep < 0) {
                // Jedis refuses it, ioredis reads it as a user name: ambiguous either way
                throw new IllegalArgumentException("A Redis URL's credentials are user:password@ or :password@");
            }
            user = emptyToNull(decode(userInfo.substring(0, sep), "user"));
            password = decode(userInfo.substring(sep + 1), "password");
            if (password != null && password.isEmpty()) {
                password = null;
            }
        }
        List<Node> nodes = nodes(authority, defaultPort, kind);

        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1); // redis://host:6379/ is redis://host:6379
        }
        String[] segments = path.isEmpty() ? new String[0] : path.split("/", -1);
        String masterName = null;
        int database = 0;
        int allowed = kind == Kind.SENTINEL ? 2 : 1;
        if (segments.length > allowed || List.of(segments).contains("")) {
            throw new IllegalArgumentException("A Redis URL has a path of at most "
                    + (kind == Kind.SENTINEL ? "/masterName/db" : "/db"));
        }
        if (kind == Kind.SENTINEL) {
            if (segments.length == 0) {
                throw new IllegalArgumentException("A redis-sentinel URL names the master after the Sentinels: "
                        + "redis-sentinel://host:26379,host2:26379/masterName[/db]");
            }
            masterName = decode(segments[0], "master name");
        }
        if (segments.length == allowed) {
            database = database(segments[allowed - 1]);
        }
        if (kind == Kind.CLUSTER && database != 0) {
            throw new IllegalArgumentException("A Redis Cluster has only database 0; a redis-cluster URL has no "
                    + "/db other than /0");
        }
        return new RedisEndpoint(kind, tls, nodes, masterName, user, password, database, resp3);
    }

    private static boolean protocol3(String query) {
        boolean resp3 = false;
        for (String param : query.split("&")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).equalsIgnoreCase("protocol")) {
                String v = param.substring(eq + 1);
                if (v.equals("3")) {
                    resp3 = true;
                } else if (v.equals("2")) {
                    resp3 = false;
                } else {
                    throw new IllegalArgumentException("A Redis URL's protocol is 2 or 3");
                }
            }
        }
        return resp3;
    }

    private static List<Node> nodes(String authority, int defaultPort, Kind kind) {
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("A Redis URL names a host: expected " + FORMS);
        }
        String[] parts = authority.split(",", -1);
        if (parts.length > 1 && kind == Kind.STANDALONE) {
            throw new IllegalArgumentException("A redis:// URL names one host; several hosts are "
                    + "redis-sentinel://… (Sentinels) or redis-cluster://… (a Cluster)");
        }
        List<Node> nodes = new ArrayList<>(parts.length);
        for (String part : parts) {
            nodes.add(node(part.trim(), defaultPort));
        }
        return nodes;
    }

    private static Node node(String hostPort, int defaultPort) {
        if (hostPort.isEmpty()) {
            throw new IllegalArgumentException("A Redis URL has an empty host in its host list");
        }
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("A Redis URL has an IPv6 host without its closing ']'");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new IllegalArgumentException("A Redis URL has text after an IPv6 host that is no port");
                }
                port = after.substring(1);
            }
        } else {
            int c = hostPort.lastIndexOf(':');
            if (c >= 0) {
                if (hostPort.indexOf(':') != c) {
                    throw new IllegalArgumentException("A Redis URL's IPv6 host is written in brackets: [::1]:6379");
                }
                host = hostPort.substring(0, c);
                port = hostPort.substring(c + 1);
            } else {
                host = hostPort;
            }
        }
        if (host.isEmpty() || !host.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '.' || ch == '-'
                || ch == '_' || ch == ':' || ch == '%')) {
            throw new IllegalArgumentException("A Redis URL has a host that is not a host name or IP address");
        }
        int p = defaultPort;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("A Redis URL has a port that is not a number from 1 to 65535");
            }
        }
        return new Node(host, p);
    }

    private static int database(String segment) {
        int db;
        try {
            db = Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            db = -1;
        }
        if (db < 0) {
            throw new IllegalArgumentException("A Redis URL's database (after the last '/') is a number from 0");
        }
        return db;
    }

    /** Percent-decoding as in a URI (a '+' stays a '+'). */
    private static String decode(String s, String what) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("A Redis URL's " + what + " has a '%' that is not followed "
                            + "by two hexadecimal digits");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The URL again, with {@code ***} for the password (for logs and messages). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(tls ? "rediss" : "redis");
        if (kind == Kind.SENTINEL) {
            b.append("-sentinel");
        } else if (kind == Kind.CLUSTER) {
            b.append("-cluster");
        }
        b.append("://");
        if (user != null || password != null) {
            b.append(user == null ? "" : user).append(password == null ? "" : ":***").append('@');
        }
        for (int i = 0; i < nodes.size(); i++) {
            b.append(i == 0 ? "" : ",").append(nodes.get(i));
        }
        if (masterName != null) {
            b.append('/').append(masterName);
        }
        if (database != 0) {
            b.append('/').append(database);
        }
        if (resp3) {
            b.append("?protocol=3");
        }
        return b.toString();
    }
}
