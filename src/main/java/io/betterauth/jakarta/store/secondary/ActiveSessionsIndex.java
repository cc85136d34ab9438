package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Better Auth's per-user index of sessions, {@code active-sessions-<userId>}: the user's tokens with their expiry,
 * sorted ascending by {@code expiresAt}. Every write drops expired and duplicate entries (so sign-out and revoke prune
 * it, better-auth#3819); the list lives until its furthest {@code expiresAt} (at least 1 s) and is deleted when
 * empty. Every change is a {@link ConditionalWrites conditional write}, so concurrent changes, on any number of
 * instances, are all kept: a live session is never missing from the list, nor listed with an expiry earlier than its
 * own.
 */
final class ActiveSessionsIndex {

    private static final String PREFIX = "active-sessions-";

    private final AtomicSecondaryStorage storage;
    private final SessionValueCodec codec;
    private final Clock clock;

    ActiveSessionsIndex(AtomicSecondaryStorage storage, SessionValueCodec codec, Clock clock) {
        this.storage = storage;
        this.codec = codec;
        this.clock = clock;
    }

    /** {@code active-sessions-<userId>}. */
    static String key(String userId) {
        return PREFIX + userId;
    }

    /** Every token listed, once each, in list order; empty when there is no list or it is unreadable. */
    Set<String> tokens(String userId) {
        Set<String> tokens = new LinkedHashSet<>();
        read(userId).forEach(r -> tokens.add(r.token()));
        return tokens;
    }

    /** The tokens listed with an expiry still ahead, once each, in list order. */
    Set<String> liveTokens(String userId) {
        long now = clock.millis();
        Set<String> tokens = new LinkedHashSet<>();
        read(userId).stream().filter(r -> r.expiresAt() > now).forEach(r -> tokens.add(r.token()));
        return tokens;
    }

    /** Lists {@code token} with this expiry, replacing any entry it had. */
    void put(String userId, String token, long expiresAt) {
        update(userId, refs -> {
            List<ActiveSession> changed = without(refs, Set.of(token));
            changed.add(new ActiveSession(token, expiresAt));
            return changed;
        });
    }

    /** Removes these tokens' entries (the list is deleted when nothing live is left). */
    void remove(String userId, Set<String> tokens) {
        update(userId, refs -> without(refs, tokens));
    }

    private List<ActiveSession> read(String userId) {
        return storage.get(key(userId)).map(codec::readList).orElse(List.of());
    }

    private static List<ActiveSession> without(List<ActiveSession> refs, Set<String> tokens) {
        List<ActiveSession> changed = new ArrayList<>(refs);
        changed.removeIf(r -> tokens.contains(r.token()));
        return changed;
    }

    /**
     * Applies {@code change} to the user's list (an empty list when missing or unreadable) and writes the result,
     * living until its furthest {@code expiresAt}, or deletes the list when nothing live is left; conditionally.
     */
    private void update(String userId, UnaryOperator<List<ActiveSession>> change) {
        String key = key(userId);
        ConditionalWrites.retry(storage, key, key, raw -> {
            List<ActiveSession> refs = change.apply(raw.map(codec::readList).orElse(List.of()));
            long now = clock.millis();
            Optional<Duration> ttl = furthest(refs, now);
            boolean written = ttl.isEmpty()
                    ? raw.isEmpty() || storage.compareAndDelete(key, raw.get())
                    : storage.compareAndSet(key, raw.orElse(null), codec.writeList(refs, now), ttl.get());
            return written ? Optional.of(Boolean.TRUE) : Optional.empty();
        });
    }

    /** The time to live of a list: until its furthest {@code expiresAt}; empty when no entry is live. */
    private static Optional<Duration> furthest(List<ActiveSession> refs, long now) {
        long max = Long.MIN_VALUE;
        for (ActiveSession r : refs) {
            max = Math.max(max, r.expiresAt());
        }
        return refs.isEmpty() ? Optional.empty() : SessionValueCodec.ttlUntil(max, now);
    }
}
