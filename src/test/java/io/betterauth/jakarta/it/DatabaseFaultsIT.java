package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static io.betterauth.jakarta.it.Http.setCookies;
import static io.betterauth.jakarta.it.SessionLifecycleIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.store.redis.TcpProxy;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults with the library's sessions in PostgreSQL (database {@code ba_faults}, through {@code
 * better-auth.database.url}), reached through a loopback TCP proxy the test stops and starts under the running
 * server: the database going away, and N requests of one session at the refresh boundary (T-16).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseFaultsIT {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/ba_faults?user=postgres";
    static final TcpProxy PROXY = new TcpProxy("127.0.0.1", 5432, 19010);
    static final long EXPIRES_IN = 3600;
    static final long UPDATE_AGE = 600;
    static final String UNAVAILABLE = "{\"message\":\"Service unavailable\",\"code\":\"SERVICE_UNAVAILABLE\"}";
    /** Generous: the library bounds a dead database at a few seconds (pool wait, connect/login/socket timeouts). */
    static final long BOUND_MILLIS = 10_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        try {
            freshDatabase();
            PROXY.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for DatabaseFaultsIT", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("better-auth.secret", Deployments.SECRET);
        config.put("better-auth.url", "http://localhost:8080");
        config.put("better-auth.database.url", "jdbc:postgresql://127.0.0.1:" + PROXY.port() + "/ba_faults?user=postgres");
        config.put("better-auth.session.expires-in", Long.toString(EXPIRES_IN));
        config.put("better-auth.session.update-age", Long.toString(UPDATE_AGE));
        config.put("better-auth.session.cookie-cache.enabled", "true");
        config.put("better-auth.purge.enabled", "false");
        return Deployments.war("faults", config).addAsLibraries(Maven.resolver()
                .resolve("org.postgresql:postgresql:" + System.getProperty("postgresql.version", "42.7.14"))
                .withoutTransitivity().asFile());
    }

    /** {@code ba_faults} created if missing, without Better Auth's tables (the library creates them at deployment). */
    static void freshDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = 'ba_faults'")) {
                if (!rs.next()) {
                    st.execute("create database ba_faults");
                }
            }
        }
        try (Connection c = DriverManager.getConnection(DB_URL); Statement st = c.createStatement()) {
            st.execute("drop table if exists \"session\", \"account\", \"verification\", \"user\", session_update_log cascade");
        }
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @ArquillianResource
    URL url;

    String signUp(Http http, String email) throws Exception {
        HttpResponse<String> r = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"F\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return String.join("; ", setCookies(r).stream().map(l -> l.split(";", 2)[0]).toList());
    }

    static String tokenCookie(String cookies) {
        return java.util.Arrays.stream(cookies.split("; ")).filter(c -> c.startsWith("better-auth.session_token="))
                .findFirst().orElseThrow();
    }

    static String token(String cookies) {
        String value = tokenCookie(cookies).substring("better-auth.session_token=".length());
        return URLDecoder.decode(value, StandardCharsets.UTF_8).split("\\.")[0];
    }

    /** The call's answer, failing the test when it took longer than the bound. */
    static HttpResponse<String> bounded(Callable<HttpResponse<String>> call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = call.call();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(millis).as("answered in %d ms: %s", millis, r.uri()).isLessThan(BOUND_MILLIS);
        return r;
    }

    static void isUnavailable(HttpResponse<String> r, boolean jsonBody) {
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(503);
        if (jsonBody) {
            assertThat(r.body()).as(r.uri().toString()).isEqualTo(UNAVAILABLE);
        }
        // Nobody is signed out because the database was down: no cookie is cleared (or set).
        assertThat(setCookies(r)).as(r.uri().toString()).isEmpty();
    }

    @Test
    void databaseDown_is503InBetterAuthsShape_withinTheBound_signsNobodyOut_andRecoversWithoutARestart()
            throws Exception {
        Http http = new Http(url);
        String email = "down-" + System.nanoTime() + "@example.com";
        String phone = signUp(http, email);        // session_token + session_data (the cookie cache is on)
        String phoneToken = tokenCookie(phone);    // the token alone: requests that must read the database
        HttpResponse<String> laptopSignIn = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        String laptop = cookiePair(laptopSignIn, "better-auth.session_token");

        PROXY.stop();
        try {
            isUnavailable(bounded(() -> http.get("/api/auth/get-session", phoneToken)), true);
            isUnavailable(bounded(() -> http.get("/api/auth/get-session?disableCookieCache=true", phone)), true);
            isUnavailable(bounded(() -> http.postJson("/api/auth/sign-in/email",
                    "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null)), true);
            isUnavailable(bounded(() -> http.get("/api/auth/list-sessions", phoneToken)), true);
            isUnavailable(bounded(() -> http.postJson("/api/auth/revoke-session",
                    "{\"token\":\"" + token(laptop) + "\"}", phoneToken)), true);
            isUnavailable(bounded(() -> http.postJson("/api/auth/revoke-sessions", "{}", phoneToken)), true);
            // Resources that need a session: a security constraint (the mechanism), RequireSessionFilter and
            // @RequireSession — 503, not 401 (which would send the user to sign in again).
            isUnavailable(bounded(() -> http.get("/protected/whoami", phoneToken)), !Deployments.onTomcat());
            isUnavailable(bounded(() -> http.get("/guarded/whoami", phoneToken)), true);
            isUnavailable(bounded(() -> http.get("/api/guarded", phoneToken)), true);

            // The cookie cache keeps answering get-session from the cookie while the database is down.
            HttpResponse<String> cached = bounded(() -> http.get("/api/auth/get-session", phone));
            assertThat(cached.statusCode()).isEqualTo(200);
            assertThat(json(cached).getJsonObject("user").getString("email")).isEqualTo(email);
        } finally {
            PROXY.start();
        }

        // Back, same server, same cookies: nothing was lost, nothing half-written.
        HttpResponse<String> session = http.get("/api/auth/get-session", phoneToken);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(json(session).getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(http.get("/protected/whoami", phoneToken).statusCode()).isEqualTo(200);
        assertThat(http.get("/guarded/whoami", laptop).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/auth/list-sessions", phoneToken).body())
                .contains(token(phone)).contains(token(laptop));
        assertThat(sessionRows(email)).isEqualTo(2); // the sign-in attempted during the outage left no row
        HttpResponse<String> again = http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(http.postJson("/api/auth/revoke-session", "{\"token\":\"" + token(laptop) + "\"}", phoneToken)
                .body()).isEqualTo("{\"status\":true}");
        assertThat(http.get("/api/auth/get-session", laptop).body()).isEqualTo("null");
    }

    /**
     * The database's connections killed under the running server ({@code pg_terminate_backend}, as a restart or an
     * administrator would) while the library's pool holds them idle, perhaps given back less than its validation
     * window ago and so handed out unchecked: at most one request fails (503, nobody signed out), never a 500, and
     * the requests after it succeed. Once on get-session's own statement, once on the entity managers' path.
     */
    @Test
    void connectionsKilledUnderTheServer_failAtMostOneRequest_andNoneIsA500() throws Exception {
        Http http = new Http(url);
        String email = "killed-" + System.nanoTime() + "@example.com";
        String cookie = tokenCookie(signUp(http, email)); // the token alone: every request reads the database
        for (String path : List.of("/api/auth/get-session", "/api/auth/list-sessions")) {
            assertThat(http.get(path, cookie).statusCode()).isEqualTo(200);
            killConnections();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(http.get(path, cookie));
            }
            List<HttpResponse<String>> failed = answers.stream().filter(r -> r.statusCode() != 200).toList();
            assertThat(failed).as(path).hasSizeLessThanOrEqualTo(1);
            failed.forEach(r -> isUnavailable(r, true));
            assertThat(answers.get(answers.size() - 1).body()).as(path).contains(token(cookie));
        }
    }

    /** Terminates every connection to {@code ba_faults}, and waits (up to 5 s each) until they are gone. */
    static void killConnections() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select count(*) filter (where pg_terminate_backend(pid, 5000)) "
                     + "from pg_stat_activity where datname = 'ba_faults'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("connections killed").isPositive();
        }
    }

    /**
     * T-16 (better-auth#1372): N requests of one session at once, just past {@code updateAge}, half to get-session
     * and half to a protected servlet. All get the session, none clears a cookie, every refreshed answer carries
     * the same expiry, and PostgreSQL saw exactly one UPDATE of the row (counted by a trigger).
     */
    @Test
    void t16_concurrentRequestsAtTheRefreshBoundary_allSucceed_andTheRowIsUpdatedOnce() throws Exception {
        Http http = new Http(url);
        String email = "t16-" + System.nanoTime() + "@example.com";
        String cookie = tokenCookie(signUp(http, email));
        String token = token(cookie);
        countUpdates();
        // As if updateAge (plus 5 s) had passed since the session was last refreshed.
        Instant due = Instant.now().plusSeconds(EXPIRES_IN - UPDATE_AGE - 5);
        try (Connection c = DriverManager.getConnection(DB_URL);
             PreparedStatement st = c.prepareStatement("update \"session\" set \"expiresAt\" = ? where token = ?")) {
            st.setTimestamp(1, Timestamp.from(due));
            st.setString(2, token);
            assertThat(st.executeUpdate()).isEqualTo(1);
            c.createStatement().execute("truncate session_update_log");
        }

        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < n; i++) {
                String path = i % 2 == 0 ? "/api/auth/get-session" : "/protected/whoami";
                calls.add(pool.submit(() -> {
                    start.await();
                    return http.get(path, cookie);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> f : calls) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Instant stored = expiresAt(token);
        assertThat(stored).isAfter(due.plusSeconds(UPDATE_AGE)); // slid to about now + expiresIn
        List<String> tokenCookies = new ArrayList<>();
        for (HttpResponse<String> r : answers) {
            assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(200);
            assertThat(setCookies(r)).noneMatch(l -> l.contains("Max-Age=0"));
            if (r.uri().getPath().endsWith("/get-session")) {
                JsonObject body = json(r);
                assertThat(body.getJsonObject("user").getString("email")).isEqualTo(email);
                assertThat(Instant.parse(body.getJsonObject("session").getString("expiresAt"))).isEqualTo(stored);
            } else {
                assertThat(r.body()).contains(email);
            }
            setCookies(r).stream().filter(l -> l.startsWith("better-auth.session_token=")).forEach(tokenCookies::add);
        }
        // Every refreshed token cookie is the same line (same value, Max-Age = expiresIn).
        assertThat(tokenCookies).isNotEmpty().containsOnly(tokenCookies.get(0));
        assertThat(tokenCookies.get(0)).contains("; Max-Age=" + EXPIRES_IN + ";");
        assertThat(updatesOf(token)).isEqualTo(1);
    }

    /** Installs (once) a trigger that logs every UPDATE of a session row, so the test counts real writes. */
    static void countUpdates() throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL); Statement st = c.createStatement()) {
            st.execute("create table if not exists session_update_log (token text not null)");
            st.execute("create or replace function log_session_update() returns trigger language plpgsql as "
                    + "$$ begin insert into session_update_log values (new.token); return new; end $$");
            st.execute("drop trigger if exists session_update_log on \"session\"");
            st.execute("create trigger session_update_log after update on \"session\" for each row "
                    + "execute function log_session_update()");
        }
    }

    static int updatesOf(String token) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL);
             PreparedStatement st = c.prepareStatement("select count(*) from session_update_log where token = ?")) {
            st.setString(1, token);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static Instant expiresAt(String token) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL);
             PreparedStatement st = c.prepareStatement("select \"expiresAt\" from \"session\" where token = ?")) {
            st.setString(1, token);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    static int sessionRows(String email) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL);
             PreparedStatement st = c.prepareStatement("select count(*) from \"session\" s join \"user\" u "
                     + "on u.id = s.\"userId\" where u.email = ?")) {
            st.setString(1, email);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
