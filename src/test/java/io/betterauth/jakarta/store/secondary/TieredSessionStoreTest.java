package io.betterauth.jakarta.store.secondary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The two database modes: {@code storeSessionInDatabase}, with and without {@code preserveSessionInDatabase}. */
class TieredSessionStoreTest {

    static final Instant NOW = Instant.parse("2030-01-01T10:20:30.456Z");
    static final Duration WEEK = Duration.ofDays(7);

    final IdGenerator ids = new IdGenerator();
    final MutableClock clock = new MutableClock(NOW);
    final InMemorySecondaryStorage memory = new InMemorySecondaryStorage(clock);
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemorySessionStore database = new InMemorySessionStore();
    final SecondaryStorageSessionStore secondary = new SecondaryStorageSessionStore(memory, users, clock);
    final TieredSessionStore inDatabase = TieredSessionStore.storeSessionInDatabase(secondary, database, clock);
    final TieredSessionStore preserve = TieredSessionStore.preserveSessionInDatabase(secondary, database, clock);

    User newUser() {
        User u = new User(ids.generate(), "Test User", ids.generate(8).toLowerCase() + "@example.com", false, null,
                NOW, NOW);
        users.create(u, new Account(ids.generate(), u.id(), Account.CREDENTIAL_PROVIDER, u.id(), "00:11", NOW, NOW));
        return u;
    }

    Session session(User u) {
        return new Session(ids.generate(), ids.generate(), u.id(), clock.instant().plus(WEEK), clock.instant(),
                clock.instant(), "", "");
    }

    @Test
    void create_writesTheRowAndTheKey() {
        User u = newUser();
        Session s = session(u);
        inDatabase.create(s);
        assertThat(database.findByToken(s.token())).contains(s);
        assertThat(secondary.findByToken(s.token())).contains(s);
    }

    @Test
    void storeSessionInDatabase_fallsBackToTheRow_whenTheKeyIsMissing() {
        User u = newUser();
        Session s = session(u);
        inDatabase.create(s);
        memory.delete(s.token()); // evicted, or written before secondary storage was configured
        assertThat(inDatabase.findByToken(s.token())).contains(s);
        assertThat(inDatabase.findWithUser(s.token(), users)).contains(new SessionAndUser(s, u));
    }

    @Test
    void storeSessionInDatabase_doesNotFallBack_whenTheKeyIsUnreadableOrRevoked() {
        User u = newUser();
        Session garbled = session(u);
        inDatabase.create(garbled);
        memory.set(garbled.token(), "{not json", WEEK);
        assertThat(inDatabase.findByToken(garbled.token())).isEmpty();
        assertThat(inDatabase.findWithUser(garbled.token(), users)).isEmpty();

        Session revoked = session(u);
        inDatabase.create(revoked);
        clock.advance(Duration.ofSeconds(1));
        memory.set("revoked-sessions-before-" + u.id(), Long.toString(clock.millis()), WEEK);
        assertThat(inDatabase.findByToken(revoked.token())).isEmpty();
        assertThat(inDatabase.findWithUser(revoked.token(), users)).isEmpty();
    }

    @Test
    void storeSessionInDatabase_deletesBoth_andListsFromTheDatabase() {
        User u = newUser();
        Session a = session(u);
        Session b = session(u);
        inDatabase.create(a);
        inDatabase.create(b);
        memory.delete(b.token());
        assertThat(inDatabase.listByUser(u.id())).containsExactly(a, b);
        inDatabase.delete(a.token());
        assertThat(database.findByToken(a.token())).isEmpty();
        assertThat(memory.get(a.token())).isEmpty();
        assertThat(inDatabase.findByToken(a.token())).isEmpty();
        inDatabase.deleteByUser(u.id());
        assertThat(database.listByUser(u.id())).isEmpty();
        assertThat(inDatabase.findByToken(b.token())).isEmpty();
        assertThat(memory.keys()).containsExactly("revoked-sessions-before-" + u.id());
    }

