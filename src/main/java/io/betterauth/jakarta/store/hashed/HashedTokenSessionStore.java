package io.betterauth.jakarta.store.hashed;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.core.security.ConstantTime;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ours ({@code better-auth.session.hash-tokens}, checklist T-02): wraps any {@link SessionStore} (JPA, memory, a
 * secondary storage such as Redis, or the app's own) so that it only ever receives and keeps
 * {@code SHA-256(token)} as lowercase hex in place of the token: a leaked table, backup or Redis dump holds no
 * usable session token. Lookups hash the presented token and the stored value is compared again in constant time.
 * <p>
 * Sessions read back by token carry the token that was presented. Sessions read back by user ({@link #listByUser})
 * cannot: they carry an opaque {@code sha256:<hash>} reference instead, which is no cookie value (looking it up by
 * token finds nothing) but which {@link #delete}, {@link #updateExpiry} and {@link #updateAdditional} accept, so
 * revoking a listed session keeps working. Not wire-compatible with a Node Better Auth sharing the table.
 */
public final class HashedTokenSessionStore implements SessionStore {

    /** Marks a listed session's stored hash, as opposed to a token presented by a client. */
    public static final String STORED_PREFIX = "sha256:";

    private final SessionStore delegate;

    public HashedTokenSessionStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    /** {@code SHA-256(token)} as 64 lowercase hex digits: what the store keeps. */
    public static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The stored key for a presented token, or the hash inside a listed session's reference. */
    private static String key(String tokenOrReference) {
        return tokenOrReference.startsWith(STORED_PREFIX) ? tokenOrReference.substring(STORED_PREFIX.length())
                : hash(tokenOrReference);
    }

    private static Session withToken(Session s, String token) {
        return new Session(s.id(), token, s.userId(), s.expiresAt(), s.createdAt(), s.updatedAt(), s.ipAddress(),
                s.userAgent(), s.additional());
    }

    /** The stored session as found by a presented token: checked in constant time, given the presented token. */
    private static Optional<Session> verified(Optional<Session> stored, String hash, String presented) {
        return stored.filter(s -> ConstantTime.equal(hash, s.token())).map(s -> withToken(s, presented));
    }

    @Override
    public void create(Session session) {
        delegate.create(withToken(session, hash(session.token())));
    }

    @Override
    public Optional<Session> findByToken(String token) {
        String hash = hash(token); // a presented value is always hashed, a stored reference is no token
        return verified(delegate.findByToken(hash), hash, token);
    }

    @Override
    public Optional<SessionAndUser> findWithUser(String token, UserStore users) {
        String hash = hash(token);
        return delegate.findWithUser(hash, users)
                .filter(found -> ConstantTime.equal(hash, found.session().token()))
                .map(found -> new SessionAndUser(withToken(found.session(), token), found.user()));
    }

    @Override
    public Optional<Session> updateExpiry(String token, Instant expiresAt, Instant updatedAt) {
        String hash = key(token);
        return verified(delegate.updateExpiry(hash, expiresAt, updatedAt), hash, token);
    }

    @Override
    public Optional<Session> refreshExpiry(String token, Instant ifNotAfter, Instant expiresAt, Instant updatedAt) {
        String hash = key(token);
        return verified(delegate.refreshExpiry(hash, ifNotAfter, expiresAt, updatedAt), hash, token);
    }

    @Override
    public Optional<Session> updateAdditional(String token, Map<String, Object> changes, Instant updatedAt) {
        String hash = key(token);
        return verified(delegate.updateAdditional(hash, changes, updatedAt), hash, token);
    }

    @Override
    public void delete(String token) {
        delegate.delete(key(token));
    }

    @Override
    public List<Session> listByUser(String userId) {
        return delegate.listByUser(userId).stream().map(s -> withToken(s, STORED_PREFIX + s.token())).toList();
    }

    @Override
    public void deleteByUser(String userId) {
        delegate.deleteByUser(userId);
    }

    @Override
    public void userUpdated(User user) {
        delegate.userUpdated(user);
    }
}
