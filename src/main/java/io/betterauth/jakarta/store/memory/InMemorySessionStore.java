package io.betterauth.jakarta.store.memory;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.spi.ExpiredSessionPurge;
import io.betterauth.jakarta.spi.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Comparator;

/** The reference {@link SessionStore}: a map in this JVM, for development and tests. Nothing survives a restart. */
public final class InMemorySessionStore implements SessionStore, ExpiredSessionPurge {

    private record Entry(Session session, long order) {
    }

    private final Map<String, Entry> byToken = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public void create(Session session) {
        if (byToken.putIfAbsent(session.token(), new Entry(session, sequence.incrementAndGet())) != null) {
            throw new IllegalStateException("Duplicate session token");
        }
    }

    @Override
    public Optional<Session> findByToken(String token) {
        return Optional.ofNullable(byToken.get(token)).map(Entry::session);
    }

    @Override
    public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
        Entry updated = byToken.computeIfPresent(token,
                (t, e) -> new Entry(e.session().withExpiry(expiresAt, updatedAt), e.order()));
        return Optional.ofNullable(updated).map(Entry::session);
    }

    @Override
    public Optional<Session> refreshExpiry(String token, Instant ifNotAfter, Instant expiresAt, Instant updatedAt) {
        Entry current = byToken.computeIfPresent(token, (t, e) -> e.session().expiresAt().isAfter(ifNotAfter) ? e
                : new Entry(e.session().withExpiry(expiresAt, updatedAt), e.order()));
        return Optional.ofNullable(current).map(Entry::session);
    }

    @Override
    public Optional<Session> updateAdditional(String token, Map<String, Object> changes, Instant updatedAt) {
        Entry updated = byToken.computeIfPresent(token,
                (t, e) -> new Entry(e.session().withAdditional(changes, updatedAt), e.order()));
        return Optional.ofNullable(updated).map(Entry::session);
    }

    @Override
    public void delete(String token) {
        byToken.remove(token);
    }

    @Override
    public List<Session> listByUser(String userId) {
        return byToken.values().stream()
                .filter(e -> e.session().userId().equals(userId))
                .sorted(Comparator.comparingLong(Entry::order))
                .map(Entry::session)
                .toList();
    }

    @Override
    public void deleteByUser(String userId) {
        byToken.values().removeIf(e -> e.session().userId().equals(userId));
    }

    /** Removes at most {@code batch} sessions whose {@code expiresAt} is before {@code now}. */
    @Override
    public int purgeExpired(Instant now, int batch) {
        int removed = 0;
        for (Map.Entry<String, Entry> e : byToken.entrySet()) {
            if (removed >= batch) {
                break;
            }
            if (e.getValue().session().expiresAt().isBefore(now) && byToken.remove(e.getKey(), e.getValue())) {
                removed++;
            }
        }
        return removed;
    }
}
