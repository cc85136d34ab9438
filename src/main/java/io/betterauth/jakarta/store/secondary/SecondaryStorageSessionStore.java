package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.spi.UserStore;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

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
 *   <li>{@code active-sessions-<userId>} → {@code [{"token":"…","expiresAt":<ms>},…]}: the user's sessions, sorted
 *       ascending by {@code expiresAt}; every write drops expired and duplicate entries (so sign-out and revoke prune
 *       it, better-auth#3819); it lives until the furthest {@code expiresAt} (≥ 1 s) and is deleted when empty.</li>
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
 * <p><b>Reading.</b> Values are parsed with JSON-P and validated: a value that is not JSON, lacks a member Better
 * Auth always writes, has a date that is not an ISO string (or a millisecond number), stores a session under a
 * token other than its key, or a user other than the session's, is treated as no session: never an exception, so the
 * caller answers 401 rather than 500. Members this library does not model (additional fields a Node Better Auth
 * wrote) are kept, in their order, when a value is rewritten.
 *
 * <p><b>Concurrency.</b> Every write of a value read before is conditional ({@link
 * AtomicSecondaryStorage#compareAndSet}: only if the key still holds what was read; on a miss the value is read again
 * and the change made again). So a session update, a user update or a refresh never writes back a token key that a
 * sign-out or revoke deleted meanwhile, concurrent updates do not undo each other, and concurrent changes of
 * {@code active-sessions-<userId>} are all kept: a live session is never missing from it, nor listed with an expiry
 * earlier than its own. A delete is final; a created key is written only when absent. This holds across instances
 * when the storage is an {@link AtomicSecondaryStorage} (Redis, memory); a plain {@link SecondaryStorage} gets the
 * same steps under locks of this JVM only (Better Auth's own writes are unconditional). A key that keeps changing
 * under a writer for {@value #MAX_ATTEMPTS} attempts, or a storage failure, ends the call with
 * {@link StoreUnavailableException}.
 */
public final class SecondaryStorageSessionStore implements SessionStore {

    /** Better Auth's default {@code session.expiresIn}, 7 days. */
    public static final Duration DEFAULT_EXPIRES_IN = Duration.ofDays(7);

    private static final String ACTIVE_SESSIONS = "active-sessions-";
    private static final String REVOKED_BEFORE = "revoked-sessions-before-";
    private static final Duration ONE_DAY = Duration.ofDays(1);
    /** {@code @better-auth/core/utils/json}'s date reviver. */
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z$");
    /** Reads and conditional writes of one change before it gives up (each miss means another write landed). */
    static final int MAX_ATTEMPTS = 64;

    private final AtomicSecondaryStorage storage;
    private final UserStore users;
    private final Clock clock;
    private final Duration revokedBeforeTtl;
    private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());

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
    }

    /** {@code active-sessions-<userId>}. */
    public static String activeSessionsKey(String userId) {
        return ACTIVE_SESSIONS + userId;
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
        if (!isComplete(user) || !user.id().equals(session.userId())) {
            throw new IllegalStateException("The user of the new session is incomplete; it is not cached");
        }
        Session stored = truncated(session);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("session", stored.toJson());
        value.put("user", user.toJson());
        String json = JsJson.stringify(value);
        if (storage.get(session.token()).isPresent()) {
            throw new IllegalStateException("Duplicate session token");
        }
        long expiresAt = stored.expiresAt().toEpochMilli();
        updateRefs(session.userId(), refs -> withRef(refs, session.token(), expiresAt));
        Optional<Duration> ttl = ttlUntil(expiresAt, clock.millis());
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
        if (ttlUntil(newExpiry, clock.millis()).isEmpty()) {
            // Ended: the key goes (a delete needs no condition: it cannot revive anything), then its entry.
            Lookup l = lookup(token);
            if (!l.found() || !due.test(l.stored().session())) {
                return l.found() ? Optional.of(l.stored().session()) : Optional.empty();
            }
            storage.delete(token);
            updateRefs(l.stored().session().userId(), refs -> withoutRefs(refs, Set.of(token)));
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
            updateRefs(result.get().userId(), refs -> withRef(refs, token, newExpiry));
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
        Optional<String> userId = storage.get(token).flatMap(this::userIdOf);
        if (userId.isPresent()) {
            updateRefs(userId.get(), refs -> withoutRefs(refs, Set.of(token)));
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
        Optional<List<Ref>> refs = readRefs(userId);
        if (refs.isEmpty()) {
            return List.of();
        }
        long now = clock.millis();
        Set<String> seen = new HashSet<>();
        Long revokedBefore = null;
        List<Session> sessions = new ArrayList<>();
        for (Ref ref : refs.get()) {
            if (ref.expiresAt() <= now || !seen.add(ref.token())) {
                continue;
            }
            Optional<Stored> st = storage.get(ref.token()).flatMap(raw -> parse(raw, ref.token()));
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
        List<Ref> before = readRefs(userId).orElse(List.of());
        writeRevokedBefore(userId, clock.millis());
        Set<String> deleted = new LinkedHashSet<>();
        for (Ref r : before) {
            deleted.add(r.token());
        }
        for (String token : deleted) {
            storage.delete(token);
        }
        updateRefs(userId, refs -> withoutRefs(refs, deleted));
    }

    /** Raises {@code revoked-sessions-before-<userId>} to {@code revokedAt}, never lowering a later one. */
    private void writeRevokedBefore(String userId, long revokedAt) {
        String key = revokedSessionsBeforeKey(userId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<String> raw = storage.get(key);
            String marker = Long.toString(Math.max(revokedAt, revokedBefore(raw)));
            if (storage.compareAndSet(key, raw.orElse(null), marker, revokedBeforeTtl)) {
                return;
            }
        }
        throw contended(key);
    }

    /**
     * Rewrites the user copy in every listed, live session of this user, each with the whole seconds it has left
     * (≥ 1 s). Members of the stored user this library does not model are kept.
     *
     * @throws IllegalArgumentException when the user lacks a required member (a partial user is never cached)
     */
    @Override
    public void userUpdated(User user) {
        if (user == null || !isComplete(user)) {
            throw new IllegalArgumentException("An incomplete user is never cached");
        }
        Optional<List<Ref>> refs = readRefs(user.id());
        if (refs.isEmpty()) {
            return;
        }
        long now = clock.millis();
        Set<String> seen = new HashSet<>();
        for (Ref ref : refs.get()) {
            if (ref.expiresAt() <= now || !seen.add(ref.token())) {
                continue;
            }
            rewrite(ref.token(), st -> {
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
     * A new value for a token key, made from what it holds: {@link #json} empty leaves the key as it is and answers
     * {@link #session}.
     */
    private record Rewrite(Session session, Optional<String> json, long expiresAt) {

        static Optional<Rewrite> of(Session session, Map<String, Object> sessionJson, Map<String, Object> userJson) {
            return Optional.of(new Rewrite(session, Optional.of(value(sessionJson, userJson)),
                    session.expiresAt().toEpochMilli()));
        }

        static Optional<Rewrite> unchanged(Session session) {
            return Optional.of(new Rewrite(session, Optional.empty(), 0));
        }
    }

    /**
     * Reads the token key and, when it holds a live session, writes what {@code change} makes of it, with the whole
     * seconds left until its {@code expiresAt}, only if the key still holds what was read; else reads it again and
     * starts over. Empty when the session is missing, unreadable, revoked or ended (nothing is written then), or when
     * {@code change} gives nothing.
     */
    private Optional<Session> rewrite(String token, Function<Stored, Optional<Rewrite>> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<String> raw = storage.get(token);
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            Lookup l = lookup(token, raw.get());
            if (!l.found()) {
                return Optional.empty();
            }
            Optional<Rewrite> r = change.apply(l.stored());
            if (r.isEmpty() || r.get().json().isEmpty()) {
                return r.map(Rewrite::session);
            }
            Optional<Duration> ttl = ttlUntil(r.get().expiresAt(), clock.millis());
            if (ttl.isEmpty()) {
                return Optional.empty();
            }
            if (storage.compareAndSet(token, raw.get(), r.get().json().get(), ttl.get())) {
                return Optional.of(r.get().session());
            }
        }
        throw contended("a session key");
    }

    private static StoreUnavailableException contended(String what) {
        return new StoreUnavailableException("Secondary storage: " + what + " kept changing during "
                + MAX_ATTEMPTS + " conditional writes", null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    /** What is stored under a token; {@link TieredSessionStore} falls back to the database only on MISSING. */
    enum State { MISSING, UNREADABLE, REVOKED, FOUND }

    record Lookup(State state, Stored stored) {
        boolean found() {
            return state == State.FOUND;
        }
    }

    /** A stored value: the records, and the JSON members as stored (to rewrite without losing any). */
    record Stored(Session session, User user, Map<String, Object> sessionJson, Map<String, Object> userJson) {
    }

    Lookup lookup(String token) {
        Objects.requireNonNull(token, "token");
        Optional<String> raw = storage.get(token);
        return raw.isEmpty() ? new Lookup(State.MISSING, null) : lookup(token, raw.get());
    }

    private Lookup lookup(String token, String raw) {
        Optional<Stored> st = parse(raw, token);
        if (st.isEmpty()) {
            return new Lookup(State.UNREADABLE, null);
        }
        Session s = st.get().session();
        if (s.createdAt().toEpochMilli() < revokedBefore(s.userId())) {
            return new Lookup(State.REVOKED, null);
        }
        return new Lookup(State.FOUND, st.get());
    }

    /** Better Auth's {@code Number(get(revoked-sessions-before-…))}; 0 when missing or not a number. */
    private long revokedBefore(String userId) {
        return revokedBefore(storage.get(revokedSessionsBeforeKey(userId)));
    }

    private static long revokedBefore(Optional<String> raw) {
        if (raw.isEmpty()) {
            return 0;
        }
        try {
            double d = Double.parseDouble(raw.get().trim());
            return Double.isNaN(d) ? 0 : (long) d;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Optional<Stored> parse(String raw, String token) {
        try {
            JsonObject root = readJson(raw).asJsonObject();
            JsonObject s = root.getJsonObject("session");
            JsonObject u = root.getJsonObject("user");
            if (s == null || u == null) {
                return Optional.empty();
            }
            Session session = new Session(string(s, "id"), string(s, "token"), string(s, "userId"),
                    date(s, "expiresAt"), date(s, "createdAt"), date(s, "updatedAt"),
                    optionalString(s, "ipAddress"), optionalString(s, "userAgent"),
                    AdditionalFields.extras(s, Session.CORE_FIELDS));
            User user = new User(string(u, "id"), string(u, "name"), string(u, "email"), bool(u, "emailVerified"),
                    optionalString(u, "image"), date(u, "createdAt"), date(u, "updatedAt"),
                    AdditionalFields.extras(u, User.CORE_FIELDS));
            if (!session.token().equals(token) || !user.id().equals(session.userId())) {
                return Optional.empty();
            }
            return Optional.of(new Stored(session, user, toMap(s), toMap(u)));
        } catch (RuntimeException e) {
            // Not JSON, not an object, a member missing or of the wrong type, a date that does not parse: no session.
            return Optional.empty();
        }
    }

    /** The {@code session.userId} of a value whose session can at least be located; for pruning on delete. */
    private Optional<String> userIdOf(String raw) {
        try {
            JsonObject s = readJson(raw).asJsonObject().getJsonObject("session");
            return Optional.of(string(s, "userId"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Ref(String token, long expiresAt) {
    }

    /** The user's list; empty when the key is missing, an empty list when its value is unreadable. */
    private Optional<List<Ref>> readRefs(String userId) {
        return storage.get(activeSessionsKey(userId)).map(this::parseRefs);
    }

    private List<Ref> parseRefs(String raw) {
        List<Ref> refs = new ArrayList<>();
        try {
            JsonArray array = readJson(raw).asJsonArray();
            for (JsonValue v : array) {
                if (v instanceof JsonObject o && o.get("token") instanceof JsonString t
                        && o.get("expiresAt") instanceof JsonNumber n) {
                    refs.add(new Ref(t.getString(), n.bigDecimalValue().longValue()));
                }
            }
        } catch (RuntimeException e) {
            refs.clear();
        }
        return refs;
    }

    private static List<Ref> withRef(List<Ref> refs, String token, long expiresAt) {
        List<Ref> changed = withoutRefs(refs, Set.of(token));
        changed.add(new Ref(token, expiresAt));
        return changed;
    }

    private static List<Ref> withoutRefs(List<Ref> refs, Set<String> tokens) {
        List<Ref> changed = new ArrayList<>(refs);
        changed.removeIf(r -> tokens.contains(r.token()));
        return changed;
    }

    /**
     * Applies {@code change} to the user's list (an empty list when missing or unreadable) and writes the result
     * sorted ascending by {@code expiresAt}, without expired or duplicate entries, living until the furthest
     * {@code expiresAt}, or deletes it when nothing is left; only if the list is still what was read, else reads it
     * again and applies {@code change} again, so that concurrent changes are all kept.
     */
    private void updateRefs(String userId, UnaryOperator<List<Ref>> change) {
        String key = activeSessionsKey(userId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<String> raw = storage.get(key);
            List<Ref> refs = change.apply(raw.map(this::parseRefs).orElse(List.of()));
            long now = clock.millis();
            Optional<Duration> ttl = furthest(refs, now);
            boolean written = ttl.isEmpty()
                    ? raw.isEmpty() || storage.compareAndDelete(key, raw.get())
                    : storage.compareAndSet(key, raw.orElse(null), refsJson(refs, now), ttl.get());
            if (written) {
                return;
            }
        }
        throw contended(key);
    }

    /** The time to live of a list: until its furthest live {@code expiresAt}; empty when no entry is live. */
    private static Optional<Duration> furthest(List<Ref> refs, long now) {
        long max = Long.MIN_VALUE;
        for (Ref r : refs) {
            max = Math.max(max, r.expiresAt());
        }
        return refs.isEmpty() ? Optional.empty() : ttlUntil(max, now);
    }

    /** The list's JSON: live entries only, one per token (the latest expiry), ascending by {@code expiresAt}. */
    private static String refsJson(List<Ref> refs, long now) {
        Map<String, Ref> byToken = new LinkedHashMap<>();
        for (Ref r : refs) {
            if (r.expiresAt() > now) {
                byToken.merge(r.token(), r, (a, b) -> b.expiresAt() > a.expiresAt() ? b : a);
            }
        }
        List<Ref> sorted = new ArrayList<>(byToken.values());
        sorted.sort(Comparator.comparingLong(Ref::expiresAt));
        List<Map<String, Object>> json = new ArrayList<>(sorted.size());
        for (Ref r : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("token", r.token());
            m.put("expiresAt", r.expiresAt());
            json.add(m);
        }
        return JsJson.stringify(json);
    }

    /**
     * Better Auth's {@code getTTLSeconds} ({@code floor} of the seconds left) except that it never gives 0: a
     * positive remainder under one second is 1 s; nothing left is empty (do not write).
     */
    static Optional<Duration> ttlUntil(long expiresAtMillis, long nowMillis) {
        long remaining = expiresAtMillis - nowMillis;
        if (remaining <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.max(1, remaining / 1000)));
    }

    private JsonValue readJson(String raw) {
        try (JsonReader reader = readers.createReader(new StringReader(raw))) {
            return reader.readValue();
        }
    }

    private static String value(Map<String, Object> sessionJson, Map<String, Object> userJson) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("session", sessionJson);
        value.put("user", userJson);
        return JsJson.stringify(value);
    }

    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super(null, null, false, false);
        }
    }

    private static String string(JsonObject o, String key) {
        if (o.get(key) instanceof JsonString s) {
            return s.getString();
        }
        throw new Invalid();
    }

    private static String optionalString(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new Invalid();
    }

    private static boolean bool(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v != null && v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v != null && v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new Invalid();
    }

    /** An ISO string as JavaScript's {@code toISOString()} writes it (Better Auth's reviver), or epoch ms. */
    private static Instant date(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s && ISO_DATE.matcher(s.getString()).matches()) {
            return Instant.parse(s.getString()).truncatedTo(ChronoUnit.MILLIS);
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return Instant.ofEpochMilli(n.longValueExact());
        }
        throw new Invalid();
    }

    /** A JSON-P object as the ordered map {@link JsJson} writes back identically. */
    private static Map<String, Object> toMap(JsonObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        o.forEach((k, v) -> m.put(k, toJava(v)));
        return m;
    }

    private static Object toJava(JsonValue v) {
        switch (v.getValueType()) {
            case OBJECT:
                return toMap(v.asJsonObject());
            case ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonValue e : v.asJsonArray()) {
                    list.add(toJava(e));
                }
                return list;
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                BigDecimal d = ((JsonNumber) v).bigDecimalValue();
                if (((JsonNumber) v).isIntegral() && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                    return d.longValueExact();
                }
                return d.doubleValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writing

    private static void requireComplete(Session s) {
        Objects.requireNonNull(s, "session");
        if (s.id() == null || s.token() == null || s.userId() == null || s.expiresAt() == null
                || s.createdAt() == null || s.updatedAt() == null) {
            throw new IllegalArgumentException("A session needs id, token, userId, expiresAt, createdAt, updatedAt");
        }
    }

    private static boolean isComplete(User u) {
        return u.id() != null && u.name() != null && u.email() != null && u.createdAt() != null
                && u.updatedAt() != null;
    }

    private static Session truncated(Session s) {
        return new Session(s.id(), s.token(), s.userId(), s.expiresAt().truncatedTo(ChronoUnit.MILLIS),
                s.createdAt().truncatedTo(ChronoUnit.MILLIS), s.updatedAt().truncatedTo(ChronoUnit.MILLIS),
                s.ipAddress(), s.userAgent(), s.additional());
    }
}
