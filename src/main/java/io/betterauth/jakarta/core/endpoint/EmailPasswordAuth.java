package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.option.EmailAndPasswordOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.api.event.SessionInfo;
import io.betterauth.jakarta.api.event.SignInEvent;
import io.betterauth.jakarta.api.event.UserCreating;
import io.betterauth.jakarta.api.event.UserEvent;
import io.betterauth.jakarta.spi.DuplicateEmailException;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.spi.UserStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /sign-up/email} and {@code POST /sign-in/email} as Better Auth 1.7.25 answers them: validation,
 * length limits, lowercased emails, scrypt hashes in a {@code credential} account, a new session and its cookies,
 * and the same JSON bodies and error codes. An unknown email costs a hash too, so timing does not reveal it.
 */
public final class EmailPasswordAuth {

    private static final Logger LOG = System.getLogger(EmailPasswordAuth.class.getName());
    /** Hashed when the email is unknown, to spend the same time as a real verification. */
    private static final String DUMMY_HASH =
            "00000000000000000000000000000000:" + "0".repeat(128);

    private final BetterAuthConfig config;
    private final EmailAndPasswordOptions options;
    private final UserStore users;
    private final SessionManager sessions;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final ColumnLimits limits;

    /** For a store without date columns of its own (memory). */
    public EmailPasswordAuth(BetterAuthConfig config, UserStore users, SessionManager sessions,
                             PasswordHasher hasher, IdGenerator ids) {
        this(config, users, sessions, hasher, ids, ColumnLimits.JAVASCRIPT_DATES);
    }

    /** With what the user store's columns hold: a value they cannot is 400, never a store failure. */
    public EmailPasswordAuth(BetterAuthConfig config, UserStore users, SessionManager sessions,
                             PasswordHasher hasher, IdGenerator ids, ColumnLimits limits) {
        this.config = config;
        this.options = config.emailAndPassword();
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.ids = ids;
        this.limits = limits;
    }

    public AuthResult signUp(RequestBody body, ClientInfo client, RequestCookies cookies) {
        String name = body.requiredString("name");
        String email = body.requiredEmail("email");
        String password = body.requiredNonEmptyString("password");
        String image = body.optionalString("image");
        body.optionalString("callbackURL");
        Boolean rememberMe = body.optionalBoolean("rememberMe");
        body.validate();
        if (!options.enabled() || options.disableSignUp()) {
            throw new AuthException(ErrorCode.EMAIL_PASSWORD_SIGN_UP_DISABLED);
        }
        checkLength(password);
        Map<String, Object> additional = config.user().additionalFields().forCreate(body.json());
        String normalized = email.toLowerCase(Locale.ROOT);
        limits.checkUser(name, normalized, image, additional);
        if (users.findByEmail(normalized).isPresent()) {
            throw new AuthException(ErrorCode.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL);
        }
        String hash = hasher.hash(password);
        Instant now = sessions.now();
        UserCreating creating = new UserCreating(new User(ids.generate(), name, normalized, false, image, now, now,
                additional));
        sessions.events().beforeUserCreate(creating);
        User user = creating.user();
        Account credential = new Account(ids.generate(), user.id(), Account.CREDENTIAL_PROVIDER, user.id(), hash,
                now, now);
        try {
            users.create(user, credential);
        } catch (DuplicateEmailException e) {
            throw new AuthException(ErrorCode.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL);
        }
        sessions.events().after(new UserEvent(UserEvent.Kind.CREATED, user));
        Map<String, Object> response = new LinkedHashMap<>();
        if (!options.autoSignIn()) {
            response.put("token", null);
            response.put("user", config.output(user).toJson());
            return AuthResult.ok(JsJson.stringify(response), List.of());
        }
        boolean dontRemember = Boolean.FALSE.equals(rememberMe);
        Session session = createSession(user, dontRemember, client, "sign-up", ErrorCode.FAILED_TO_CREATE_SESSION, 400);
        sessions.revokePresented(cookies, session, "sign-up");
        response.put("token", session.token());
        response.put("user", config.output(user).toJson());
        return AuthResult.ok(JsJson.stringify(response), sessions.sessionCookies(new SessionAndUser(session, user), dontRemember, cookies));
    }

