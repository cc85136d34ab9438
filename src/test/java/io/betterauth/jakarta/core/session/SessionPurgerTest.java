package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.ExpiredSessionPurge;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduled purge's run (issue 9) and the memory store's purge. */
class SessionPurgerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));

    private static Session session(String token, Instant expiresAt) {
        return new Session("id-" + token, token, "u1", expiresAt, expiresAt.minusSeconds(60),
                expiresAt.minusSeconds(60), "", "");
    }

    @Test
    void memoryStore_purgesOnlyExpiredSessions_atMostABatchPerCall() {
        InMemorySessionStore store = new InMemorySessionStore();
        Instant now = clock.instant();
        for (int i = 0; i < 5; i++) {
            store.create(session("old" + i, now.minusSeconds(1 + i)));
        }
        store.create(session("edge", now));
        store.create(session("live", now.plusSeconds(1)));
        assertThat(store.purgeExpired(now, 2)).isEqualTo(2);
        assertThat(store.purgeExpired(now, 2)).isEqualTo(2);
        assertThat(store.purgeExpired(now, 2)).isEqualTo(1);
        assertThat(store.purgeExpired(now, 2)).isZero();
        assertThat(store.findByToken("edge")).isPresent();
        assertThat(store.findByToken("live")).isPresent();
    }

    @Test
    void aRun_callsBatchesUntilNothingIsLeft_boundedByMaxBatches() {
        InMemorySessionStore store = new InMemorySessionStore();
        for (int i = 0; i < 25; i++) {
            store.create(session("old" + i, clock.instant().minusSeconds(10)));
        }
        List<Integer> batches = new ArrayList<>();
        ExpiredSessionPurge recording = (now, batch) -> {
            int n = store.purgeExpired(now, batch);
            batches.add(n);
            return n;
        };
        assertThat(new SessionPurger(recording, clock, 10, 2).purge()).isEqualTo(20); // at most 2 batches a run
        assertThat(batches).containsExactly(10, 10);
        batches.clear();
        assertThat(new SessionPurger(recording, clock, 10, 100).purge()).isEqualTo(5);
        assertThat(batches).containsExactly(5, 0);
    }

    @Test
    void aFailingStore_isLoggedAndLeftToTheNextRun() {
        SessionPurger purger = new SessionPurger((now, batch) -> {
            throw new StoreUnavailableException("down", null);
        }, clock, 10, 10);
        assertThat(purger.purge()).isEqualTo(-1);
        purger.run(); // never throws into the scheduler, which would cancel the schedule
    }
}
