package io.betterauth.jakarta.core.plugin.admin;

import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.api.event.SessionCreating;
import io.betterauth.jakarta.api.event.SessionDeleting;
import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SessionUpdating;
import io.betterauth.jakarta.api.event.SignInEvent;
import io.betterauth.jakarta.api.event.UserCreating;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.api.event.UserUpdating;
import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The admin plugin's {@code databaseHooks.session.create.before} ({@code dist/plugins/admin/admin.mjs:33-52}), run
 * before the app's listeners as Better Auth runs a plugin's database hooks before the app's: every new session
 * (sign-in, sign-up, impersonation) reads its user; a banned user whose {@code banExpires} has passed gets the ban
 * lifted ({@code banned=false}, {@code banReason} and {@code banExpires} cleared, {@code updatedAt} stamped) and the
 * session is created; a banned user otherwise gets {@code 403 {"message": bannedUserMessage, "code": "BANNED_USER"}}.
 * A ban without {@code banExpires}, or with one that is not a date, never ends. Every other event passes to the
 * app's listeners unchanged; the lift itself is reported to them as a user update.
 */
public final class BanVeto implements AuthEvents {

    private final AdminOptions options;
    private final UserStore users;
    private final SessionStore sessions;
    private final Clock clock;
    private final AuthEvents next;

    /**
     * @param sessions told of the lifted ban, so copies of the user next to sessions (secondary storage) follow
     * @param next     the app's listeners
     */
    public BanVeto(AdminOptions options, UserStore users, SessionStore sessions, Clock clock, AuthEvents next) {
        this.options = options;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public void beforeSessionCreate(SessionCreating event) {
        Optional<User> found = users.findById(event.proposed().userId());
        if (found.isPresent() && truthy(found.get().additional().get("banned"))) {
            User user = found.get();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Instant expires = instant(user.additional().get("banExpires"));
            if (expires != null && expires.isBefore(now)) {
                lift(user, now);
            } else {
                event.reject(403, "BANNED_USER", options.bannedUserMessage());
            }
        }
        next.beforeSessionCreate(event);
    }

    private void lift(User user, Instant now) {
        Map<String, Object> cleared = new LinkedHashMap<>(user.additional());
        cleared.put("banned", false);
        cleared.put("banReason", null);
        cleared.put("banExpires", null);
        User changed = new User(user.id(), user.name(), user.email(), user.emailVerified(), user.image(),
                user.createdAt(), now, cleared);
        next.beforeUserUpdate(new UserUpdating(changed));
        users.update(changed).ifPresent(updated -> {
            sessions.userUpdated(updated);
            next.after(new UserEvent(UserEvent.Kind.UPDATED, updated));
        });
    }

    /** JavaScript's truthiness of the stored {@code banned} value (a boolean; 0/1 where a database keeps those). */
    private static boolean truthy(Object v) {
        return v instanceof Boolean b ? b
                : v instanceof Number n ? n.doubleValue() != 0
                : v instanceof String s && !s.isEmpty();
    }

    /** {@code new Date(banExpires)}: an instant, an ISO string or epoch milliseconds; null when it is not a date. */
    private static Instant instant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (v instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
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
        next.after(event);
    }

    @Override
    public void after(UserEvent event) {
        next.after(event);
    }

    @Override
    public void after(SignInEvent event) {
        next.after(event);
    }
}
