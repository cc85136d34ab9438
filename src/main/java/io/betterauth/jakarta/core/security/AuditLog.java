package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.api.event.SessionCreating;
import io.betterauth.jakarta.api.event.SessionDeleting;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SessionInfo;
import io.betterauth.jakarta.api.event.SessionUpdating;
import io.betterauth.jakarta.api.event.SignInEvent;
import io.betterauth.jakarta.api.event.UserCreating;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.api.event.UserUpdating;
import io.betterauth.jakarta.spi.AuthEvents;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes every session and sign-in event to the logger {@code io.betterauth.jakarta.audit} (checklist T-41), then
 * hands it on to the app's listeners. A line names the session by a salted hash of its id — HMAC-SHA256 under a
 * key derived from the current secret, 16 hex digits — so log lines of one session (also across instances that
 * share the secret) can be correlated while the log holds neither the token nor the id itself. Creations,
 * revocations, expiries, failed fresh checks and sign-ins are {@code INFO}; refreshes and updates {@code DEBUG}.
 */
public final class AuditLog implements AuthEvents {

    /** The logger's name, for a handler or a level in the container's logging configuration. */
    public static final String LOGGER = "io.betterauth.jakarta.audit";
    private static final Logger LOG = System.getLogger(LOGGER);

    private final AuthEvents next;
    private final byte[] key;

    public AuditLog(AuthEvents next, String secret) {
        this.next = next;
        this.key = hmac(secret.getBytes(StandardCharsets.UTF_8), "better-auth-jakarta audit log session id");
    }

    /** The salted hash the log uses for this session id. */
    public String sessionRef(String sessionId) {
        if (sessionId == null) {
            return "-";
        }
        return HexFormat.of().formatHex(hmac(key, sessionId), 0, 8);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public void beforeSessionCreate(SessionCreating event) {
        next.beforeSessionCreate(event);
    }

    @Override
    public void beforeSessionUpdate(SessionUpdating event) {
        next.beforeSessionUpdate(event);
    }

    @Override
    public void beforeSessionDelete(SessionDeleting event) {
        next.beforeSessionDelete(event);
    }

    @Override
    public void beforeUserCreate(UserCreating event) {
        next.beforeUserCreate(event);
    }

    @Override
    public void beforeUserUpdate(UserUpdating event) {
        next.beforeUserUpdate(event);
    }

    @Override
    public void after(SessionEvent event) {
        Level level = switch (event.kind()) {
            case REFRESHED, UPDATED -> Level.DEBUG;
            default -> Level.INFO;
        };
        if (LOG.isLoggable(level)) {
            SessionInfo s = event.session();
            LOG.log(level, "session " + event.kind() + " reason=" + event.reason() + " session=" + sessionRef(s.id())
                    + " user=" + s.userId());
        }
        next.after(event);
    }

    @Override
    public void after(UserEvent event) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, "user " + event.kind() + " user=" + event.user().id());
        }
        next.after(event);
    }

    @Override
    public void after(SignInEvent event) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, "sign-in " + event.kind()
                    + (event.code() == null ? "" : " code=" + event.code())
                    + " user=" + (event.userId() == null ? "-" : event.userId())
                    + " session=" + sessionRef(event.session() == null ? null : event.session().id())
                    + " ip=" + (event.ipAddress() == null ? "-" : event.ipAddress()));
        }
        next.after(event);
    }
}
