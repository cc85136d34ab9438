package io.betterauth.jakarta.core.plugin.admin;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.endpoint.SessionAdministration;
import io.betterauth.jakarta.core.endpoint.SessionGuard;
import io.betterauth.jakarta.core.security.OriginCheck;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;

/**
 * The {@code admin} plugin's endpoints, wired once over the stores they act on: the session endpoints
 * ({@link AdminSessionEndpoints}), the user endpoints ({@link AdminUserEndpoints}) and impersonation
 * ({@link ImpersonationEndpoints}), all behind one
 * {@link AdminMiddleware}.
 */
public final class AdminPlugin {

    private final AdminSessionEndpoints sessionEndpoints;
    private final AdminUserEndpoints userEndpoints;
    private final ImpersonationEndpoints impersonation;

    /**
     * @param manager  the sessions (events, clock, cookies)
     * @param guard    the endpoints' session guard
     * @param users    the user table the plugin's columns live in
     * @param sessions the session store (told of user changes, for copies in secondary storage)
     * @param limits   what the user table's columns hold
     */
    public AdminPlugin(BetterAuthConfig config, SessionManager manager, SessionGuard guard, UserStore users,
                       SessionStore sessions, ColumnLimits limits) {
        OriginCheck origins = new OriginCheck(config);
        SessionAdministration administration = new SessionAdministration(manager, guard);
        AdminMiddleware middleware = new AdminMiddleware(guard, new AdminPermissions(config.plugins().admin()));
        this.sessionEndpoints = new AdminSessionEndpoints(config, guard, administration, origins);
        this.userEndpoints = new AdminUserEndpoints(config, manager, users, sessions, administration, origins, limits,
                middleware);
        this.impersonation = new ImpersonationEndpoints(config, manager, guard, users, origins, middleware);
    }

    /** {@code /admin/list-user-sessions}, {@code /admin/revoke-user-session(s)}. */
    public AdminSessionEndpoints sessions() {
        return sessionEndpoints;
    }

    /** {@code /admin/ban-user}, {@code /admin/unban-user}, {@code /admin/set-role}, {@code /admin/get-user},
     * {@code /admin/remove-user}. */
    public AdminUserEndpoints users() {
        return userEndpoints;
    }

    /** {@code /admin/impersonate-user}, {@code /admin/stop-impersonating}. */
    public ImpersonationEndpoints impersonation() {
        return impersonation;
    }
}