    @Test
    void storeSessionInDatabase_updateExpiry_followsTheRow() {
        User u = newUser();
        Session s = session(u);
        inDatabase.create(s);
        clock.advance(Duration.ofDays(1));
        Instant later = clock.instant();
        Session slid = inDatabase.updateExpiry(s.token(), later.plus(WEEK), later).orElseThrow();
        assertThat(slid).isEqualTo(s.withExpiry(later.plus(WEEK), later));
        assertThat(database.findByToken(s.token())).contains(slid);
        assertThat(secondary.findByToken(s.token())).contains(slid);

        database.delete(s.token());
        assertThat(inDatabase.updateExpiry(s.token(), later.plus(WEEK), later)).isEmpty();
    }

    @Test
    void preserve_readsSecondaryOnly_soADeletedSessionIsNotResurrected() {
        User u = newUser();
        Session s = session(u);
        preserve.create(s);
        memory.delete(s.token());
        assertThat(database.findByToken(s.token())).isPresent();
        assertThat(preserve.findByToken(s.token())).isEmpty();
        assertThat(preserve.findWithUser(s.token(), users)).isEmpty();
    }

    @Test
    void preserve_delete_keepsTheRow_endedNow_onlyWhenItWasLive() {
        User u = newUser();
        Session s = session(u);
        preserve.create(s);
        clock.advance(Duration.ofMinutes(1));
        Instant signOut = clock.instant();
        preserve.delete(s.token());
        assertThat(memory.keys()).isEmpty();
        assertThat(preserve.findByToken(s.token())).isEmpty();
        assertThat(database.findByToken(s.token())).contains(s.withExpiry(signOut, signOut));

        clock.advance(Duration.ofMinutes(1));
        preserve.delete(s.token()); // a repeated delete leaves the ended row alone
        assertThat(database.findByToken(s.token())).contains(s.withExpiry(signOut, signOut));
    }

    @Test
    void preserve_deleteByUser_endsEveryLiveRow_andRevokesTheKeys() {
        User u = newUser();
        Session ended = session(u);
        preserve.create(ended);
        clock.advance(Duration.ofMinutes(1));
        Instant firstEnd = clock.instant();
        preserve.delete(ended.token());
        Session a = session(u);
        Session b = session(u);
        preserve.create(a);
        preserve.create(b);
        clock.advance(Duration.ofMinutes(1));
        Instant revokedAt = clock.instant();
        preserve.deleteByUser(u.id());
        assertThat(preserve.listByUser(u.id())).isEmpty();
        assertThat(preserve.findByToken(a.token())).isEmpty();
        assertThat(database.findByToken(a.token())).contains(a.withExpiry(revokedAt, revokedAt));
        assertThat(database.findByToken(b.token())).contains(b.withExpiry(revokedAt, revokedAt));
        assertThat(database.findByToken(ended.token())).contains(ended.withExpiry(firstEnd, firstEnd));
        assertThat(memory.keys()).containsExactly("revoked-sessions-before-" + u.id());
    }

    @Test
    void preserve_updateExpiry_ofARevokedSession_doesNotReviveItsRow() {
        User u = newUser();
        Session s = session(u);
        preserve.create(s);
        clock.advance(Duration.ofMinutes(1));
        Instant end = clock.instant();
        preserve.delete(s.token());
        assertThat(preserve.updateExpiry(s.token(), end.plus(WEEK), end)).isEmpty();
        assertThat(database.findByToken(s.token())).contains(s.withExpiry(end, end));
    }

    @Test
    void preserve_updateExpiry_slidesBoth_andListsFromSecondary() {
        User u = newUser();
        Session s = session(u);
        preserve.create(s);
        clock.advance(Duration.ofDays(1));
        Instant later = clock.instant();
        Session slid = preserve.updateExpiry(s.token(), later.plus(WEEK), later).orElseThrow();
        assertThat(database.findByToken(s.token())).contains(slid);
        assertThat(preserve.findByToken(s.token())).contains(slid);
        assertThat(preserve.listByUser(u.id())).containsExactly(slid);
    }

    @Test
    void userUpdated_refreshesTheCachedUser() {
        User u = newUser();
        Session s = session(u);
        inDatabase.create(s);
        User renamed = new User(u.id(), "Renamed", u.email(), false, null, NOW, NOW.plusSeconds(5));
        inDatabase.userUpdated(renamed);
        assertThat(inDatabase.findWithUser(s.token(), users)).contains(new SessionAndUser(s, renamed));
    }

