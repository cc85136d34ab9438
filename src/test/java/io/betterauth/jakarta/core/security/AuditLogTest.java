package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuth;
import io.betterauth.jakarta.core.endpoint.EmailPasswordAuthTest;
import io.betterauth.jakarta.core.endpoint.Endpoints;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.core.session.SessionManagerTest;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.event.SessionEvent;
import io.betterauth.jakarta.api.event.SignInEvent;
import io.betterauth.jakarta.spi.AuthEvents;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checklist T-41: the lifecycle and sign-in as events (created, refreshed, revoked with its reason, expired, a failed
 * fresh check, sign-in succeeded and failed), and everything the library logs meanwhile — captured from
 * {@code java.util.logging} at every level — names sessions by a salted hash and never contains a token.
 */
class AuditLogTest {

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final List<Object> events = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemoryUserStore users = new InMemoryUserStore();
    final BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
            .baseUrl("http://localhost:3000").updateAge(60).expiresIn(600).freshAge(120).build();
    final SessionManager manager = new SessionManager(config, sessions, users, new SessionCookies(config),
            new IdGenerator(), clock, new AuthEvents() {
                @Override public void after(SessionEvent e) {
                    events.add(e);
                }
                @Override public void after(SignInEvent e) {
                    events.add(e);
                }
            });
    final Endpoints api = Endpoints.of(config, manager, sessions, users, new PasswordHasher());
    final EmailPasswordAuth auth = new EmailPasswordAuth(config, users, manager, new PasswordHasher(), new IdGenerator());

    final Logger root = Logger.getLogger("io.betterauth.jakarta");
    Level previous;
    final Handler capture = new Handler() {
        final SimpleFormatter format = new SimpleFormatter();
        @Override public void publish(LogRecord r) {
            log.add(r.getLevel() + " " + r.getLoggerName() + " " + format.format(r));
        }
        @Override public void flush() {
        }
        @Override public void close() {
        }
    };

    @BeforeEach
    void captureEverything() {
        previous = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void restore() {
        root.removeHandler(capture);
        root.setLevel(previous);
    }

    RequestCookies signIn(String email, String password) {
        return SessionManagerTest.browser(auth.signIn(EmailPasswordAuthTest.body("{\"email\":\"" + email
                + "\",\"password\":\"" + password + "\"}"), new ClientInfo("203.0.113.9", "Test"), RequestCookies.empty())
                .setCookies());
    }

    List<String> kinds() {
        return events.stream().map(e -> e instanceof SessionEvent s ? s.kind() + ":" + s.reason()
                : ((SignInEvent) e).kind() + ":" + ((SignInEvent) e).code()).toList();
    }

    @Test
    void theLifecycleAndSignIns_areEvents_andTheLogHasASaltedSessionHash_neverAToken() {
        List<String> tokens = new ArrayList<>();
        RequestCookies first = SessionManagerTest.browser(auth.signUp(EmailPasswordAuthTest.body(
                "{\"name\":\"L\",\"email\":\"log@example.com\",\"password\":\"test123456\"}"), ClientInfo.UNKNOWN,
                RequestCookies.empty()).setCookies());
        tokens.add(manager.cookies().sessionToken(first).orElseThrow());
        assertThatThrownBy(() -> signIn("log@example.com", "wrong-password")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> signIn("nobody@example.com", "test123456")).isInstanceOf(AuthException.class);
        RequestCookies second = signIn("log@example.com", "test123456");
        tokens.add(manager.cookies().sessionToken(second).orElseThrow());

        clock.advance(Duration.ofSeconds(61));
        manager.resolve(second, GetSessionOptions.DEFAULT);                        // refresh
        clock.advance(Duration.ofSeconds(60));                                     // 121 s: not fresh, refreshed again
        assertThatThrownBy(() -> api.sessions().listSessions(second, GetSessionOptions.DEFAULT)).isInstanceOf(AuthException.class);
        api.sessions().revokeOtherSessions(second);                                           // revokes the first
        RequestCookies third = signIn("log@example.com", "test123456");
        tokens.add(manager.cookies().sessionToken(third).orElseThrow());
        clock.advance(Duration.ofSeconds(601));
        manager.resolve(third, new GetSessionOptions(false, false, true));         // expired
        manager.signOut(second);                                                   // revoked by sign-out

        assertThat(kinds()).containsExactly("CREATED:sign-up", "FAILED:INVALID_EMAIL_OR_PASSWORD",
                "FAILED:INVALID_EMAIL_OR_PASSWORD", "CREATED:sign-in", "SUCCEEDED:null", "REFRESHED:refresh",
                "REFRESHED:refresh", "FRESH_CHECK_FAILED:fresh-age", "REVOKED:revoke-other-sessions", "CREATED:sign-in", "SUCCEEDED:null",
                "EXPIRED:expired", "REVOKED:sign-out");
        SignInEvent unknown = (SignInEvent) events.get(2);
        assertThat(unknown.userId()).isNull();
        assertThat(unknown.email()).isEqualTo("nobody@example.com");
        assertThat(unknown.ipAddress()).isEqualTo("203.0.113.9");

        String secondId = sessions.listByUser(users.findByEmail("log@example.com").orElseThrow().id()).stream()
                .findFirst().map(Session::id).orElse(null);
        String joined = String.join("\n", log);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("sign-in FAILED code=INVALID_EMAIL_OR_PASSWORD"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("session REFRESHED reason=refresh session="));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("session FRESH_CHECK_FAILED"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("session EXPIRED"));
        for (String token : tokens) {
            assertThat(joined).doesNotContain(token);
        }
        assertThat(joined).doesNotContain("nobody@example.com").doesNotContain("wrong-password");
        // sessions appear as 16 hex digits of a keyed hash, never by their id
        for (Object e : events) {
            if (e instanceof SessionEvent s) {
                assertThat(joined).doesNotContain(s.session().id());
            }
        }
        assertThat(log).filteredOn(l -> l.contains(" session="))
                .allSatisfy(l -> assertThat(l).containsPattern(" session=([0-9a-f]{16}|-)( |$|\\R)"));
        assertThat(secondId).isNull(); // every session ended: the user has none left
    }

    @Test
    void theSessionHash_isStablePerSecret_andDiffersUnderAnotherSecret() {
        AuditLog one = new AuditLog(AuthEvents.NONE, SessionManagerTest.SECRET);
        AuditLog again = new AuditLog(AuthEvents.NONE, SessionManagerTest.SECRET);
        AuditLog other = new AuditLog(AuthEvents.NONE, SessionManagerTest.SECRET + "-rotated");
        assertThat(one.sessionRef("session-id-1")).isEqualTo(again.sessionRef("session-id-1")).hasSize(16)
                .isNotEqualTo(one.sessionRef("session-id-2")).isNotEqualTo(other.sessionRef("session-id-1"));
    }
}
