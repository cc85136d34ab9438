package io.betterauth.jakarta.store.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import io.betterauth.jakarta.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a secondary-storage value is read: as Better Auth 1.7.25's {@code findSession} reads it ({@code safeJSONParse},
 * whose reviver is {@code JsDates.revive}, then {@code new Date(member)}, {@code JsDates.newDate}). Until this codec
 * used {@code core.js}, it had a date rule of its own ({@code Instant.parse} behind the reviver's pattern, or an
 * integral number), which differed from Better Auth where V8 and {@code java.time} disagree; each case below is one
 * of those, pinned to what Node answers.
 */
class SessionValueCodecTest {

    static final Instant NOW = Instant.parse("2030-01-01T10:20:30.456Z");
    static final String TOKEN = "tokenTOKENtokenTOKENtokenTOKEN12";

    final MutableClock clock = new MutableClock(NOW);
    final InMemorySecondaryStorage memory = new InMemorySecondaryStorage(clock);
    final InMemoryUserStore users = new InMemoryUserStore();
    final SecondaryStorageSessionStore store = new SecondaryStorageSessionStore(memory, users, clock);
    final SessionValueCodec codec = new SessionValueCodec();

    /** A value as a Node Better Auth writes it, with these three session dates (JSON text). */
    static String value(String expiresAt, String createdAt, String updatedAt) {
        return "{\"session\":{\"id\":\"s1\",\"token\":\"" + TOKEN + "\",\"userId\":\"u1\",\"expiresAt\":" + expiresAt
                + ",\"createdAt\":" + createdAt + ",\"updatedAt\":" + updatedAt + ",\"ipAddress\":null,"
                + "\"userAgent\":null,\"lastSeen\":\"2030-01-01T10:20:30Z\"},\"user\":{\"id\":\"u1\",\"name\":\"U\","
                + "\"email\":\"u@example.com\",\"emailVerified\":false,\"image\":null,"
                + "\"createdAt\":\"2030-01-01T10:20:30Z\",\"updatedAt\":\"2030-01-01T10:20:30.456Z\"}}";
    }

    Optional<Session> read(String value) {
        return codec.read(value, TOKEN).map(StoredSession::session);
    }

    /**
     * The admin plugin's columns (issue 19) travel as any additional field: in Better Auth's member order, after the
     * core members and before {@code id}, and back with their types (the ban's expiry a date again, null kept).
     */
    @Test
    void theAdminPluginsFields_roundTrip_inBetterAuthsOrder() {
        Map<String, Object> ban = new java.util.LinkedHashMap<>();
        ban.put("role", "user");
        ban.put("banned", true);
        ban.put("banReason", null);
        ban.put("banExpires", NOW.plusSeconds(60));
        User user = new User("user-1", "A", "a@example.com", false, null, NOW, NOW, ban);
        Map<String, Object> imp = new java.util.LinkedHashMap<>();
        imp.put("impersonatedBy", "admin-1");
        Session session = new Session("session-1", TOKEN, "user-1", NOW.plusSeconds(3600), NOW, NOW, "", "", imp);
        String value = codec.write(session, user);
        assertThat(value).contains("\"userId\":\"user-1\",\"impersonatedBy\":\"admin-1\",\"id\":\"session-1\"")
                .contains("\"updatedAt\":\"2030-01-01T10:20:30.456Z\",\"role\":\"user\",\"banned\":true,"
                        + "\"banReason\":null,\"banExpires\":\"2030-01-01T10:21:30.456Z\",\"id\":\"user-1\"");
        StoredSession read = codec.read(value, TOKEN).orElseThrow();
        assertThat(read.user().additional()).isEqualTo(ban);
        assertThat(read.session().additional()).isEqualTo(imp);
    }

