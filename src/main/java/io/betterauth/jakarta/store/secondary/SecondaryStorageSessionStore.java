package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.core.JsJson;
import io.betterauth.jakarta.core.AdditionalFields;
import io.betterauth.jakarta.core.Session;
import io.betterauth.jakarta.core.SessionAndUser;
import io.betterauth.jakarta.core.User;
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
 * <p><b>Concurrency.</b> Secondary storage offers get, set and delete only, so the read-modify-write of the
 * per-user list is not atomic across instances, exactly as in Better Auth; within this JVM it is serialised per
 * user. A storage failure propagates as {@link StoreUnavailableException}.
 */
public final class SecondaryStorageSessionStore implements SessionStore {

    /** Better Auth's default {@code session.expiresIn}, 7 days. */
    public static final Duration DEFAULT_EXPIRES_IN = Duration.ofDays(7);

    private static final String ACTIVE_SESSIONS = "active-sessions-";
    private static final String REVOKED_BEFORE = "revoked-sessions-before-";
    private static final Duration ONE_DAY = Duration.ofDays(1);
    /** {@code @better-auth/core/utils/json}'s date reviver. */
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z$");
    private static final int LOCK_STRIPES = 64;

    private final SecondaryStorage storage;
    private final UserStore users;
    private final Clock clock;
    private final Duration revokedBeforeTtl;
    private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());
    private final Object[] locks = new Object[LOCK_STRIPES];

    /** With Better Auth's default session lifetime (7 days), which sets the TTL of the revocation marker. */
    public SecondaryStorageSessionStore(SecondaryStorage storage, UserStore users, Clock clock) {
        this(storage, users, clock, DEFAULT_EXPIRES_IN);
    }

    /**
     * @param storage          where the keys live
     * @param users            read once per {@link #create(Session)}, for the user copy
     * @param clock            "now" for TTLs, pruning and revocation
     * @param sessionExpiresIn {@code better-auth.session.expires-in}; the revocation marker lives
     *                         {@code max(sessionExpiresIn, 1 day)}
     */
    public SecondaryStorageSessionStore(SecondaryStorage storage, UserStore users, Clock clock,
                                        Duration sessionExpiresIn) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
        Duration expiresIn = sessionExpiresIn == null || sessionExpiresIn.isZero() || sessionExpiresIn.isNegative()
                ? DEFAULT_EXPIRES_IN : sessionExpiresIn;
        this.revokedBeforeTtl = Duration.ofSeconds(Math.max(expiresIn.getSeconds(), ONE_DAY.getSeconds()));
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
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
        synchronized (lockFor(session.userId())) {
            if (storage.get(session.token()).isPresent()) {
                throw new IllegalStateException("Duplicate session token");
            }
            long now = clock.millis();
            long expiresAt = stored.expiresAt().toEpochMilli();
            List<Ref> refs = new ArrayList<>(readRefs(session.userId()).orElse(List.of()));
            refs.removeIf(r -> r.token().equals(session.token()));
            refs.add(new Ref(session.token(), expiresAt));
            writeRefs(session.userId(), refs, now);
            Optional<Duration> ttl = ttlUntil(expiresAt, now);
            if (ttl.isPresent()) {
                storage.set(session.token(), json, ttl.get());
            }
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
        Lookup l = lookup(token);
        if (!l.found()) {
            return Optional.empty();
        }
        Stored st = l.stored();
        Instant newUpdatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        Session updated = st.session().withAdditional(changes, newUpdatedAt);
        Map<String, Object> sessionJson = new LinkedHashMap<>(st.sessionJson());
        sessionJson.putAll(changes);
        sessionJson.put("updatedAt", newUpdatedAt);
        Optional<Duration> ttl = ttlUntil(updated.expiresAt().toEpochMilli(), clock.millis());
        if (ttl.isEmpty()) {
            return Optional.empty();
        }
        storage.set(token, value(sessionJson, st.userJson()), ttl.get());
        return Optional.of(updated);
    }

    /**
     * Check and slide under the user's lock, so concurrent refreshes in this JVM write the key once (T-16). The SPI
     * has no compare-and-set, so two instances may both write; they write the same session with expiries a few
     * milliseconds apart, which is harmless.
     */
    @Override
    public Optional<Session> refreshExpiry(String token, Instant ifNotAfter, Instant expiresAt, Instant updatedAt) {
        Optional<Session> seen = findByToken(token);
        if (seen.isEmpty()) {
            return seen;
        }
        synchronized (lockFor(seen.get().userId())) {
            Optional<Session> current = findByToken(token);
            if (current.isEmpty() || current.get().expiresAt().isAfter(ifNotAfter)) {
                return current;
            }
            return updateExpiry(token, expiresAt, updatedAt);
        }
    }

    @Override
    public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Lookup l = lookup(token);
        if (!l.found()) {
            return Optional.empty();
        }
        Stored st = l.stored();
        Instant newExpiresAt = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        Instant newUpdatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        Session updated = st.session().withExpiry(newExpiresAt, newUpdatedAt);
        Map<String, Object> sessionJson = new LinkedHashMap<>(st.sessionJson());
        sessionJson.put("expiresAt", newExpiresAt);
        sessionJson.put("updatedAt", newUpdatedAt);
        String userId = updated.userId();
        synchronized (lockFor(userId)) {
            long now = clock.millis();
            Optional<Duration> ttl = ttlUntil(newExpiresAt.toEpochMilli(), now);
            if (ttl.isPresent()) {
                storage.set(token, value(sessionJson, st.userJson()), ttl.get());
            } else {
                storage.delete(token);
            }
            List<Ref> refs = new ArrayList<>(readRefs(userId).orElse(List.of()));
            refs.removeIf(r -> r.token().equals(token));
            if (ttl.isPresent()) {
                refs.add(new Ref(token, newExpiresAt.toEpochMilli()));
            }
            writeRefs(userId, refs, now);
        }
        return Optional.of(updated);
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
            synchronized (lockFor(userId.get())) {
                Optional<List<Ref>> refs = readRefs(userId.get());
                if (refs.isPresent()) {
                    List<Ref> kept = new ArrayList<>(refs.get());
                    kept.removeIf(r -> r.token().equals(token));
                    writeRefs(userId.get(), kept, clock.millis());
                }
            }
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
        synchronized (lockFor(userId)) {
            List<Ref> before = readRefs(userId).orElse(List.of());
            long revokedAt = clock.millis();
            long marker = Math.max(revokedAt, revokedBefore(userId));
            storage.set(revokedSessionsBeforeKey(userId), Long.toString(marker), revokedBeforeTtl);
            Set<String> deleted = new LinkedHashSet<>();
            for (Ref r : before) {
                deleted.add(r.token());
            }
            for (String token : deleted) {
                storage.delete(token);
            }
            List<Ref> current = new ArrayList<>(readRefs(userId).orElse(List.of()));
            current.removeIf(r -> deleted.contains(r.token()));
            writeRefs(userId, current, clock.millis());
        }
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
            Optional<Stored> st = storage.get(ref.token()).flatMap(raw -> parse(raw, ref.token()));
            if (st.isEmpty() || !st.get().session().userId().equals(user.id())) {
                continue;
            }
            Optional<Duration> ttl = ttlUntil(st.get().session().expiresAt().toEpochMilli(), now);
            if (ttl.isEmpty()) {
                continue;
            }
            Map<String, Object> userJson = new LinkedHashMap<>(st.get().userJson());
            userJson.putAll(user.toJson());
            storage.set(ref.token(), value(st.get().sessionJson(), userJson), ttl.get());
        }
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
        if (raw.isEmpty()) {
            return new Lookup(State.MISSING, null);
        }
        Optional<Stored> st = parse(raw.get(), token);
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
        Optional<String> raw = storage.get(revokedSessionsBeforeKey(userId));
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
        Optional<String> raw = storage.get(activeSessionsKey(userId));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        List<Ref> refs = new ArrayList<>();
        try {
            JsonArray array = readJson(raw.get()).asJsonArray();
            for (JsonValue v : array) {
                if (v instanceof JsonObject o && o.get("token") instanceof JsonString t
                        && o.get("expiresAt") instanceof JsonNumber n) {
                    refs.add(new Ref(t.getString(), n.bigDecimalValue().longValue()));
                }
            }
        } catch (RuntimeException e) {
            refs.clear();
        }
        return Optional.of(refs);
    }

    /**
     * Writes the list sorted ascending by {@code expiresAt}, without expired or duplicate entries, living until the
     * furthest {@code expiresAt}; deletes it when nothing is left.
     */
    private void writeRefs(String userId, List<Ref> refs, long now) {
        Map<String, Ref> byToken = new LinkedHashMap<>();
        for (Ref r : refs) {
            if (r.expiresAt() > now) {
                byToken.merge(r.token(), r, (a, b) -> b.expiresAt() > a.expiresAt() ? b : a);
            }
        }
        List<Ref> sorted = new ArrayList<>(byToken.values());
        sorted.sort(Comparator.comparingLong(Ref::expiresAt));
        Optional<Duration> ttl = sorted.isEmpty() ? Optional.empty()
                : ttlUntil(sorted.get(sorted.size() - 1).expiresAt(), now);
        if (ttl.isEmpty()) {
            storage.delete(activeSessionsKey(userId));
            return;
        }
        List<Map<String, Object>> json = new ArrayList<>(sorted.size());
        for (Ref r : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("token", r.token());
            m.put("expiresAt", r.expiresAt());
            json.add(m);
        }
        storage.set(activeSessionsKey(userId), JsJson.stringify(json), ttl.get());
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

    private Object lockFor(String userId) {
        return locks[(userId.hashCode() & 0x7fffffff) % LOCK_STRIPES];
    }

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
