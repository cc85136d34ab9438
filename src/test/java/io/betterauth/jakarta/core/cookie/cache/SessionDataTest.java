package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.NOW;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.T0;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.trickyData;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.v2Data;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cached payload's canonical writer and its tolerant, zod-equivalent reader (spec §3.1, §3.2). */
class SessionDataTest {

    private static final String SESSION = "\"session\":{\"id\":\"s1\",\"token\":\"tok\",\"userId\":\"u1\","
            + "\"expiresAt\":\"2030-01-08T00:00:00.000Z\",\"createdAt\":\"2030-01-01T00:00:00.000Z\","
            + "\"updatedAt\":\"2030-01-01T00:00:00.000Z\",\"ipAddress\":\"127.0.0.1\",\"userAgent\":null}";
    private static final String USER = "\"user\":{\"id\":\"u1\",\"name\":\"N\",\"email\":\"n@example.com\","
            + "\"emailVerified\":false,\"image\":null,\"createdAt\":\"2030-01-01T00:00:00.000Z\","
            + "\"updatedAt\":\"2030-01-01T00:00:00.000Z\"}";

    private static Optional<SessionData> read(String json) {
        return SessionData.parse(json, NOW);
    }

    private static String payload(String session, String user, String rest) {
        return "{" + session + "," + user + rest + "}";
    }

    private static String withUser(String member, String replacement) {
        return payload(SESSION, USER.replace(member, replacement), ",\"updatedAt\":1,\"version\":\"1\"");
    }

    private static String withSession(String member, String replacement) {
        return payload(SESSION.replace(member, replacement), USER, ",\"updatedAt\":1,\"version\":\"1\"");
    }

    /** The admin plugin's columns (issue 19) ride in the cookie cache as any additional field, types kept. */
    @Test
    void theAdminPluginsFields_roundTrip_throughTheCachedPayload() {
        java.util.Map<String, Object> ban = new java.util.LinkedHashMap<>();
        ban.put("role", "admin,user");
        ban.put("banned", false);
        ban.put("banReason", null);
        ban.put("banExpires", Instant.parse("2030-02-01T00:00:00.123Z"));
        User user = new User("u1", "N", "n@example.com", false, null, T0, T0, ban);
        Session session = new Session("s1", "tok", "u1", T0.plusSeconds(604800), T0, T0, "", "",
                java.util.Map.of("impersonatedBy", "admin-1"));
        SessionData data = SessionData.of(new io.betterauth.jakarta.api.SessionAndUser(session, user), NOW, "1");
        SessionData read = read(data.toJsonString()).orElseThrow();
        assertThat(read.user().additional()).isEqualTo(ban);
        assertThat(read.session().additional()).containsEntry("impersonatedBy", "admin-1");
        assertThat(data.toJsonString()).contains("\"role\":\"admin,user\",\"banned\":false,\"banReason\":null,"
                + "\"banExpires\":\"2030-02-01T00:00:00.123Z\",\"id\":\"u1\"");
    }

    @Test
    void writer_usesTheSessionAndUserMemberOrders_thenUpdatedAtAndVersion() {
        assertThat(v2Data().toJsonString()).isEqualTo("{\"session\":{\"expiresAt\":\"2030-01-08T00:00:00.000Z\","
                + "\"token\":\"AbCdEfGhIjKlMnOpQrStUvWxYz012345\",\"createdAt\":\"2030-01-01T00:00:00.000Z\","
                + "\"updatedAt\":\"2030-01-01T00:00:00.000Z\",\"ipAddress\":\"\",\"userAgent\":\"\","
                + "\"userId\":\"UsErId0123456789UsErId0123456789\",\"id\":\"SeSsId0123456789SeSsId0123456789\"},"
                + "\"user\":{\"name\":\"Test\",\"email\":\"test@example.com\",\"emailVerified\":false,\"image\":null,"
                + "\"createdAt\":\"2030-01-01T00:00:00.000Z\",\"updatedAt\":\"2030-01-01T00:00:00.000Z\","
                + "\"id\":\"UsErId0123456789UsErId0123456789\"},\"updatedAt\":1893456000000,\"version\":\"1\"}");
        assertThat(SessionData.of(v2Data().sessionAndUser(), NOW, null).version()).isEqualTo("1");
    }

    @Test
    void reader_roundTripsTheWriter_includingHostileStrings() {
        assertThat(read(trickyData().toJsonString())).contains(trickyData());
        assertThat(read(v2Data().toJsonString())).contains(v2Data());
    }

