package io.betterauth.jakarta.store.secondary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SecondaryStorageSessionStore} on {@link InMemorySecondaryStorage} with a clock moved by hand: Better Auth's
 * keys, values and TTLs, and the fixes for what Better Auth's users ran into (#3819, #10992, #10884, #2390,
 * unreadable values).
 */
class SecondaryStorageSessionStoreTest {

    static final Instant NOW = Instant.parse("2030-01-01T10:20:30.456Z");
    static final Duration WEEK = Duration.ofDays(7);

    final IdGenerator ids = new IdGenerator();
    final MutableClock clock = new MutableClock(NOW);
    final InMemorySecondaryStorage memory = new InMemorySecondaryStorage(clock);
    final RecordingSecondaryStorage storage = new RecordingSecondaryStorage(memory);
    final InMemoryUserStore users = new InMemoryUserStore();
    final SecondaryStorageSessionStore store = new SecondaryStorageSessionStore(storage, users, clock);

    User newUser() {
        User u = new User(ids.generate(), "Test User", ids.generate(8).toLowerCase() + "@example.com", false, null,
                NOW, NOW);
        users.create(u, new Account(ids.generate(), u.id(), Account.CREDENTIAL_PROVIDER, u.id(), "00:11", NOW, NOW));
        return u;
    }

    Session session(User u, Instant createdAt, Duration lifetime) {
        return new Session(ids.generate(), ids.generate(), u.id(), createdAt.plus(lifetime), createdAt, createdAt,
                "203.0.113.7", "agent");
    }

    Session created(User u, Duration lifetime) {
        Session s = session(u, clock.instant(), lifetime);
        store.create(s);
        return s;
    }

    static String value(Session s, User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", s.toJson());
        m.put("user", u.toJson());
        return JsJson.stringify(m);
    }

    static String list(Session... sessions) {
        StringBuilder b = new StringBuilder("[");
        for (Session s : sessions) {
            b.append(b.length() > 1 ? "," : "").append("{\"token\":\"").append(s.token()).append("\",\"expiresAt\":")
                    .append(s.expiresAt().toEpochMilli()).append('}');
        }
        return b.append(']').toString();
    }

    String activeKey(User u) {
        return "active-sessions-" + u.id();
    }

    @Test
    void create_writesTheListThenTheTokenKey_withBetterAuthsValuesAndTtls() {
        User u = newUser();
        Session s = created(u, WEEK);
        assertThat(storage.writes()).extracting(RecordingSecondaryStorage.Call::key)
                .containsExactly(activeKey(u), s.token());
        assertThat(memory.keys()).containsExactlyInAnyOrder(activeKey(u), s.token());
        assertThat(memory.get(s.token())).contains(value(s, u));
        assertThat(memory.get(activeKey(u))).contains(list(s));
        assertThat(storage.writes()).extracting(RecordingSecondaryStorage.Call::ttl)
                .containsOnly(Duration.ofSeconds(604800));
    }

    @Test
    void theTtlIsTheFloorOfTheSecondsLeft() {
        User u = newUser();
        Session s = session(u, NOW, Duration.ofMillis(3_599_500));
        store.create(s);
        assertThat(memory.ttl(s.token())).contains(Duration.ofSeconds(3599));
    }

    @Test
    void aSessionExpiringInHalfASecond_getsATtlOfOneSecond_neverZero_issue10992() { // T-35
        User u = newUser();
        Session s = session(u, NOW, Duration.ofMillis(500));
        store.create(s);
        assertThat(storage.writes()).extracting(RecordingSecondaryStorage.Call::ttl)
                .containsOnly(Duration.ofSeconds(1));
        assertThat(memory.get(s.token())).isPresent();
        clock.advance(Duration.ofMillis(999));
        assertThat(memory.get(s.token())).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(memory.get(s.token())).isEmpty();
        assertThat(memory.get(activeKey(u))).isEmpty();
    }

