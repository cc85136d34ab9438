package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuth;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.UserStore;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, finding 9, over a real database: values its columns cannot hold (a NUL on PostgreSQL, more than 255
 * characters in {@code varchar(255)} on MariaDB, a date beyond the timestamp column) are 400 {@code VALIDATION_ERROR}
 * before the store is asked, never a 503 or 500, and write nothing; values at the limits are stored and read back,
 * so the limits fit the DDL. Mixed into {@link JpaStoreContract}: runs on H2, PostgreSQL and MariaDB.
 */
interface ColumnLimitChecks {

    String PASSWORD = "test123456";

    /** The user store with {@link JpaStoreContract#USER_FIELDS} as columns. */
    UserStore usersWithFields();

    /** The session store with {@link JpaStoreContract#SESSION_FIELDS} as columns. */
    SessionStore sessionsWithFields();

    /** What the runtime wires for this database: {@code SchemaInstaller.columnLimits(dialect)}. */
    ColumnLimits columnLimits();

    /** Sign-up, sign-in and the session API over these stores, wired as the runtime wires them. */
    record Auth(EmailPasswordAuth emailPassword, Endpoints api) {

        static Auth over(UserStore users, SessionStore sessions, ColumnLimits limits) {
            BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret("a-long-random-secret-9f8e7d6c5b4a3210ZYXWVUT")
                    .baseUrl("http://localhost:3000").userFields(JpaStoreContract.USER_FIELDS)
                    .sessionFields(JpaStoreContract.SESSION_FIELDS).build();
            SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
                    new IdGenerator(), Clock.systemUTC());
            PasswordHasher hasher = new PasswordHasher();
            return new Auth(new EmailPasswordAuth(config, users, manager, hasher, new IdGenerator(), limits),
                    Endpoints.of(config, manager, sessions, users, hasher, new IdGenerator(), limits));
        }

