package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.Account;
import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.SignIn;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.option.EmailAndPasswordOptions;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.OriginCheck;
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
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
 * and the same JSON bodies and error codes. An unknown email costs a hash too, so timing does not reveal it. Each
 * comes as the HTTP endpoint (with the sign-in origin check), as the endpoint past that check, and as Better Auth's
 * {@code auth.api} call (Java arguments, validated as the body would be; a typed {@link ApiResult}).
 */
public final class EmailPasswordAuth {

    private static final Logger LOG = System.getLogger(EmailPasswordAuth.class.getName());

    private final BetterAuthConfig config;
    private final EmailAndPasswordOptions options;
    private final UserStore users;
    private final SessionManager sessions;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final ColumnLimits limits;
    private final OriginCheck origins;

    /** For a store without date columns of its own (memory). */
    public EmailPasswordAuth(BetterAuthConfig config, UserStore users, SessionManager sessions,
                             PasswordHasher hasher, IdGenerator ids) {
        this(config, users, sessions, hasher, ids, ColumnLimits.JAVASCRIPT_DATES);
    }

    /** With what the user store's columns hold: a value they cannot is 400, never a store failure. */
    public EmailPasswordAuth(BetterAuthConfig config, UserStore users, SessionManager sessions,
                             PasswordHasher hasher, IdGenerator ids, ColumnLimits limits) {
        this(config, users, sessions, hasher, ids, limits, new OriginCheck(config));
    }

    public EmailPasswordAuth(BetterAuthConfig config, UserStore users, SessionManager sessions,
                             PasswordHasher hasher, IdGenerator ids, ColumnLimits limits, OriginCheck origins) {
        this.origins = origins;
        this.config = config;
        this.options = config.emailAndPassword();
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.ids = ids;
        this.limits = limits;
    }

    /** {@code POST /sign-up/email}: the sign-in origin check, then the endpoint. */
    public AuthResult signUp(RequestBody body, Caller caller) {
        checkSignInOrigin(body, caller);
        return signUp(body, caller.client(), caller.cookies());
    }

    /** {@code sign-up/email} past the origin check: {@code {"token","user"}} and, with auto sign-in, the cookies. */
    public AuthResult signUp(RequestBody body, ClientInfo client, RequestCookies cookies) {
        Outcome signedUp = signedUp(body, client, cookies);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("token", signedUp.session() == null ? null : signedUp.session().token());
        response.put("user", config.output(signedUp.user()).toJson());
        return AuthResult.ok(JsJson.stringify(response), signedUp.setCookies());
    }

    /**
     * {@code signUpEmail}: {@code fields} are the body's other members ({@code image}, {@code rememberMe},
     * {@code callbackURL} and declared additional user fields), validated as the endpoint validates them.
     */
    public ApiResult<SignIn> signUp(String name, String email, String password, Map<String, ?> fields,
                                    ClientInfo client, RequestCookies cookies) {
        return typed(signedUp(arguments(fields, "name", name, "email", email, "password", password), client,
                cookies));
    }

    private Outcome signedUp(RequestBody body, ClientInfo client, RequestCookies cookies) {
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
        if (!options.autoSignIn()) {
            return new Outcome(user, null, null, List.of());
        }
        boolean dontRemember = Boolean.FALSE.equals(rememberMe);
        Session session = createSession(user, dontRemember, client, "sign-up", ErrorCode.FAILED_TO_CREATE_SESSION, 400);
        sessions.revokePresented(cookies, session, "sign-up");
        return new Outcome(user, session, null,
                sessions.sessionCookies(new SessionAndUser(session, user), dontRemember, cookies));
    }

    /** {@code POST /sign-in/email}: the sign-in origin check, then the endpoint. */
    public AuthResult signIn(RequestBody body, Caller caller) {
        checkSignInOrigin(body, caller);
        return signIn(body, caller.client(), caller.cookies());
    }

    /**
     * {@code sign-in/email} past the origin check: {@code {"redirect","token","url","user"}} and the cookies, with
     * {@code Location} when there is a {@code callbackURL}.
     */
    public AuthResult signIn(RequestBody body, ClientInfo client, RequestCookies cookies) {
        Outcome signedIn = signedIn(body, client, cookies);
        String callbackUrl = signedIn.callbackUrl();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("redirect", callbackUrl != null);
        response.put("token", signedIn.session().token());
        response.put("url", callbackUrl == null ? JsJson.Undefined.INSTANCE : callbackUrl);
        response.put("user", config.output(signedIn.user()).toJson());
        Map<String, String> headers = callbackUrl == null ? Map.of() : Map.of("Location", callbackUrl);
        return new AuthResult(200, JsJson.stringify(response), signedIn.setCookies(), headers);
    }

    /** {@code signInEmail}: validated as the endpoint validates its body. */
    public ApiResult<SignIn> signIn(String email, String password, boolean rememberMe, ClientInfo client,
                                    RequestCookies cookies) {
        return typed(signedIn(arguments(Map.of("rememberMe", rememberMe), "email", email, "password", password),
                client, cookies));
    }