    @Test
    void anAlreadyExpiredSession_isNotWritten() {
        User u = newUser();
        Session s = session(u, NOW.minus(WEEK), WEEK);
        store.create(s);
        assertThat(memory.keys()).isEmpty();
        assertThat(storage.writes()).allMatch(c -> c.op().equals("delete"));
    }

    @Test
    void aMissingUser_isNeverCached_issue10884() { // T-36
        User ghost = new User(ids.generate(), "Ghost", "ghost@example.com", false, null, NOW, NOW);
        Session s = session(ghost, NOW, WEEK);
        assertThatThrownBy(() -> store.create(s)).isInstanceOf(IllegalStateException.class);
        assertThat(storage.writes()).isEmpty();
        assertThat(memory.keys()).isEmpty();
    }

    @Test
    void aPartialUser_isNeverCached_issue10884() { // T-36
        User partial = new User(ids.generate(), null, "partial@example.com", false, null, NOW, NOW);
        UserStore returnsPartial = new DelegatingUserStore(users) {
            @Override
            public Optional<User> findById(String id) {
                return Optional.of(partial);
            }
        };
        SecondaryStorageSessionStore s = new SecondaryStorageSessionStore(storage, returnsPartial, clock);
        assertThatThrownBy(() -> s.create(session(partial, NOW, WEEK))).isInstanceOf(IllegalStateException.class);
        assertThat(memory.keys()).isEmpty();
        assertThatThrownBy(() -> store.userUpdated(partial)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theList_isSortedByExpiry_andLivesUntilTheFurthest() {
        User u = newUser();
        Session week = created(u, WEEK);
        clock.advance(Duration.ofSeconds(1));
        Session day = created(u, Duration.ofDays(1));
        clock.advance(Duration.ofSeconds(10));
        Session hour = created(u, Duration.ofHours(1));
        assertThat(memory.get(activeKey(u))).contains(list(hour, day, week));
        assertThat(memory.ttl(activeKey(u))).contains(Duration.ofSeconds(604789));
        assertThat(store.listByUser(u.id())).containsExactly(week, day, hour);
    }

    @Test
    void everyWrite_dropsExpiredAndDuplicateEntries() {
        User u = newUser();
        Session shortLived = created(u, Duration.ofMinutes(1));
        Session kept = created(u, WEEK);
        // A list another writer left with a duplicate and an expired entry.
        memory.set(activeKey(u), "[{\"token\":\"" + shortLived.token() + "\",\"expiresAt\":"
                + shortLived.expiresAt().toEpochMilli() + "}," + list(kept).substring(1, list(kept).length() - 1)
                + "," + list(kept).substring(1), Duration.ofDays(7));
        clock.advance(Duration.ofMinutes(2));
        Session fresh = created(u, WEEK);
        assertThat(memory.get(activeKey(u))).contains(list(kept, fresh));
    }

    @Test
    void deletingASession_prunesTheList_andDeletesItWhenEmpty_issue3819() { // T-35
        User u = newUser();
        Session a = created(u, WEEK);
        Session b = created(u, Duration.ofDays(1));
        clock.advance(Duration.ofSeconds(180));
        storage.clear();
        store.delete(b.token());
        assertThat(storage.writes()).containsExactly(
                new RecordingSecondaryStorage.Call("set", activeKey(u), list(a), Duration.ofSeconds(604620)),
                new RecordingSecondaryStorage.Call("delete", b.token(), null, null));
        assertThat(memory.get(b.token())).isEmpty();
        store.delete(a.token());
        assertThat(memory.keys()).isEmpty();
        store.delete(a.token());
        assertThat(memory.keys()).isEmpty();
    }

    @Test
    void updateExpiry_rewritesTheValueAndTheList_keepingTheUserAndUnknownMembers() {
        User u = newUser();
        Session s = session(u, NOW, WEEK);
        // As a Node Better Auth with an additional session field and a plugin's user field would have written it.
        memory.set(s.token(), "{\"session\":{\"id\":\"" + s.id() + "\",\"ipAddress\":\"203.0.113.7\",\"userAgent\":"
                + "\"agent\",\"expiresAt\":\"2030-01-08T10:20:30.456Z\",\"userId\":\"" + u.id() + "\",\"token\":\""
                + s.token() + "\",\"createdAt\":\"2030-01-01T10:20:30.456Z\",\"updatedAt\":"
                + "\"2030-01-01T10:20:30.456Z\",\"activeOrganizationId\":\"org-1\"},\"user\":{\"name\":\"Test User\","
                + "\"email\":\"" + u.email() + "\",\"emailVerified\":false,\"createdAt\":\"2030-01-01T10:20:30.456Z\","
                + "\"updatedAt\":\"2030-01-01T10:20:30.456Z\",\"id\":\"" + u.id() + "\",\"role\":\"admin\","
                + "\"score\":1.5}}", WEEK);
        memory.set(activeKey(u), list(s), WEEK);
        clock.advance(Duration.ofDays(1));
        Instant later = clock.instant();
        Session updated = store.updateExpiry(s.token(), later.plus(WEEK), later).orElseThrow();
        assertThat(updated).isEqualTo(s.withExpiry(later.plus(WEEK), later)
                .withAdditional(java.util.Map.of("activeOrganizationId", "org-1"), later));
        assertThat(memory.get(s.token())).contains("{\"session\":{\"id\":\"" + s.id() + "\",\"ipAddress\":"
                + "\"203.0.113.7\",\"userAgent\":\"agent\",\"expiresAt\":\"2030-01-09T10:20:30.456Z\",\"userId\":\""
                + u.id() + "\",\"token\":\"" + s.token() + "\",\"createdAt\":\"2030-01-01T10:20:30.456Z\","
                + "\"updatedAt\":\"2030-01-02T10:20:30.456Z\",\"activeOrganizationId\":\"org-1\"},\"user\":{\"name\":"
                + "\"Test User\",\"email\":\"" + u.email() + "\",\"emailVerified\":false,\"createdAt\":"
                + "\"2030-01-01T10:20:30.456Z\",\"updatedAt\":\"2030-01-01T10:20:30.456Z\",\"id\":\"" + u.id()
                + "\",\"role\":\"admin\",\"score\":1.5}}");
        assertThat(memory.ttl(s.token())).contains(Duration.ofSeconds(604800));
        assertThat(memory.get(activeKey(u))).contains(list(updated));
        assertThat(memory.ttl(activeKey(u))).contains(Duration.ofSeconds(604800));
    }

    @Test
    void updateExpiry_toAnInstantAlreadyPassed_endsTheSession() {
        User u = newUser();
        Session s = created(u, WEEK);
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.updateExpiry(s.token(), clock.instant(), clock.instant())).isPresent();
        assertThat(memory.keys()).isEmpty();
    }

    @Test
    void updateExpiry_ofAMissingOrRevokedSession_writesNothing() {
        User u = newUser();
        Session s = created(u, WEEK);
        clock.advance(Duration.ofSeconds(1));
        memory.set("revoked-sessions-before-" + u.id(), Long.toString(clock.millis()), Duration.ofDays(7));
        storage.clear();
        assertThat(store.updateExpiry(s.token(), NOW.plus(Duration.ofDays(30)), NOW)).isEmpty();
        assertThat(store.updateExpiry(ids.generate(), NOW.plus(WEEK), NOW)).isEmpty();
        assertThat(storage.writes()).isEmpty();
    }

    @Test
    void userUpdated_rewritesTheUserOfEverySession_keepingEachTtl_issue2390() {
        User u = newUser();
        User other = newUser();
        Session a = created(u, WEEK);
        Session b = created(u, Duration.ofDays(1));
        Session foreign = created(other, WEEK);
        clock.advance(Duration.ofSeconds(60));
        User renamed = new User(u.id(), "Renamed", u.email(), true, "https://img.example/a.png", u.createdAt(),
                clock.instant());
        storage.clear();
        store.userUpdated(renamed);
        assertThat(storage.writes()).extracting(RecordingSecondaryStorage.Call::key)
                .containsExactlyInAnyOrder(a.token(), b.token());
        assertThat(memory.get(a.token())).contains(value(a, renamed));
        assertThat(memory.get(b.token())).contains(value(b, renamed));
        assertThat(memory.ttl(a.token())).contains(Duration.ofSeconds(604740));
        assertThat(memory.ttl(b.token())).contains(Duration.ofSeconds(86340));
        assertThat(memory.get(foreign.token())).contains(value(foreign, other));
        // Every instance now sees the new user, without reading the user store.
        UserStore unreachable = new DelegatingUserStore(users) {
            @Override
            public Optional<User> findById(String id) {
                throw new AssertionError("findWithUser must answer from the stored value");
            }
        };
        assertThat(store.findWithUser(a.token(), unreachable)).contains(new SessionAndUser(a, renamed));
        assertThat(store.findWithUser(b.token(), unreachable)).contains(new SessionAndUser(b, renamed));
    }

    @Test
    void deleteByUser_writesTheRevocationMarker_thenDeletesEveryTokenAndTheList() {
        User u = newUser();
        User other = newUser();
        Session a = created(u, WEEK);
        Session b = created(u, Duration.ofDays(1));
        Session kept = created(other, WEEK);
        clock.advance(Duration.ofSeconds(300));
        storage.clear();
        store.deleteByUser(u.id());
        assertThat(storage.writes()).containsExactly(
                new RecordingSecondaryStorage.Call("set", "revoked-sessions-before-" + u.id(),
                        Long.toString(clock.millis()), Duration.ofSeconds(604800)),
                new RecordingSecondaryStorage.Call("delete", b.token(), null, null),
                new RecordingSecondaryStorage.Call("delete", a.token(), null, null),
                new RecordingSecondaryStorage.Call("delete", activeKey(u), null, null));
        assertThat(memory.keys()).containsExactlyInAnyOrder("revoked-sessions-before-" + u.id(), kept.token(),
                activeKey(other));
        assertThat(store.findByToken(kept.token())).contains(kept);
    }

    @Test
    void theRevocationMarker_keepsTheLatestInstant_andLivesAtLeastADay() {
        User u = newUser();
        String marker = "revoked-sessions-before-" + u.id();
        memory.set(marker, Long.toString(NOW.plusSeconds(3600).toEpochMilli()), Duration.ofDays(1));
        store.deleteByUser(u.id());
        assertThat(memory.get(marker)).contains(Long.toString(NOW.plusSeconds(3600).toEpochMilli()));
        SecondaryStorageSessionStore shortSessions = new SecondaryStorageSessionStore(memory, users, clock,
                Duration.ofHours(1));
        shortSessions.deleteByUser(u.id());
        assertThat(memory.ttl(marker)).contains(Duration.ofDays(1));
        SecondaryStorageSessionStore longSessions = new SecondaryStorageSessionStore(memory, users, clock,
                Duration.ofDays(30));
        longSessions.deleteByUser(u.id());
        assertThat(memory.ttl(marker)).contains(Duration.ofDays(30));
    }

    @Test
    void aSessionCreatedBeforeTheMarker_isRevokedEverywhere_oneCreatedAfterIsNot() {
        User u = newUser();
        Session before = created(u, WEEK);
        clock.advance(Duration.ofSeconds(1));
        // Another instance revoked the user but missed this key (it wrote the marker only).
        memory.set("revoked-sessions-before-" + u.id(), Long.toString(clock.millis()), WEEK);
        Session after = created(u, WEEK); // createdAt == marker: not before it
        assertThat(store.findByToken(before.token())).isEmpty();
        assertThat(store.findWithUser(before.token(), users)).isEmpty();
        assertThat(store.listByUser(u.id())).containsExactly(after);
        assertThat(store.findByToken(after.token())).contains(after);
    }

    @Test
    void aMarkerThatIsNotANumber_revokesNothing() {
        User u = newUser();
        Session s = created(u, WEEK);
        memory.set("revoked-sessions-before-" + u.id(), "garbage", WEEK);
        assertThat(store.findByToken(s.token())).contains(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "",
            "null",
            "[1,2]",
            "\"a string\"",
            "{}",
            "{\"session\":null,\"user\":null}",
            "{\"session\":{},\"user\":{}}",
            // no user (better-auth#10884)
            "{\"session\":%SESSION%}",
            "{\"session\":%SESSION%,\"user\":null}",
            // a partial user
            "{\"session\":%SESSION%,\"user\":{\"id\":\"%UID%\",\"name\":\"x\"}}",
            // a date that is not an ISO string
            "{\"session\":%SESSION_BAD_DATE%,\"user\":%USER%}",
            // a session stored under another token
            "{\"session\":%SESSION_OTHER_TOKEN%,\"user\":%USER%}",
            // a user other than the session's
            "{\"session\":%SESSION%,\"user\":%OTHER_USER%}",
            // a member of the wrong type
            "{\"session\":%SESSION_NUMBER_ID%,\"user\":%USER%}",
            "{\"session\":%SESSION%,\"user\":%USER%",
    })
    void anUnreadableValue_isNoSession_neverAnException(String template) {
        User u = newUser();
        Session good = created(u, WEEK);
        Session bad = session(u, NOW, WEEK);
        String s = JsJson.stringify(bad.toJson());
        String raw = template
                .replace("%SESSION_BAD_DATE%", s.replace("\"expiresAt\":\"2030-01-08T10:20:30.456Z\"",
                        "\"expiresAt\":\"Tue Jan 08 2030\""))
                .replace("%SESSION_OTHER_TOKEN%", s.replace(bad.token(), ids.generate()))
                .replace("%SESSION_NUMBER_ID%", s.replace("\"id\":\"" + bad.id() + "\"", "\"id\":42"))
                .replace("%SESSION%", s)
                .replace("%USER%", JsJson.stringify(u.toJson()))
                .replace("%OTHER_USER%", JsJson.stringify(newUser().toJson()))
                .replace("%UID%", u.id());
        memory.set(bad.token(), raw, WEEK);
        memory.set(activeKey(u), list(good, bad), WEEK);
        assertThat(store.findByToken(bad.token())).isEmpty();
        assertThat(store.findWithUser(bad.token(), users)).isEmpty();
        assertThat(store.updateExpiry(bad.token(), NOW.plus(WEEK), NOW)).isEmpty();
        assertThat(store.listByUser(u.id())).containsExactly(good);
        store.userUpdated(u);
        assertThat(memory.get(bad.token())).contains(raw);
        store.delete(bad.token());
        assertThat(memory.get(bad.token())).isEmpty();
    }

    @Test
    void anUnreadableList_isAnEmptyList_andIsReplacedOnTheNextWrite() {
        User u = newUser();
        memory.set(activeKey(u), "{\"not\":\"a list\"}", WEEK);
        assertThat(store.listByUser(u.id())).isEmpty();
        memory.set(activeKey(u), "[null,1,{\"token\":5},{\"token\":\"x\",\"expiresAt\":\"soon\"}]", WEEK);
        assertThat(store.listByUser(u.id())).isEmpty();
        Session s = created(u, WEEK);
        assertThat(memory.get(activeKey(u))).contains(list(s));
    }

    @Test
    void listByUser_skipsMissingKeys_andDuplicates() {
        User u = newUser();
        Session a = created(u, WEEK);
        Session b = created(u, WEEK);
        memory.delete(b.token());
        memory.set(activeKey(u), "[" + list(a).substring(1, list(a).length() - 1) + "," + list(a).substring(1),
                WEEK);
        assertThat(store.listByUser(u.id())).containsExactly(a);
    }

    @Test
    void datesAsMillisecondNumbers_andMissingOptionalMembers_areRead() {
        User u = newUser();
        String token = ids.generate();
        String sessionId = ids.generate();
        memory.set(token, "{\"session\":{\"id\":\"" + sessionId + "\",\"expiresAt\":" + NOW.plus(WEEK).toEpochMilli()
                + ",\"userId\":\"" + u.id() + "\",\"token\":\"" + token + "\",\"createdAt\":\"2030-01-01T10:20:30Z\","
                + "\"updatedAt\":\"2030-01-01T10:20:30.456789Z\"},\"user\":{\"name\":\"Test User\",\"email\":\""
                + u.email() + "\",\"emailVerified\":false,\"createdAt\":\"2030-01-01T10:20:30.456Z\",\"updatedAt\":"
                + "\"2030-01-01T10:20:30.456Z\",\"id\":\"" + u.id() + "\"}}", WEEK);
        SessionAndUser found = store.findWithUser(token, users).orElseThrow();
        assertThat(found.session()).isEqualTo(new Session(sessionId, token, u.id(), NOW.plus(WEEK),
                Instant.parse("2030-01-01T10:20:30Z"), NOW, null, null));
        assertThat(found.user()).isEqualTo(u);
    }

    @Test
    void aDuplicateToken_isRejected_andTheStoredSessionIsKept() {
        User u = newUser();
        Session s = created(u, WEEK);
        Session clash = new Session(ids.generate(), s.token(), u.id(), NOW.plus(WEEK), NOW, NOW, "", "");
        assertThatThrownBy(() -> store.create(clash)).isInstanceOf(IllegalStateException.class);
        assertThat(store.findByToken(s.token())).contains(s);
    }

    @Test
    void aStorageFailure_propagatesAsStoreUnavailable() {
        SecondaryStorage down = new UnreachableStorage();
        SecondaryStorageSessionStore s = new SecondaryStorageSessionStore(down, users, clock);
        User u = newUser();
        assertThatThrownBy(() -> s.findByToken("t")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> s.create(session(u, NOW, WEEK))).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> s.listByUser(u.id())).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> s.deleteByUser(u.id())).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void theMemoryStorage_rejectsANonPositiveTtl() {
        assertThatThrownBy(() -> memory.set("k", "v", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.set("k", "v", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(memory.keys()).isEmpty();
    }

    @Test
    void listByUser_returnsCreationOrder_evenWhenAnOlderSessionExpiresLater() {
        User u = newUser();
        Session older = created(u, Duration.ofDays(1));
        clock.advance(Duration.ofMinutes(1));
        Session newer = created(u, Duration.ofHours(1));
        Session olderSlid = store.updateExpiry(older.token(), clock.instant().plus(WEEK), clock.instant())
                .orElseThrow();
        assertThat(memory.get(activeKey(u))).contains(list(newer, olderSlid));
        assertThat(store.listByUser(u.id())).containsExactly(olderSlid, newer);
    }

    /** Passes everything to another user store; tests override what they need. */
    static class DelegatingUserStore implements UserStore {
        private final UserStore d;

        DelegatingUserStore(UserStore d) {
            this.d = d;
        }

        @Override
        public void create(User user, Account credential) {
            d.create(user, credential);
        }

        @Override
        public Optional<User> findById(String id) {
            return d.findById(id);
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return d.findByEmail(email);
        }

        @Override
        public Optional<Account> findCredentialAccount(String userId) {
            return d.findCredentialAccount(userId);
        }

        @Override
        public Optional<User> update(User user) {
            return d.update(user);
        }

        @Override
        public void updatePassword(String userId, String passwordHash, Instant updatedAt) {
            d.updatePassword(userId, passwordHash, updatedAt);
        }

        @Override
        public void delete(String userId) {
            d.delete(userId);
        }
    }
}
