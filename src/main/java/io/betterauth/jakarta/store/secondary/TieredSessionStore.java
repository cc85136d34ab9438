package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions in secondary storage and in the database, Better Auth 1.7.25's two database modes:
 *
 * <ul>
 *   <li><b>{@code storeSessionInDatabase}</b> ({@code preserve = false}): writes go to the database row first, then
 *       to the secondary key. Reads ask secondary storage first and, when the key is missing, fall back to the
 *       database (a key that is present but unreadable or revoked is no session: no fallback, as in Better Auth).
 *       Deletes remove both. {@link #listByUser} reads the database, as Better Auth does in this mode.</li>
 *   <li><b>{@code storeSessionInDatabase + preserveSessionInDatabase}</b> ({@code preserve = true}): writes go to
 *       both; reads use secondary storage only (no fallback, so a revoked session is never resurrected from its
 *       row); deletes remove the key and keep the row, ended: a row that was still live gets {@code expiresAt} and
 *       {@code updatedAt} set to now (Better Auth's {@code endPreservedSessions}: {@code updateMany({expiresAt: now})}
 *       whose adapter stamps {@code updatedAt} through the column's {@code onUpdate}); rows already ended are left
 *       alone.</li>
 * </ul>
 *
 * <p>When secondary storage is unavailable, reads are answered from the database (a revoked session's row is
 * deleted, or ended in preserve mode, so nothing is resurrected) and a refresh updates the row alone (the stale key
 * then expires first, and reads fall back to the row). Writes that would leave the two apart in an unsafe way — a
 * new session, a revocation — fail with {@link StoreUnavailableException} (503) instead, so a revoked session can
 * never come back when Redis returns. When writing the new session's key fails, its row is deleted again (the
 * client never received the token), so no half-created session is left behind.
 */
public final class TieredSessionStore implements SessionStore {

    private static final Logger LOG = System.getLogger(TieredSessionStore.class.getName());

    private final SessionStore secondary;
    private final SessionStore database;
    private final boolean preserve;
    private final Clock clock;

    /**
     * @param secondary the secondary-storage store, normally a {@link SecondaryStorageSessionStore} (then a present
     *                  but unreadable or revoked key is told apart from a missing one)
     * @param database  the session table
     * @param preserve  {@code preserveSessionInDatabase}
     * @param clock     "now" for ending preserved rows
     */
    public TieredSessionStore(SessionStore secondary, SessionStore database, boolean preserve, Clock clock) {
        this.secondary = Objects.requireNonNull(secondary, "secondary");
        this.database = Objects.requireNonNull(database, "database");
        this.preserve = preserve;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code storeSessionInDatabase: true}. */
    public static TieredSessionStore storeSessionInDatabase(SessionStore secondary, SessionStore database,
                                                            Clock clock) {
        return new TieredSessionStore(secondary, database, false, clock);
    }

    /** {@code storeSessionInDatabase: true, preserveSessionInDatabase: true}. */
    public static TieredSessionStore preserveSessionInDatabase(SessionStore secondary, SessionStore database,
                                                               Clock clock) {
        return new TieredSessionStore(secondary, database, true, clock);
    }

    public boolean preserve() {
        return preserve;
    }

    @Override
    public void create(Session session) {
        database.create(session);
        try {
            secondary.create(session);
        } catch (RuntimeException e) {
            try {
                database.delete(session.token());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public Optional<Session> findByToken(String token) {
        try {
            return findByTokenTiered(token);
        } catch (StoreUnavailableException e) {
            degraded(e);
            return database.findByToken(token).filter(this::live);
        }
    }

    private Optional<Session> findByTokenTiered(String token) {
        if (secondary instanceof SecondaryStorageSessionStore s) {
            SecondaryStorageSessionStore.Lookup l = s.lookup(token);
            if (l.found()) {
                return Optional.of(l.stored().session());
            }
            return fallsBack(l) ? database.findByToken(token) : Optional.empty();
        }
        Optional<Session> cached = secondary.findByToken(token);
        return cached.isPresent() || preserve ? cached : database.findByToken(token);
    }

    @Override
    public Optional<SessionAndUser> findWithUser(String token, UserStore users) {
        try {
            return findWithUserTiered(token, users);
        } catch (StoreUnavailableException e) {
            degraded(e);
            return database.findWithUser(token, users).filter(su -> live(su.session()));
        }
    }

    private boolean live(Session s) {
        return s.expiresAt().isAfter(now());
    }

    private static void degraded(StoreUnavailableException e) {
        LOG.log(Level.WARNING, "Secondary storage unavailable; answering from the database: " + e.getMessage());
    }

    private Optional<SessionAndUser> findWithUserTiered(String token, UserStore users) {
        if (secondary instanceof SecondaryStorageSessionStore s) {
            SecondaryStorageSessionStore.Lookup l = s.lookup(token);
            if (l.found()) {
                return Optional.of(new SessionAndUser(l.stored().session(), l.stored().user()));
            }
            return fallsBack(l) ? database.findWithUser(token, users) : Optional.empty();
        }
        Optional<SessionAndUser> cached = secondary.findWithUser(token, users);
        return cached.isPresent() || preserve ? cached : database.findWithUser(token, users);
    }

    private boolean fallsBack(SecondaryStorageSessionStore.Lookup l) {
        return !preserve && l.state() == SecondaryStorageSessionStore.State.MISSING;
    }

    /**
     * {@code storeSessionInDatabase}: the row decides (empty when it is gone); the key follows when present (a
     * conditional write: a key deleted meanwhile stays deleted). {@code preserve}: the key decides, in one conditional
     * write (an ended or revoked session is not revived); the row follows, and is ended again when the key turns out
     * to be gone by then ({@link #rowFollowed}).
     */
    @Override
    public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
        if (preserve) {
            Optional<Session> key = secondary.updateExpiry(token, expiresAt, updatedAt);
            if (key.isPresent()) {
                database.updateExpiry(token, expiresAt, updatedAt);
                rowFollowed(token);
            }
            return key;
        }
        Optional<Session> row = database.updateExpiry(token, expiresAt, updatedAt);
        if (row.isPresent()) {
            try {
                secondary.updateExpiry(token, expiresAt, updatedAt);
            } catch (StoreUnavailableException e) {
                // Safe to skip: the stale key expires before the row, and reads then fall back to the row.
                degraded(e);
            }
        }
        return row;
    }

    /**
     * The refresh written once (T-16): the side that decides (the row, or the key with {@code preserve}) is slid
     * only while still due; the other side follows only when this call slid it.
     */
    @Override
    public Optional<Session> refreshExpiry(String token, Instant ifNotAfter, Instant expiresAt, Instant updatedAt) {
        if (preserve) {
            Optional<Session> key = secondary.refreshExpiry(token, ifNotAfter, expiresAt, updatedAt);
            if (key.isPresent() && slidBy(key.get(), expiresAt, updatedAt)) {
                database.updateExpiry(token, expiresAt, updatedAt);
                rowFollowed(token);
            }
            return key;
        }
        Optional<Session> row = database.refreshExpiry(token, ifNotAfter, expiresAt, updatedAt);
        if (row.isPresent() && slidBy(row.get(), expiresAt, updatedAt)) {
            try {
                secondary.updateExpiry(token, expiresAt, updatedAt);
            } catch (StoreUnavailableException e) {
                degraded(e); // as in updateExpiry: the stale key expires first, then reads fall back to the row
            }
        }
        return row;
    }

    private static boolean slidBy(Session s, Instant expiresAt, Instant updatedAt) {
        return s.expiresAt().equals(expiresAt) && s.updatedAt().equals(updatedAt);
    }

    /**
     * {@code preserve}, after a row was slid to follow its key: a sign-out or revoke that deleted the key after this
     * call slid it may have ended the row before the slide landed. Every delete removes the key before it ends the
     * row, so checking the key after the slide sees the delete whenever the slide undid its ending; the row is then
     * ended again. When the key cannot be read, the row is ended too (fail closed: a row left live would answer while
     * secondary storage is down) and the failure surfaces.
     */
    private void rowFollowed(String token) {
        boolean keyLive;
        try {
            keyLive = secondary.findByToken(token).isPresent();
        } catch (StoreUnavailableException e) {
            endRow(token);
            throw e;
        }
        if (!keyLive) {
            endRow(token);
        }
    }

    /** {@code preserve}: ends the row when it is still live (Better Auth's {@code endPreservedSessions}). */
    private void endRow(String token) {
        Instant now = now();
        database.findByToken(token).ifPresent(s -> endIfLive(s, now));
    }

    private void endIfLive(Session row, Instant now) {
        if (row.expiresAt().isAfter(now)) {
            database.updateExpiry(row.token(), now, now);
        }
    }

    /** As {@link #updateExpiry}: the row, or with {@code preserve} the key, decides; the other follows. */
    @Override
    public Optional<Session> updateAdditional(String token, Map<String, Object> changes, Instant updatedAt) {
        if (preserve) {
            Optional<Session> key = secondary.updateAdditional(token, changes, updatedAt);
            if (key.isPresent()) {
                database.updateAdditional(token, changes, updatedAt); // leaves expiresAt alone: cannot revive
            }
            return key;
        }
        Optional<Session> row = database.updateAdditional(token, changes, updatedAt);
        if (row.isPresent()) {
            secondary.updateAdditional(token, changes, updatedAt);
        }
        return row;
    }

    /** The key first, then the row: the order {@link #rowFollowed} relies on. */
    @Override
    public void delete(String token) {
        secondary.delete(token);
        if (preserve) {
            endRow(token);
        } else {
            database.delete(token);
        }
    }

    @Override
    public List<Session> listByUser(String userId) {
        return preserve ? secondary.listByUser(userId) : database.listByUser(userId);
    }

    /**
     * {@code storeSessionInDatabase}: the keys go first, then the rows, as {@link #delete} does, so that a failure
     * halfway leaves sessions live on both sides (a missing key falls back to its row) rather than live in secondary
     * storage and gone from the table. {@code preserve}: the rows are ended first (reads while secondary storage is
     * down must not revive a revoked session), then the keys go, then rows still live without a live key are ended
     * again: a refresh racing the revocation may have slid one after the first pass (see {@link #rowFollowed}).
     */
    @Override
    public void deleteByUser(String userId) {
        if (!preserve) {
            secondary.deleteByUser(userId);
            database.deleteByUser(userId);
            return;
        }
        Instant now = now();
        for (Session s : database.listByUser(userId)) {
            endIfLive(s, now);
        }
        secondary.deleteByUser(userId);
        for (Session s : database.listByUser(userId)) {
            if (s.expiresAt().isAfter(now) && secondary.findByToken(s.token()).isEmpty()) {
                database.updateExpiry(s.token(), now, now);
            }
        }
    }

    @Override
    public void userUpdated(User user) {
        database.userUpdated(user);
        secondary.userUpdated(user);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