    @Test
    void reader_acceptsAnyMemberOrder_keepsSessionAndUserExtrasAsAdditionalFields_andDropsOtherMembers() {
        String json = "{\"version\":\"7\",\"extra\":{\"a\":[1,2]},\"updatedAt\":5,"
                + USER.replace("\"id\":\"u1\",", "\"role\":\"admin\",\"id\":\"u1\",") + ","
                + SESSION.replace("\"token\":\"tok\",", "\"token\":\"tok\",\"impersonatedBy\":null,") + "}";
        SessionData data = read(json).orElseThrow();
        java.util.Map<String, Object> impersonatedBy = new java.util.HashMap<>();
        impersonatedBy.put("impersonatedBy", null);
        assertThat(data.session()).isEqualTo(new Session("s1", "tok", "u1", Instant.parse("2030-01-08T00:00:00Z"),
                T0, T0, "127.0.0.1", null, impersonatedBy));
        assertThat(data.user()).isEqualTo(new User("u1", "N", "n@example.com", false, null, T0, T0,
                java.util.Map.of("role", "admin")));
        assertThat(data.updatedAt()).isEqualTo(5);
        assertThat(data.version()).isEqualTo("7");
    }

    @Test
    void reader_appliesZodDefaults() {
        String json = "{\"session\":{\"id\":\"s1\",\"token\":\"tok\",\"userId\":42,"
                + "\"expiresAt\":\"2030-01-08T00:00:00.000Z\"},\"user\":{\"id\":\"u1\",\"name\":\"N\","
                + "\"email\":\"MiXeD@Example.COM\"},\"updatedAt\":1}";
        SessionData data = read(json).orElseThrow();
        Instant now = Instant.ofEpochMilli(NOW);
        assertThat(data.session()).isEqualTo(new Session("s1", "tok", "42", Instant.parse("2030-01-08T00:00:00Z"),
                now, now, null, null));
        assertThat(data.user()).isEqualTo(new User("u1", "N", "mixed@example.com", false, null, now, now));
        assertThat(data.version()).isNull();
        assertThat(data.effectiveVersion()).isEqualTo("1");
        assertThat(read(json.replace("\"updatedAt\":1}", "\"updatedAt\":1,\"version\":\"\"}")).orElseThrow()
                .effectiveVersion()).isEqualTo("1");
    }

    @Test
    void reader_rejectsWhatTheSchemaRejects() {
        assertThat(read(withUser("\"emailVerified\":false", "\"emailVerified\":null"))).isEmpty();
        assertThat(read(withUser("\"emailVerified\":false", "\"emailVerified\":\"false\""))).isEmpty();
        assertThat(read(withUser("\"emailVerified\":false", "\"emailVerified\":0"))).isEmpty();
        assertThat(read(withUser("\"image\":null", "\"image\":5"))).isEmpty();
        assertThat(read(withUser("\"name\":\"N\",", ""))).isEmpty();
        assertThat(read(withUser("\"name\":\"N\"", "\"name\":null"))).isEmpty();
        assertThat(read(withUser("\"createdAt\":\"2030-01-01T00:00:00.000Z\"", "\"createdAt\":null"))).isEmpty();
        assertThat(read(withSession("\"expiresAt\":\"2030-01-08T00:00:00.000Z\",", ""))).isEmpty();
        assertThat(read(withSession("\"expiresAt\":\"2030-01-08T00:00:00.000Z\"", "\"expiresAt\":1893456000000")))
                .isEmpty();
        assertThat(read(withSession("\"token\":\"tok\",", ""))).isEmpty();
        assertThat(read(withSession("\"userId\":\"u1\",", ""))).isEmpty();
        assertThat(read(withSession("\"userId\":\"u1\"", "\"userId\":null"))).isEmpty();
        assertThat(read(withSession("\"ipAddress\":\"127.0.0.1\"", "\"ipAddress\":[]"))).isEmpty();
        assertThat(read(payload(SESSION, USER, ",\"updatedAt\":\"1\",\"version\":\"1\""))).isEmpty();
        assertThat(read(payload(SESSION, USER, ",\"version\":\"1\""))).isEmpty();
        assertThat(read(payload(SESSION, USER, ",\"updatedAt\":1,\"version\":1"))).isEmpty();
        assertThat(read(payload(SESSION, USER, ",\"updatedAt\":1,\"version\":null"))).isEmpty();
        assertThat(read("{" + SESSION + ",\"updatedAt\":1}")).isEmpty();
        assertThat(read("{\"session\":[]," + USER + ",\"updatedAt\":1}")).isEmpty();
        assertThat(read(payload(SESSION, USER, ",\"updatedAt\":1e999,\"version\":\"1\""))).isEmpty(); // Infinity
        for (String garbage : new String[] {"", "{", "null", "[]", "\"x\"", "{}", "{} x", "1",
                "{\"updatedAt\":1e9999999999}"}) {
            assertThat(read(garbage)).as(garbage).isEmpty();
        }
        assertThat(SessionData.parse(null, NOW)).isEmpty();
    }