    private Outcome signedIn(RequestBody body, ClientInfo client, RequestCookies cookies) {
        String email = body.requiredString("email");
        String password = body.requiredString("password");
        String callbackUrl = body.optionalString("callbackURL");
        Boolean rememberMe = body.optionalBoolean("rememberMe");
        body.validate();
        String normalized = email.toLowerCase(Locale.ROOT);
        String[] userId = new String[1];
        try {
            return authenticate(normalized, password, callbackUrl, rememberMe, client, cookies, userId);
        } catch (AuthException e) {
            sessions.events().after(new SignInEvent(SignInEvent.Kind.FAILED, normalized, userId[0],
                    e.code() != null ? e.code() : String.valueOf(e.status()), client.ipAddress(), client.userAgent(),
                    null));
            throw e;
        }
    }

    /** The checks after validation; {@code userId[0]} is set once the email is known, for the failure event. */
    private Outcome authenticate(String email, String password, String callbackUrl, Boolean rememberMe,
                                 ClientInfo client, RequestCookies cookies, String[] userId) {
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
            // As Better Auth: hash the password anyway, so an unknown email takes as long as a wrong password.
            hasher.hashDiscarded(password);
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
        return new Outcome(user.get(), session, callbackUrl,
                sessions.sessionCookies(new SessionAndUser(session, user.get()), dontRemember, cookies));
    }

    /**
     * A session for a user the app authenticated by its own means (OIDC, LDAP, its identity store), made as sign-in
     * makes it: the same row, cookies, cookie cache, events and secondary storage. An unknown user is 404
     * {@code USER_NOT_FOUND} and no session.
     */
    public ApiResult<SignIn> createSession(String userId, boolean rememberMe, ClientInfo client,
                                           RequestCookies cookies) {
        Optional<User> user = userId == null || userId.isEmpty() ? Optional.empty() : users.findById(userId);
        if (user.isEmpty()) {
            throw new AuthException(ErrorCode.USER_NOT_FOUND);
        }
        Session session = createSession(user.get(), !rememberMe, client, "sign-in",
                ErrorCode.FAILED_TO_CREATE_SESSION, 401);
        sessions.revokePresented(cookies, session, "sign-in");
        sessions.events().after(new SignInEvent(SignInEvent.Kind.SUCCEEDED, user.get().email(), user.get().id(), null,
                client.ipAddress(), client.userAgent(), SessionInfo.of(session)));
        return new ApiResult<>(new SignIn(session.token(), user.get()),
                sessions.sessionCookies(new SessionAndUser(session, user.get()), !rememberMe, cookies));
    }

    /**
     * The checks Better Auth applies to a sign-in over HTTP, for the app's own sign-in form: the origin (with
     * {@code formCsrfMiddleware}) and the {@code callbackURL} (trusted or a safe relative path, else 403
     * {@code INVALID_CALLBACK_URL}). A server-side caller has nothing to check.
     */
    public void checkSignInForm(Caller caller, String callbackUrl) {
        Optional<OriginCheck.Request> origin = caller.origin();
        if (origin.isPresent()) {
            origins.checkSignIn(origin.get());
            origins.checkCallbackUrl(callbackUrl, origin.get());
        }
    }

    /**
     * Better Auth's origin check for sign-in and sign-up over HTTP (its {@code formCsrfMiddleware} included) and the
     * {@code callbackURL}: a string (else 400) that is trusted or a safe relative path. A server-side call has none.
     */
    private void checkSignInOrigin(RequestBody body, Caller caller) {
        Optional<OriginCheck.Request> origin = caller.origin();
        if (origin.isEmpty()) {
            return;
        }
        origins.checkSignIn(origin.get());
        JsonValue callback = body.json().get("callbackURL");
        if (callback != null && callback.getValueType() != JsonValue.ValueType.NULL) {
            if (!(callback instanceof JsonString s)) {
                throw new AuthException(400, null, "Invalid callbackURL: expected a string", List.of());
            }
            origins.checkCallbackUrl(s.getString(), origin.get());
        }
    }

    /** A sign-up's or sign-in's user, its new session (none: sign-up without auto sign-in) and cookies. */
    private record Outcome(User user, Session session, String callbackUrl, List<String> setCookies) {
    }

    private static ApiResult<SignIn> typed(Outcome outcome) {
        return new ApiResult<>(new SignIn(outcome.session() == null ? null : outcome.session().token(),
                outcome.user()), outcome.setCookies());
    }

    /**
     * A server-side call's arguments as the body the endpoint validates: the named strings (left out when null, so
     * validation reports them as zod does, {@code undefined}), then the other members.
     */
    private static RequestBody arguments(Map<String, ?> others, String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        body.putAll(others);
        return RequestBody.of(body);
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