    @Test
    void whenTheKeyCannotBeWritten_theRowIsRemovedAgain_andTheFailureSurfaces() {
        SecondaryStorage down = new UnreachableStorage();
        TieredSessionStore store = TieredSessionStore.storeSessionInDatabase(
                new SecondaryStorageSessionStore(down, users, clock), database, clock);
        User u = newUser();
        Session s = session(u);
        assertThatThrownBy(() -> store.create(s)).isInstanceOf(StoreUnavailableException.class);
        assertThat(database.findByToken(s.token())).isEmpty();
        // Reads are answered from the database while secondary storage is down (issue 5): the removed row stays
        // gone, a live row is found.
        assertThat(store.findByToken(s.token())).isEmpty();
        database.create(s);
        assertThat(store.findByToken(s.token())).contains(s);
    }

    @Test
    void aMissingUser_leavesNeitherRowNorKey() {
        User ghost = new User(ids.generate(), "Ghost", "ghost@example.com", false, null, NOW, NOW);
        Session s = session(ghost);
        assertThatThrownBy(() -> inDatabase.create(s)).isInstanceOf(IllegalStateException.class);
        assertThat(database.findByToken(s.token())).isEmpty();
        assertThat(memory.keys()).isEmpty();
    }

    /** Faults: one side of a write fails halfway; the two sides never disagree about whether a session is live. */
    @Test
    void halfFailedWrites_leaveTheRowAndTheKeyAgreeing() {
        var rows = io.betterauth.jakarta.testing.FaultyStore.wrap(io.betterauth.jakarta.spi.SessionStore.class, database);
        var keys = io.betterauth.jakarta.testing.FaultyStore.wrap(SecondaryStorage.class, memory);
        SecondaryStorageSessionStore keyStore = new SecondaryStorageSessionStore(keys.store(), users, clock);
        TieredSessionStore store = TieredSessionStore.storeSessionInDatabase(keyStore, rows.store(), clock);
        User u = newUser();
        Session a = session(u);
        Session b = session(u);
        store.create(a);
        store.create(b);

        // The key of the new session cannot be written: its row is removed again, the client never gets a cookie.
        Session c = session(u);
        keys.faults().failOn("set", 1);
        assertThatThrownBy(() -> store.create(c)).isInstanceOf(StoreUnavailableException.class);
        assertThat(database.findByToken(c.token())).isEmpty();
        assertThat(store.findByToken(c.token())).isEmpty();

        // Revoke-all: the database fails after the keys went. Nothing is revoked: every session is still found,
        // through its row, and the row and the tiered store agree (before the fix, the rows went first and the
        // keys stayed, so a session was live in Redis and gone from the table).
        rows.faults().failOn("deleteByUser", 1);
        assertThatThrownBy(() -> store.deleteByUser(u.id())).isInstanceOf(StoreUnavailableException.class);
        for (Session s : java.util.List.of(a, b)) {
            assertThat(store.findByToken(s.token())).isEqualTo(database.findByToken(s.token())).isPresent();
        }

        // Revoke-all: secondary storage fails first. Nothing is deleted anywhere.
        store.create(c);
        keys.faults().failOn("delete", 1);
        assertThatThrownBy(() -> store.deleteByUser(u.id())).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.findByToken(c.token())).isEqualTo(database.findByToken(c.token())).isPresent();

        // Revoke one: the database fails after the key went; the row answers, live, until the retry succeeds.
        rows.faults().failOn("delete", 1);
        assertThatThrownBy(() -> store.delete(c.token())).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.findByToken(c.token())).isEqualTo(database.findByToken(c.token())).isPresent();
        rows.faults().heal();
        store.delete(c.token());
        assertThat(store.findByToken(c.token())).isEmpty();
        assertThat(database.findByToken(c.token())).isEmpty();

        // Refresh: the key cannot be rewritten; the row is slid and answers (the stale key expires first).
        keys.faults().failOn("set", 1);
        Instant later = NOW.plusSeconds(60);
        Session slid = store.refreshExpiry(a.token(), a.expiresAt(), later.plus(WEEK), later).orElseThrow();
        assertThat(database.findByToken(a.token())).contains(slid);
    }
}