    @Test
    void reader_revivesDatesAsBetterAuthDoes() {
        // Only the regex form revives; V8's calendar rules decide validity.
        assertThat(read(withSession("2030-01-08T00:00:00.000Z", "2030-01-08T00:00:00Z")).orElseThrow()
                .session().expiresAt()).isEqualTo(Instant.parse("2030-01-08T00:00:00Z"));
        assertThat(read(withSession("2030-01-08T00:00:00.000Z", "2030-01-08T00:00:00.123456Z")).orElseThrow()
                .session().expiresAt()).isEqualTo(Instant.parse("2030-01-08T00:00:00.123Z"));
        assertThat(read(withSession("2030-01-08T00:00:00.000Z", "2030-02-30T00:00:00.000Z")).orElseThrow()
                .session().expiresAt()).isEqualTo(Instant.parse("2030-03-02T00:00:00Z"));
        assertThat(read(withSession("2030-01-08T00:00:00.000Z", "2030-01-07T24:00:00.000Z")).orElseThrow()
                .session().expiresAt()).isEqualTo(Instant.parse("2030-01-08T00:00:00Z"));
        for (String notADate : new String[] {"2030-01-08T00:00:00.000+00:00", "2030-13-01T00:00:00Z",
                "2030-01-32T00:00:00Z", "2030-01-07T24:00:00.001Z", "2030-01-08T23:60:00Z", "2030-01-08",
                "2030-01-08T00:00:00.Z", "2030-01-08T00:00:00.000Z\n"}) {
            assertThat(read(withSession("2030-01-08T00:00:00.000Z", notADate))).as(notADate).isEmpty();
        }
        // A string member that looks like a date is revived into a Date, which z.string() then rejects — in Node
        // too, so a user named like a timestamp makes the cache unreadable and the database answers instead.
        assertThat(read(withUser("\"name\":\"N\"", "\"name\":\"2030-01-01T00:00:00.000Z\""))).isEmpty();
        assertThat(read(withUser("\"name\":\"N\"", "\"name\":\"2030-01-01T00:00:00.000+00:00\""))).isPresent();
    }

    @Test
    void additionalDateFields_areRevivedAsBetterAuthDoes_soAReissuedCacheDoesNotDrift() { // fuzzing finding
        String json = "{\"session\":{\"id\":\"s\",\"token\":\"t\",\"userId\":\"u\","
                + "\"expiresAt\":\"2030-01-08T00:00:00.000Z\",\"seen\":\"2030-01-01T00:00:00.0405Z\","
                + "\"feb30\":\"2030-02-30T00:00:00Z\",\"notADate\":\"2030-13-01T00:00:00Z\"},"
                + "\"user\":{\"id\":\"u\",\"name\":\"n\",\"email\":\"e@x.io\"},\"updatedAt\":1}";
        SessionData read = SessionData.parse(json, NOW).orElseThrow();
        // Millisecond precision and V8's day overflow, like reviveDate; not a date at all stays a string.
        assertThat(read.session().additional()).containsEntry("seen", Instant.parse("2030-01-01T00:00:00.040Z"))
                .containsEntry("feb30", Instant.parse("2030-03-02T00:00:00Z"))
                .containsEntry("notADate", "2030-13-01T00:00:00Z");
        assertThat(SessionData.parse(read.toJsonString(), NOW)).contains(read);
    }

    @Test
    void additionalIntegersBeyondTheLongRange_stayTheNumberTheyWere() { // fuzzing finding: longValue() wrapped
        String json = "{\"session\":{\"id\":\"s\",\"token\":\"t\",\"userId\":\"u\","
                + "\"expiresAt\":\"2030-01-08T00:00:00.000Z\",\"big\":100000000000000000000,"
                + "\"max\":9223372036854775807,\"one\":1.0,\"hundred\":1e2,\"zero\":-0.0,\"half\":0.5,\"e18\":1e18,\"inf\":1e400},\"user\":{\"id\":\"u\",\"name\":\"n\",\"email\":\"e@x.io\"},"
                + "\"updatedAt\":1}";
        SessionData read = SessionData.parse(json, NOW).orElseThrow();
        assertThat(read.session().additional()).containsEntry("big", 1e20).containsEntry("max", Long.MAX_VALUE)
                .containsEntry("one", 1L).containsEntry("hundred", 100L).containsEntry("zero", 0L)
                .containsEntry("half", 0.5).containsEntry("e18", 1_000_000_000_000_000_000L).containsEntry("inf", null);
        assertThat(SessionData.parse(read.toJsonString(), NOW)).contains(read);
    }
}
