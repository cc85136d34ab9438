package io.betterauth.jakarta.jmh;

import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.core.js.JsDates;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.store.secondary.SecondaryStorageSessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The library's own work in a get-session against secondary storage (Redis), without the network: the store's read
 * of the token key's value and of the revocation marker, on an in-memory storage, and the date parse of its five
 * dates alone. Average time per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SecondaryStorageBenchmarks {

    @State(Scope.Benchmark)
    public static class Stored {
        SecondaryStorageSessionStore store;
        InMemoryUserStore users;
        String token;
        String date;

        @Setup
        public void setup() {
            SessionAndUser sample = HotPathBenchmarks.sample();
            users = new InMemoryUserStore();
            users.create(sample.user(), null);
            store = new SecondaryStorageSessionStore(new InMemorySecondaryStorage(), users, Clock.systemUTC());
            store.create(sample.session());
            token = sample.session().token();
            date = JsJson.isoDate(Instant.parse("2025-06-01T12:34:56.789Z"));
            if (store.findWithUser(token, users).isEmpty()) {
                throw new IllegalStateException("the stored session does not read back");
            }
        }
    }

    /** The token key's value decoded (JSON, five dates, session and user) and the marker read: one get-session. */
    @Benchmark
    public Optional<SessionAndUser> findWithUser(Stored s) {
        return s.store.findWithUser(s.token, s.users);
    }

    /** One stored date as Better Auth's reviver reads it. */
    @Benchmark
    public Optional<Instant> reviveDate(Stored s) {
        return JsDates.revive(s.date);
    }
}