        AuthResult signUp(String json) {
            return emailPassword.signUp(body(json), new ClientInfo("203.0.113.9", "JUnit"), RequestCookies.empty());
        }
    }

    static RequestBody body(String json) {
        return new RequestBody(Json.createReader(new StringReader(json)).readObject());
    }

    static String email() {
        return new IdGenerator().generate(12).toLowerCase() + "@example.com";
    }

    /** A sign-up body: {@code members} is JSON text after the email and password, e.g. {@code "name":"N"}. */
    static String signUpBody(String email, String members) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"," + members + "}";
    }

    /** One character more than a column of {@code length} characters holds, or one byte more than a text column. */
    static String tooLong(int length) {
        return "n".repeat(length == ColumnLimits.TEXT ? ColumnLimits.TEXT_BYTES + 1 : length + 1);
    }

    static String quoted(String s) {
        return Json.createValue(s).toString();
    }

    static void refused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuthException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
            assertThat(e.getMessage()).contains(message);
        });
    }

    /** The cookies of the device a sign-up answered (only the session token: no cookie cache). */
    static RequestCookies device(AuthResult signUp) {
        return RequestCookies.parse(signUp.setCookies().get(0).split(";", 2)[0]);
    }

    default Auth auth() {
        return Auth.over(usersWithFields(), sessionsWithFields(), columnLimits());
    }

    @Test
    default void signUp_withValuesTheColumnsCannotHold_is400_andWritesNoRow() {
        Auth auth = auth();
        ColumnLimits limits = columnLimits();
        Map<String, String> members = Map.of(
                "\"name\":\"Ann\\u0000\"", "[body.name] Invalid string: must not contain the NUL character",
                "\"name\":" + quoted(tooLong(limits.nameLength())), "[body.name] Too big: expected string to have <=",
                "\"name\":\"N\",\"image\":" + quoted("i".repeat(65_536)),
                "[body.image] Too big: expected string to have <=65535 bytes",
                "\"name\":\"N\",\"nickname\":\"nick\\u0000\"", "[body.nickname] Invalid string",
                "\"name\":\"N\",\"birthday\":\"+275761-01-01T00:00:00Z\"", "[body.birthday] Too big: expected date",
                "\"name\":\"N\",\"birthday\":" + quoted(limits.latest().plusMillis(1).toString()),
                "[body.birthday] Too big: expected date to be <=",
                "\"name\":\"N\",\"birthday\":" + quoted(limits.earliest().minusMillis(1).toString()),
                "[body.birthday] Too small: expected date to be >=");
        members.forEach((member, message) -> {
            String email = email();
            refused(() -> auth.signUp(signUpBody(email, member)), message);
            assertThat(usersWithFields().findByEmail(email)).as(member).isEmpty();
        });
        String longEmail = tooLong(limits.emailLength()).substring("@example.com".length()) + "@example.com";
        refused(() -> auth.signUp(signUpBody(longEmail, "\"name\":\"N\"")),
                "[body.email] Too big: expected string to have <=");
        assertThat(usersWithFields().findByEmail(longEmail)).isEmpty();
    }

    @Test
    default void signUp_withValuesAtTheLimits_isStored_andReadBack() {
        Auth auth = auth();
        String name = "\uD83D\uDE00".repeat(255); // 255 characters of 4 bytes each
        String image = "\u00e9".repeat(32_767) + "i"; // 65,535 bytes of UTF-8
        String email = "e".repeat(255 - 12 - 12) + email(); // 255 characters
        assertThat(email).hasSize(255);
        auth.signUp(signUpBody(email, "\"name\":" + quoted(name) + ",\"image\":" + quoted(image)
                + ",\"birthday\":" + quoted(columnLimits().latest().toString())));
        User stored = usersWithFields().findByEmail(email).orElseThrow();
        assertThat(stored.name()).isEqualTo(name);
        assertThat(stored.image()).isEqualTo(image);
        assertThat(stored.additional()).containsEntry("birthday", columnLimits().latest());
        String earliest = email();
        auth.signUp(signUpBody(earliest, "\"name\":\"N\",\"birthday\":" + quoted(columnLimits().earliest().toString())));
        assertThat(usersWithFields().findByEmail(earliest).orElseThrow().additional()).containsKey("birthday");
    }

    @Test
    default void updateUserAndUpdateSession_withValuesTheColumnsCannotHold_are400_andChangeNothing() {
        Auth auth = auth();
        String email = email();
        AuthResult signedUp = auth.signUp(signUpBody(email, "\"name\":\"Ann\""));
        RequestCookies device = device(signedUp);
        refused(() -> auth.api().account().updateUser(device, "Ann\u0000", null, Map.of()), "[body.name] Invalid string");
        refused(() -> auth.api().account().updateUser(device, tooLong(columnLimits().nameLength()), null, Map.of()), "[body.name] Too big");
        refused(() -> auth.api().account().updateUser(device, null, Optional.of("i".repeat(65_536)), Map.of()), "[body.image]");
        refused(() -> auth.api().account().updateUser(device, null, null, Map.of("birthday", columnLimits().latest().plusMillis(1))),
                "[body.birthday] Too big");
        assertThat(usersWithFields().findByEmail(email).orElseThrow().name()).isEqualTo("Ann");
        refused(() -> auth.api().sessions().updateSession(device, Map.of("activeOrganizationId", "org\u0000")),
                "[body.activeOrganizationId] Invalid string");
        refused(() -> auth.api().sessions().updateSession(device, Map.of("lastStepUp", "+275761-01-01T00:00:00Z")),
                "[body.lastStepUp] Too big");
        Session session = sessionsWithFields().findByToken(tokenOf(signedUp)).orElseThrow();
        assertThat(session.additional().get("activeOrganizationId")).isNull();
        assertThat(session.additional().get("lastStepUp")).isNull();
    }

    @Test
    default void aUserAgentNoColumnCanHold_isStoredCut_andSignInWorks() {
        Auth auth = auth();
        String email = email();
        auth.signUp(signUpBody(email, "\"name\":\"N\""));
        String userAgent = "UA\u0000/" + "\u00e9".repeat(40_000);
        AuthResult signedIn = auth.emailPassword().signIn(body("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\"}"), new ClientInfo("203.0.113.9", userAgent), RequestCookies.empty());
        Session session = sessionsWithFields().findByToken(tokenOf(signedIn)).orElseThrow();
        assertThat(session.userAgent()).startsWith("UA/\u00e9").doesNotContain("\u0000");
        assertThat(session.userAgent().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(65_535);
    }

    @Test
    default void revokeSession_withATokenNoColumnCanHold_revokesNothing_insteadOfAnOutage() {
        Auth auth = auth();
        AuthResult signedUp = auth.signUp(signUpBody(email(), "\"name\":\"N\""));
        assertThat(auth.api().sessions().revokeSession(device(signedUp), "token\u0000").value()).isTrue(); // as for any other token
        assertThat(sessionsWithFields().findByToken(tokenOf(signedUp))).isPresent();
    }

    /** The session token of a sign-up or sign-in answer. */
    static String tokenOf(AuthResult result) {
        return Json.createReader(new StringReader(result.json())).readObject().getString("token");
    }
}
