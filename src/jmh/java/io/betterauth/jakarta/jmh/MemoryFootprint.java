package io.betterauth.jakarta.jmh;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.config.option.RateLimitOptions;
import io.betterauth.jakarta.core.cookie.cache.CookieCacheCodec;
import io.betterauth.jakarta.core.cookie.cache.MemoizedCookieCacheCodec;
import io.betterauth.jakarta.core.cookie.cache.SessionData;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.core.security.RateLimiter;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes retained per active session in the in-memory stores and per rate-limit bucket (issue 20), measured with
 * JOL's object-graph walk, not estimated: for each structure, the retained size of everything reachable from it with
 * {@code n} and with {@code 2n} entries; the difference over {@code n} is one entry's cost (fixed overheads such as
 * the tables' initial size cancel out; a hash table's growth is amortised into it). Run by {@code bench/run memory}:
 * {@code java -cp target/jmh/benchmarks.jar io.betterauth.jakarta.jmh.MemoryFootprint [n]}. Prints TSV lines
 * {@code structure, entries, bytes per entry, what an entry is}.
 *
 * <p>Entries look like real ones: 32-character ids and tokens made by the library's generator, an IPv4 address, a
 * browser's 111-character user agent (its own string per session, as each request parses its own header), dates
 * within the session's lifetime.
 */
public final class MemoryFootprint {

    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private final IdGenerator ids = new IdGenerator();

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        MemoryFootprint m = new MemoryFootprint();
        System.out.println("structure\tentries\tbytes_per_entry\tentry");
        m.inMemorySessionStore(n);
        m.inMemorySecondaryStorage(n, 1);
        m.inMemorySecondaryStorage(n, 10);
        m.rateLimiter(n);
        for (CookieCacheStrategy strategy : CookieCacheStrategy.values()) {
            m.decodedCookieCaches(n, strategy);
        }
    }

    private Session session(int i, String userId) {
        Instant created = NOW.minusSeconds(i % 86_400);
        return new Session(ids.generate(), ids.generate(), userId, created.plus(Duration.ofDays(7)), created, created,
                "203.0." + (i >> 8 & 255) + "." + (i & 255), new String(USER_AGENT.toCharArray()));
    }

    private User user(int i) {
        return new User(ids.generate(), "User " + i, "user" + i + "@example.com", false, null, NOW, NOW);
    }

    /** The retained bytes of {@code root} after {@code fill} ran for entries 0..n-1, then n..2n-1: per entry. */
    private static double perEntry(Object root, int n, IntConsumer fill) {
        for (int i = 0; i < n; i++) {
            fill.accept(i);
        }
        long first = GraphLayout.parseInstance(root).totalSize();
        for (int i = n; i < 2 * n; i++) {
            fill.accept(i);
        }
        long second = GraphLayout.parseInstance(root).totalSize();
        return (second - first) / (double) n;
    }

    private static void print(String structure, int n, double bytes, String entry) {
        System.out.printf(Locale.ROOT, "%s\t%d\t%.0f\t%s%n", structure, n, bytes, entry);
    }

    /** {@code better-auth.database=memory}'s session table: a session record in a map by token. */
    void inMemorySessionStore(int n) {
        InMemorySessionStore store = new InMemorySessionStore();
        String userId = ids.generate();
        double bytes = perEntry(store, n, i -> store.create(session(i, userId)));
        print("InMemorySessionStore", n, bytes, "one session (no additional fields)");
    }

    /**
     * Sessions in an in-memory secondary storage (Better Auth's layout: the token's key holds the session and its user
     * as JSON, {@code active-sessions-<userId>} lists the user's sessions), {@code perUser} sessions for each user.
     */
    void inMemorySecondaryStorage(int n, int perUser) {
        InMemorySecondaryStorage storage = new InMemorySecondaryStorage(Clock.fixed(NOW, ZoneOffset.UTC));
        InMemoryUserStore users = new InMemoryUserStore();
        SessionStore store = new SecondaryStorageSessionStore(storage, users, Clock.fixed(NOW, ZoneOffset.UTC));
        String[] userIds = new String[2 * n / perUser + 1];
        double bytes = perEntry(storage, n, i -> {
            int u = i / perUser;
            if (userIds[u] == null) {
                User user = user(u);
                users.create(user, new Account(ids.generate(), user.id(), Account.CREDENTIAL_PROVIDER, user.id(),
                        null, NOW, NOW));
                userIds[u] = user.id();
            }
            store.create(session(i, userIds[u]));
        });
        print("InMemorySecondaryStorage", n, bytes, "one session, " + perUser + (perUser == 1 ? " session" : " sessions")
                + " per user (its key and JSON value, its share of the user's active-sessions list)");
    }

    /**
     * {@code better-auth.session.cookie-cache.decoded-entries}: a remembered {@code session_data} cookie (the value
     * a browser sends, as the key) and its decoded session and user.
     */
    void decodedCookieCaches(int n, CookieCacheStrategy strategy) {
        CookieCacheCodec codec = MemoizedCookieCacheCodec.of(
                CookieCacheCodec.create(strategy, SecretRing.single("bench-secret-Zq8vR2nX5tLw9pKc3mHj7yBf4sDg6aEu")),
                2 * n + 1);
        long now = NOW.toEpochMilli();
        double bytes = perEntry(codec, n, i -> {
            User user = user(i);
            String value = codec.encode(SessionData.of(new SessionAndUser(session(i, user.id()), user), now, "1"),
                    now, 300);
            // a second later, as a browser's next request: decoded at the very millisecond of the users' NOW dates,
            // the payload could be one whose dates were defaulted to the decode's time, which is not remembered
            if (codec.decode(value, now + 1_000).isEmpty()) {
                throw new IllegalStateException("the " + strategy + " cache did not decode");
            }
        });
        print("decoded session_data (" + strategy.name().toLowerCase(Locale.ROOT) + ")", n, bytes,
                "one remembered cookie value (" + codec.encode(SessionData.of(new SessionAndUser(session(0, "u"),
                        user(0)), now, "1"), now, 300).length() + " characters here) and its decoded session and user");
    }

    /** In-memory rate-limit counters: one bucket per client address and path. */
    void rateLimiter(int n) {
        RateLimiter limiter = new RateLimiter(new RateLimitOptions(true, 10, 100, RateLimitOptions.Storage.MEMORY),
                null, Clock.fixed(NOW, ZoneOffset.UTC));
        double bytes = perEntry(limiter, n, i -> limiter.check("198.51." + (i >> 8 & 255) + "." + (i & 255),
                "/get-session"));
        long estimate = limiter.memoryBytes() / (2L * n);
        print("RateLimiter (memory)", n, bytes, "one bucket (IPv4 address and /get-session); the limiter's own "
                + "estimate, which its 16 MiB bound counts: " + estimate + " bytes");
    }
}
