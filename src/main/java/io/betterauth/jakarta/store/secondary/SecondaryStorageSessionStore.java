package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.spi.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Sessions in Better Auth's secondary storage, in Better Auth 1.7.25's exact layout, so that a Node Better Auth on
 * the same storage reads what this store writes and the other way round:
 *
 * <ul>
 *   <li>{@code <token>} → {@code {"session":{…},"user":{…}}}: the session (members in {@link Session#toJson()}'s
 *       order, dates as JavaScript ISO strings) and a copy of its user (as {@link User#toJson()}), living until the
 *       session's {@code expiresAt}: the TTL is the whole seconds left, never less than 1 s (better-auth#10992,
 *       where a TTL that rounded down to 0 made Redis keep the key forever). An already-expired session is not
 *       written.</li>
 *   <li>{@code active-sessions-<userId>} → {@code [{"token":"…","expiresAt":<ms>},…]}: the user's sessions
 *       ({@link ActiveSessionsIndex}).</li>
 *   <li>{@code revoked-sessions-before-<userId>} → a millisecond epoch as a string, written by
 *       {@link #deleteByUser(String)} (the maximum of now and any previous value), living
 *       {@code max(session expiresIn, 1 day)}. Any stored session of that user created before it is revoked:
 *       {@link #findByToken}, {@link #findWithUser} and {@link #listByUser} ignore it, on every instance, even one
 *       whose token key survived (written by an instance that missed the revocation).</li>
 * </ul>
 *
 * <p><b>The user copy.</b> {@link #create(Session)} reads the user from the {@link UserStore} and refuses, with
 * {@link IllegalStateException} and without writing anything, when there is no such user or it lacks a required
 * member: a missing or partial user is never cached (better-auth#10884). {@link #findWithUser} answers from the
 * stored value alone, without reading the {@code UserStore}. {@link #userUpdated(User)} rewrites the user in every
 * listed session of that user, each with the TTL it had left (better-auth#2390).
 *
 * <p><b>Reading.</b> Values are read as Better Auth reads them ({@link SessionValueCodec}); an unreadable one is no
 * session, never an exception, so the caller answers 401 rather than 500. Members this library does not model
 * (additional fields a Node Better Auth wrote) are kept, in their order, when a value is rewritten.
 *
 * <p><b>Concurrency.</b> Every write of a value read before is conditional ({@link
 * AtomicSecondaryStorage#compareAndSet}: only if the key still holds what was read; on a miss the value is read again
 * and the change made again). So a session update, a user update or a refresh never writes back a token key that a
 * sign-out or revoke deleted meanwhile, concurrent updates do not undo each other, and concurrent changes of
 * {@code active-sessions-<userId>} are all kept: a live session is never missing from it, nor listed with an expiry
 * earlier than its own. A delete is final; a created key is written only when absent. This holds across instances
 * when the storage is an {@link AtomicSecondaryStorage} (Redis, memory); a plain {@link SecondaryStorage} gets the
 * same steps under locks of this JVM only (Better Auth's own writes are unconditional). A key that keeps changing
 * under a writer for {@value ConditionalWrites#MAX_ATTEMPTS} attempts, or a storage failure, ends the call with
 * {@link StoreUnavailableException}.
 */
public final class SecondaryStorageSessionStore implements SessionStore {

    /** Better Auth's default {@code session.expiresIn}, 7 days. */
    public static final Duration DEFAULT_EXPIRES_IN = Duration.ofDays(7);

    private static final String REVOKED_BEFORE = "revoked-sessions-before-";
    private static final Duration ONE_DAY = Duration.ofDays(1);

    private final AtomicSecondaryStorage storage;
    private final UserStore users;
    private final Clock clock;
    private final Duration revokedBeforeTtl;
    private final SessionValueCodec codec = new SessionValueCodec();
    private final ActiveSessionsIndex index;

    /** With Better Auth's default session lifetime (7 days), which sets the TTL of the revocation marker. */
    public SecondaryStorageSessionStore(SecondaryStorage storage, UserStore users, Clock clock) {
        this(storage, users, clock, DEFAULT_EXPIRES_IN);
    }

    /**
     * @param storage          where the keys live; an {@link AtomicSecondaryStorage} keeps writes safe across
     *                         instances, a plain one only within this JVM
     * @param users            read once per {@link #create(Session)}, for the user copy
     * @param clock            "now" for TTLs, pruning and revocation
     * @param sessionExpiresIn {@code better-auth.session.expires-in}; the revocation marker lives
     *                         {@code max(sessionExpiresIn, 1 day)}
     */
    public SecondaryStorageSessionStore(SecondaryStorage storage, UserStore users, Clock clock,
                                        Duration sessionExpiresIn) {
        this.storage = LocallyAtomicSecondaryStorage.of(Objects.requireNonNull(storage, "storage"));
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
        Duration expiresIn = sessionExpiresIn == null || sessionExpiresIn.isZero() || sessionExpiresIn.isNegative()
                ? DEFAULT_EXPIRES_IN : sessionExpiresIn;
        this.revokedBeforeTtl = Duration.ofSeconds(Math.max(expiresIn.getSeconds(), ONE_DAY.getSeconds()));
        this.index = new ActiveSessionsIndex(this.storage, codec, clock);
    }

    /** {@code active-sessions-<userId>}. */
    public static String activeSessionsKey(String userId) {
        return ActiveSessionsIndex.key(userId);
    }

    /** {@code revoked-sessions-before-<userId>}. */
    public static String revokedSessionsBeforeKey(String userId) {
        return REVOKED_BEFORE + userId;
    }

    /**
     * Writes the session's list entry, then its token key with a copy of its user (Better Auth's order).
     *
     * @throws IllegalStateException when the token is already stored, or the user is missing or incomplete in the
     *                               {@code UserStore} (nothing is written then)
     */
    @Override
    public void create(Session session) {
        requireComplete(session);
        User user = users.findById(session.userId())
                .orElseThrow(() -> new IllegalStateException("No user for the new session; it is not cached"));
        if (!user.complete() || !user.id().equals(session.userId())) {
            throw new IllegalStateException("The user of the new session is incomplete; it is not cached");
        }
        Session stored = truncated(session);
        String json = codec.write(stored, user);
        if (storage.get(session.token()).isPresent()) {
            throw new IllegalStateException("Duplicate session token");
        }
        long expiresAt = stored.expiresAt().toEpochMilli();
        index.put(session.userId(), session.token(), expiresAt);
        Optional<Duration> ttl = SessionValueCodec.ttlUntil(expiresAt, clock.millis());
        // Only when absent; a miss is a duplicate, unless what is there is this very value (a retried write).
        if (ttl.isPresent() && !storage.compareAndSet(session.token(), null, json, ttl.get())
                && !storage.get(session.token()).equals(Optional.of(json))) {
            throw new IllegalStateException("Duplicate session token");
        }
    }

    @Override
    public Optional<Session> findByToken(String token) {
        Lookup l = lookup(token);
        return l.found() ? Optional.of(l.stored().session()) : Optional.empty();
    }

    /** From the stored value alone; {@code users} is not read. */
    @Override
    public Optional<SessionAndUser> findWithUser(String token, UserStore users) {
        Lookup l = lookup(token);
        return l.found() ? Optional.of(new SessionAndUser(l.stored().session(), l.stored().user()))
                : Optional.empty();
    }

    /**
     * Rewrites the token key with the new {@code expiresAt}/{@code updatedAt} (every other member, and the user
     * copy, kept) and the list entry. When the new {@code expiresAt} has already passed, the session has ended: its
     * key and entry are removed (Better Auth leaves the old value in place until its TTL runs out).
     */
    @Override
    public Optional<Session> updateAdditional(String token, Map<String, Object> changes, Instant updatedAt) {
        Instant newUpdatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        return rewrite(token, st -> {
            Session updated = st.session().withAdditional(changes, newUpdatedAt);
            Map<String, Object> sessionJson = new LinkedHashMap<>(st.sessionJson());
            sessionJson.putAll(changes);
            sessionJson.put("updatedAt", newUpdatedAt);
            return Rewrite.of(updated, sessionJson, st.userJson());
        });
    }

    /**
     * Checks and slides in one conditional write (T-16): of concurrent refreshes, on any number of instances, one
     * writes; the others miss, read the slid session, find it no longer due and answer it.
     */
    @Override
    public Optional<Session> refreshExpiry(String token, Instant ifNotAfter, Instant expiresAt, Instant updatedAt) {
        Objects.requireNonNull(ifNotAfter, "ifNotAfter");
        return slide(token, s -> !s.expiresAt().isAfter(ifNotAfter), expiresAt, updatedAt);
    }

    @Override
    public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
        return slide(token, s -> true, expiresAt, updatedAt);
    }

    /** Slides the session when {@code due}, then its list entry; else answers it as stored. */
    private Optional<Session> slide(String token, Predicate<Session> due, Instant expiresAt, Instant updatedAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Instant newExpiresAt = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        Instant newUpdatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        long newExpiry = newExpiresAt.toEpochMilli();
        if (SessionValueCodec.ttlUntil(newExpiry, clock.millis()).isEmpty()) {
            // Ended: the key goes (a delete needs no condition: it cannot revive anything), then its entry.
            Lookup l = lookup(token);
            if (!l.found() || !due.test(l.stored().session())) {
                return l.found() ? Optional.of(l.stored().session()) : Optional.empty();
            }
            storage.delete(token);
            index.remove(l.stored().session().userId(), Set.of(token));
            return Optional.of(l.stored().session().withExpiry(newExpiresAt, newUpdatedAt));
        }
        boolean[] slid = new boolean[1];
        Optional<Session> result = rewrite(token, st -> {
            slid[0] = due.test(st.session());
            if (!slid[0]) {
                return Rewrite.unchanged(st.session());
            }
            Map<String, Object> sessionJson = new LinkedHashMap<>(st.sessionJson());
            sessionJson.put("expiresAt", newExpiresAt);
            sessionJson.put("updatedAt", newUpdatedAt);
            return Rewrite.of(st.session().withExpiry(newExpiresAt, newUpdatedAt), sessionJson, st.userJson());
        });
        if (result.isPresent() && slid[0]) {
            index.put(result.get().userId(), token, newExpiry);
        }
        return result;
    }

    /**
     * Removes the token from its user's list (pruning it, deleting it when empty), then deletes the token key. An
     * unreadable value is deleted too (Better Auth leaves it).
     */
    @Override
    public void delete(String token) {
        Objects.requireNonNull(token, "token");
        Optional<String> userId = storage.get(token).flatMap(codec::userIdOf);
        if (userId.isPresent()) {
            index.remove(userId.get(), Set.of(token));
        }
        storage.delete(token);
    }

    /**
     * The user's listed sessions that are live, readable and not revoked, oldest ({@code createdAt}) first. Better
     * Auth returns them in list order ({@code expiresAt}); the SPI asks for creation order.
     */
    @Override
    public List<Session> listByUser(String userId) {
        Objects.requireNonNull(userId, "userId");
        Double revokedBefore = null;
        List<Session> sessions = new ArrayList<>();
        for (String token : index.liveTokens(userId)) {
            Optional<StoredSession> st = storage.get(token).flatMap(raw -> codec.read(raw, token));
            if (st.isEmpty() || !st.get().session().userId().equals(userId)) {
                continue;
            }
            if (revokedBefore == null) {
                revokedBefore = revokedBefore(userId);
            }
            if (st.get().session().createdAt().toEpochMilli() < revokedBefore) {
                continue;
            }
            sessions.add(st.get().session());
        }
        sessions.sort(Comparator.comparing(Session::createdAt));
        return sessions;
    }

    /**
     * Writes {@code revoked-sessions-before-<userId>} first (so every instance stops accepting the user's sessions at
     * once), then deletes every listed token key, then prunes the list (deleted when empty): Better Auth's
     * {@code deleteUserSessions} order.
     */
    @Override
    public void deleteByUser(String userId) {
        Objects.requireNonNull(userId, "userId");
        Set<String> listed = index.tokens(userId);
        writeRevokedBefore(userId, clock.millis());
        for (String token : listed) {
            storage.delete(token);
        }
        index.remove(userId, listed);
    }

    /** Raises {@code revoked-sessions-before-<userId>} to {@code revokedAt}, never lowering a later one. */
    private void writeRevokedBefore(String userId, long revokedAt) {
        String key = revokedSessionsBeforeKey(userId);
        ConditionalWrites.retry(storage, key, key, raw -> storage.compareAndSet(key, raw.orElse(null),
                SessionValueCodec.revokedBeforeValue(revokedAt, raw), revokedBeforeTtl)
                ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /**
     * Rewrites the user copy in every listed, live session of this user, each with the whole seconds it has left
     * (≥ 1 s). Members of the stored user this library does not model are kept.
     *
     * @throws IllegalArgumentException when the user lacks a required member (a partial user is never cached)
     */
    @Override
    public void userUpdated(User user) {
        if (user == null || !user.complete()) {
            throw new IllegalArgumentException("An incomplete user is never cached");
        }
        for (String token : index.liveTokens(user.id())) {
            rewrite(token, st -> {
                if (!st.session().userId().equals(user.id())) {
                    return Optional.empty();
                }
                Map<String, Object> userJson = new LinkedHashMap<>(st.userJson());
                userJson.putAll(user.toJson());
                return Rewrite.of(st.session(), st.sessionJson(), userJson);
            });
        }
    }

    /**
     * A new value for a token key, made from what it holds: {@link #sessionJson} empty leaves the key as it is and answers
     * {@link #session}.
     */
    private record Rewrite(Session session, Optional<Map<String, Object>> sessionJson, Map<String, Object> userJson) {

        static Optional<Rewrite> of(Session session, Map<String, Object> sessionJson, Map<String, Object> userJson) {
            return Optional.of(new Rewrite(session, Optional.of(sessionJson), userJson));
        }

        static Optional<Rewrite> unchanged(Session session) {
            return Optional.of(new Rewrite(session, Optional.empty(), Map.of()));
        }
    }

    /**
     * Reads the token key and, when it holds a live session, writes what {@code change} makes of it, with the whole
     * seconds left until its {@code expiresAt}, only if the key still holds what was read; else reads it again and
     * starts over. Empty when the session is missing, unreadable, revoked or ended (nothing is written then), or when
     * {@code change} gives nothing.
     */
    private Optional<Session> rewrite(String token, Function<StoredSession, Optional<Rewrite>> change) {
        return ConditionalWrites.retry(storage, token, "a session key", raw -> {
            if (raw.isEmpty()) {
                return Optional.of(Optional.empty());
            }
            Lookup l = lookup(token, raw.get());
            if (!l.found()) {
                return Optional.of(Optional.empty());
            }
            Optional<Rewrite> r = change.apply(l.stored());
            if (r.isEmpty() || r.get().sessionJson().isEmpty()) {
                return Optional.of(r.map(Rewrite::session));
            }
            Session session = r.get().session();
            Optional<Duration> ttl = SessionValueCodec.ttlUntil(session.expiresAt().toEpochMilli(), clock.millis());
            if (ttl.isEmpty()) {
                return Optional.of(Optional.empty());
            }
            String json = codec.write(r.get().sessionJson().get(), r.get().userJson());
            return storage.compareAndSet(token, raw.get(), json, ttl.get())
                    ? Optional.of(Optional.of(session)) : Optional.empty();
        });
    }

    /** What is stored under a token; {@link TieredSessionStore} falls back to the database only on MISSING. */
    enum State { MISSING, UNREADABLE, REVOKED, FOUND }

    record Lookup(State state, StoredSession stored) {
        boolean found() {
            return state == State.FOUND;
        }
    }

    Lookup lookup(String token) {
        Objects.requireNonNull(token, "token");
        Optional<String> raw = storage.get(token);
        return raw.isEmpty() ? new Lookup(State.MISSING, null) : lookup(token, raw.get());
    }

    private Lookup lookup(String token, String raw) {
        Optional<StoredSession> st = codec.read(raw, token);
        if (st.isEmpty()) {
            return new Lookup(State.UNREADABLE, null);
        }
        Session s = st.get().session();
        if (s.createdAt().toEpochMilli() < revokedBefore(s.userId())) {
            return new Lookup(State.REVOKED, null);
        }
        return new Lookup(State.FOUND, st.get());
    }

    /** Better Auth's {@code Number(get(revoked-sessions-before-…))}: {@code createdAt} before it is revoked. */
    private double revokedBefore(String userId) {
        return SessionValueCodec.revokedBefore(storage.get(revokedSessionsBeforeKey(userId)));
    }

    private static void requireComplete(Session s) {
        if (!Objects.requireNonNull(s, "session").complete()) {
            throw new IllegalArgumentException("A session needs id, token, userId, expiresAt, createdAt, updatedAt");
        }
    }

    private static Session truncated(Session s) {
        return new Session(s.id(), s.token(), s.userId(), s.expiresAt().truncatedTo(ChronoUnit.MILLIS),
                s.createdAt().truncatedTo(ChronoUnit.MILLIS), s.updatedAt().truncatedTo(ChronoUnit.MILLIS),
                s.ipAddress(), s.userAgent(), s.additional());
    }
}