    public AuthResult signIn(RequestBody body, ClientInfo client, RequestCookies cookies) {
        String email = body.requiredString("email");
        String password = body.requiredString("password");
        String callbackUrl = body.optionalString("callbackURL");
        Boolean rememberMe = body.optionalBoolean("rememberMe");
        body.validate();
        String normalized = email.toLowerCase(Locale.ROOT);
        String[] userId = new String[1];
        try {
            return signIn(normalized, password, callbackUrl, rememberMe, client, cookies, userId);
        } catch (AuthException e) {
            sessions.events().after(new SignInEvent(SignInEvent.Kind.FAILED, normalized, userId[0],
                    e.code() != null ? e.code() : String.valueOf(e.status()), client.ipAddress(), client.userAgent(),
                    null));
            throw e;
        }
    }

    /** The checks after validation; {@code userId[0]} is set once the email is known, for the failure event. */
    private AuthResult signIn(String email, String password, String callbackUrl, Boolean rememberMe, ClientInfo client,
                              RequestCookies cookies, String[] userId) {
        if (!options.enabled()) {
            throw new AuthException(ErrorCode.EMAIL_PASSWORD_DISABLED);
        }
        if (!RequestBody.isEmail(email)) {
            throw new AuthException(ErrorCode.INVALID_EMAIL);
        }
        if (password.length() > options.maxPasswordLength()) {
            throw new AuthException(ErrorCode.PASSWORD_TOO_LONG);
        }
        Optional<User> user = users.findByEmail(email);
        user.ifPresent(u -> userId[0] = u.id());
        Optional<Account> credential = user.flatMap(u -> users.findCredentialAccount(u.id()));
        if (user.isEmpty() || credential.isEmpty() || credential.get().password() == null) {
            hasher.verify(password, DUMMY_HASH);
            throw new AuthException(ErrorCode.INVALID_EMAIL_OR_PASSWORD);
        }
        if (!hasher.verify(password, credential.get().password())) {
            throw new AuthException(ErrorCode.INVALID_EMAIL_OR_PASSWORD);
        }
        boolean dontRemember = Boolean.FALSE.equals(rememberMe);
        Session session = createSession(user.get(), dontRemember, client, "sign-in", ErrorCode.FAILED_TO_CREATE_SESSION,
                401);
        sessions.revokePresented(cookies, session, "sign-in");
        sessions.events().after(new SignInEvent(SignInEvent.Kind.SUCCEEDED, email, user.get().id(), null,
                client.ipAddress(), client.userAgent(), SessionInfo.of(session)));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("redirect", callbackUrl != null);
        response.put("token", session.token());
        response.put("url", callbackUrl == null ? JsJson.Undefined.INSTANCE : callbackUrl);
        response.put("user", config.output(user.get()).toJson());
        List<String> setCookies = sessions.sessionCookies(new SessionAndUser(session, user.get()), dontRemember, cookies);
        Map<String, String> headers = callbackUrl == null ? Map.of() : Map.of("Location", callbackUrl);
        return new AuthResult(200, JsJson.stringify(response), setCookies, headers);
    }

    private void checkLength(String password) {
        if (password.length() < options.minPasswordLength()) {
            throw new AuthException(ErrorCode.PASSWORD_TOO_SHORT);
        }
        if (password.length() > options.maxPasswordLength()) {
            throw new AuthException(ErrorCode.PASSWORD_TOO_LONG);
        }
    }

    private Session createSession(User user, boolean dontRemember, ClientInfo client, String reason,
                                  ErrorCode failure, int status) {
        try {
            return sessions.create(user, dontRemember, client, reason);
        } catch (StoreUnavailableException | AuthException e) {
            throw e; // an outage is 503, a listener's rejection its own error: neither is a failed session
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Could not create a session", e);
            throw new AuthException(status, failure.name(), failure.message(), List.of());
        }
    }
}