    @Test
    void aDayV8RollsIntoTheNextMonth_isADate_asBetterAuthReadsIt() {
        // new Date("2030-02-30T10:20:30.456Z") is 2030-03-02: Better Auth reads a live session. The old rule
        // (Instant.parse) refused February 30, so the Redis store answered no session where Better Auth had one.
        Optional<Session> s = read(value("\"2030-02-30T10:20:30.456Z\"", "\"2030-01-01T10:20:30.456Z\"",
                "\"2030-01-01T10:20:30.456Z\""));
        assertThat(s).map(Session::expiresAt).contains(Instant.parse("2030-03-02T10:20:30.456Z"));
    }

    @Test
    void aLeapSecond_isAnInvalidDateInJavaScript_soNoSession() {
        // V8 refuses second 60 (the reviver leaves the string, new Date() of it is an Invalid Date); the old rule
        // read it as 23:59:59 and answered a session Better Auth holds with an Invalid Date.
        assertThat(read(value("\"2030-01-08T10:20:30.456Z\"", "\"2029-12-31T23:59:60Z\"",
                "\"2030-01-01T10:20:30.456Z\""))).isEmpty();
    }

    @Test
    void aMillisecondNumber_isNewDateOfTheNumberJavaScriptHolds() {
        // exponent form and a fraction: JavaScript numbers that new Date() reads (the old rule wanted integer text)
        Optional<Session> s = read(value("1.8940284e12", "1893493230456.9", "\"2030-01-01T10:20:30.456Z\""));
        assertThat(s).map(Session::expiresAt).contains(Instant.ofEpochMilli(1_894_028_400_000L));
        assertThat(s).map(Session::createdAt).contains(NOW);
        // beyond a Date's range: an Invalid Date (the old rule read any long)
        assertThat(read(value("8640000000000001", "\"2030-01-01T10:20:30.456Z\"", "\"2030-01-01T10:20:30.456Z\"")))
                .isEmpty();
    }

    @Test
    void aRewrite_writesRevivedDatesBackAsBetterAuthDoes_inToIsoStringForm() {
        String stored = value("\"2030-01-08T10:20:30.456Z\"", "\"2030-01-01T10:20:30.456Z\"",
                "\"2030-01-01T10:20:30.456Z\"");
        memory.set(TOKEN, stored, Duration.ofDays(7));
        store.updateExpiry(TOKEN, NOW.plus(Duration.ofDays(8)), NOW.plusSeconds(60));
        // Better Auth's updateSession stringifies what safeJSONParse revived: every ISO date member, modelled or not
        assertThat(memory.get(TOKEN)).contains(value("\"2030-01-09T10:20:30.456Z\"", "\"2030-01-01T10:20:30.456Z\"",
                "\"2030-01-01T10:21:30.456Z\"").replace("\"2030-01-01T10:20:30Z\"", "\"2030-01-01T10:20:30.000Z\""));
    }

    @Test
    void theRevocationMarker_isJavaScriptsNumberOfTheString() {
        assertThat(SessionValueCodec.revokedBefore(Optional.empty())).isZero();
        assertThat(SessionValueCodec.revokedBefore(Optional.of(" 1893493230456 "))).isEqualTo(1893493230456d);
        assertThat(SessionValueCodec.revokedBefore(Optional.of("0x10"))).isEqualTo(16d);
        // Double.parseDouble reads "…d" as a number; Number("…d") is NaN, before which nothing was created
        assertThat(SessionValueCodec.revokedBefore(Optional.of("1893493230456d"))).isNaN();
        assertThat(SessionValueCodec.revokedBeforeValue(5, Optional.of("garbage"))).isEqualTo("5");
        assertThat(SessionValueCodec.revokedBeforeValue(5, Optional.of("7"))).isEqualTo("7");
    }

    @Test
    void aListEntry_readsItsExpiryAsJavaScriptHoldsIt() {
        assertThat(codec.readList("[{\"token\":\"a\",\"expiresAt\":1.8940284e12},{\"token\":\"b\",\"expiresAt\":1e400},"
                + "{\"token\":\"c\",\"expiresAt\":\"soon\"}]"))
                .containsExactly(new ActiveSession("a", 1_894_028_400_000L));
    }
}
