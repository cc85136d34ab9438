package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;

/**
 * Every endpoint group over one set of stores, as the runtime wires them: where they are mounted, the middlewares
 * they share, sign-up and sign-in, the session endpoints, the account endpoints and the host app's administration.
 */
public record Endpoints(BasePath basePath, SessionGuard guard, EmailPasswordAuth emailPassword,
                        SessionEndpoints sessions, AccountEndpoints account, SessionAdministration admin) {

    /** For stores without date columns of their own (memory, Redis). */
    public static Endpoints of(BetterAuthConfig config, SessionManager manager, SessionStore sessions, UserStore users,
                               PasswordHasher hasher) {
        return of(config, manager, sessions, users, hasher, new IdGenerator(), ColumnLimits.JAVASCRIPT_DATES);
    }

    /** With what the stores' columns hold: a value they cannot is 400, never a store failure. */
    public static Endpoints of(BetterAuthConfig config, SessionManager manager, SessionStore sessions, UserStore users,
                               PasswordHasher hasher, IdGenerator ids, ColumnLimits limits) {
        OriginCheck origins = new OriginCheck(config);
        SessionGuard guard = new SessionGuard(config, manager, sessions);
        return new Endpoints(new BasePath(config.basePath()), guard,
                new EmailPasswordAuth(config, users, manager, hasher, ids, limits, origins),
                new SessionEndpoints(config, manager, sessions, guard, origins, limits),
                new AccountEndpoints(config, manager, sessions, users, hasher, guard, origins, limits),
                new SessionAdministration(manager, guard));
    }
}
