package io.betterauth.jakarta.core.cookie.cache;

import io.betterauth.jakarta.testing.CookieCacheFixtures;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.cookie.CookieChunks;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.testing.TestVectors;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.SECRET;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.cookiesFrom;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.treeOf;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.v2Data;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cookie-cache codecs against caches written by Better Auth 1.7.25 itself: the spec's vectors V2–V5, the
 * session_data cookies of {@code vectors-better-auth-1.7.25.json}, and {@code cookie-cache-better-auth-1.7.25.json}.
 *
 * <p>The last file was produced by {@code src/test/node/cookie-cache-vectors.mjs} (run it with
 * {@code node cookie-cache-vectors.mjs > ../resources/vectors/cookie-cache-better-auth-1.7.25.json} from
 * {@code src/test/node} with the pinned packages installed): the real {@code betterAuth()} with its memory adapter
 * and the cookie cache on, {@code Date}/{@code Date.now()} pinned to 2030-01-01T10:20:30.456Z, a user signed up
 * through {@code auth.api.signUpEmail} whose name and image contain quotes, backslashes, control characters, a lone
 * surrogate, U+2028/U+2029, non-ASCII and an emoji, for each strategy, plus a don't-remember sign-in, a 9000-character
 * image (chunked cache) and a JWT with a 16-character secret. Each case records the Set-Cookie lines and what Node
 * reads back (payload JSON, and for compact the signed string).
 */
class CookieCacheVectorsTest {

    private static final long V2_EXPIRES_AT = 1_893_456_300_000L;
    private static final String V2_SIGNED = "{\"session\":{\"expiresAt\":\"2030-01-08T00:00:00.000Z\",\"token\":"
            + "\"AbCdEfGhIjKlMnOpQrStUvWxYz012345\",\"createdAt\":\"2030-01-01T00:00:00.000Z\",\"updatedAt\":"
            + "\"2030-01-01T00:00:00.000Z\",\"ipAddress\":\"\",\"userAgent\":\"\",\"userId\":"
            + "\"UsErId0123456789UsErId0123456789\",\"id\":\"SeSsId0123456789SeSsId0123456789\"},\"user\":{\"name\":"
            + "\"Test\",\"email\":\"test@example.com\",\"emailVerified\":false,\"createdAt\":"
            + "\"2030-01-01T00:00:00.000Z\",\"updatedAt\":\"2030-01-01T00:00:00.000Z\",\"id\":"
            + "\"UsErId0123456789UsErId0123456789\",\"image\":null},\"updatedAt\":1893456000000,\"version\":\"1\","
            + "\"expiresAt\":1893456300000}";
    private static final String V2_SIGNATURE = "wOv94Rvfb2IlsAiP5BZFf_sU3aMmsnskkVBTw4lBhD8";
    private static final String V2_VALUE = "eyJzZXNzaW9uIjp7InNlc3Npb24iOnsiZXhwaXJlc0F0IjoiMjAzMC0wMS0wOFQwMDowMDowMC4wMDBaIiwidG9rZW4iOiJBYkNkRWZHaElqS2xNbk9wUXJTdFV2V3hZejAxMjM0NSIsImNyZWF0ZWRBdCI6IjIwMzAtMDEtMDFUMDA6MDA6MDAuMDAwWiIsInVwZGF0ZWRBdCI6IjIwMzAtMDEtMDFUMDA6MDA6MDAuMDAwWiIsImlwQWRkcmVzcyI6IiIsInVzZXJBZ2VudCI6IiIsInVzZXJJZCI6IlVzRXJJZDAxMjM0NTY3ODlVc0VySWQwMTIzNDU2Nzg5IiwiaWQiOiJTZVNzSWQwMTIzNDU2Nzg5U2VTc0lkMDEyMzQ1Njc4OSJ9LCJ1c2VyIjp7Im5hbWUiOiJUZXN0IiwiZW1haWwiOiJ0ZXN0QGV4YW1wbGUuY29tIiwiZW1haWxWZXJpZmllZCI6ZmFsc2UsImNyZWF0ZWRBdCI6IjIwMzAtMDEtMDFUMDA6MDA6MDAuMDAwWiIsInVwZGF0ZWRBdCI6IjIwMzAtMDEtMDFUMDA6MDA6MDAuMDAwWiIsImlkIjoiVXNFcklkMDEyMzQ1Njc4OVVzRXJJZDAxMjM0NTY3ODkiLCJpbWFnZSI6bnVsbH0sInVwZGF0ZWRBdCI6MTg5MzQ1NjAwMDAwMCwidmVyc2lvbiI6IjEifSwiZXhwaXJlc0F0IjoxODkzNDU2MzAwMDAwLCJzaWduYXR1cmUiOiJ3T3Y5NFJ2ZmIySWxzQWlQNUJaRmZfc1UzYU1tc25za2tWQlR3NGxCaEQ4In0";
    private static final String V4_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzZXNzaW9uIjp7ImV4cGlyZXNBdCI6IjIwMzAtMDEtMDhUMDA6MDA6MDAuMDAwWiIsInRva2VuIjoiQWJDZEVmR2hJaktsTW5PcFFyU3RVdld4WXowMTIzNDUiLCJjcmVhdGVkQXQiOiIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJ1cGRhdGVkQXQiOiIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJpcEFkZHJlc3MiOiIiLCJ1c2VyQWdlbnQiOiIiLCJ1c2VySWQiOiJVc0VySWQwMTIzNDU2Nzg5VXNFcklkMDEyMzQ1Njc4OSIsImlkIjoiU2VTc0lkMDEyMzQ1Njc4OVNlU3NJZDAxMjM0NTY3ODkifSwidXNlciI6eyJuYW1lIjoiVGVzdCIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSIsImVtYWlsVmVyaWZpZWQiOmZhbHNlLCJjcmVhdGVkQXQiOiIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJ1cGRhdGVkQXQiOiIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJpZCI6IlVzRXJJZDAxMjM0NTY3ODlVc0VySWQwMTIzNDU2Nzg5IiwiaW1hZ2UiOm51bGx9LCJ1cGRhdGVkQXQiOjE4OTM0NTYwMDAwMDAsInZlcnNpb24iOiIxIiwiaWF0IjoxODkzNDU2MDAwLCJleHAiOjE4OTM0NTYzMDB9.saY5tACqbnWjRpzA2G7soln4RO52_AxI0mBN32qyeBk";
    private static final String V5_TOKEN = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwia2lkIjoiOUZ4QUt0M2hTSXd1QXd2cHVVWDBUaDFZa2Y4bENaSDdFNFBaa2d4ckpXMCJ9..NGrV6ShouSSXwohYg9zKjA.eKqOLSJ1es6al4mjDobVk06Dp7aCo3HmyUeFNaKd6l95VyWyW4ANdJqgBSodIjW5u5KYKcwd8bTmTOBMS-ag9FO_0uJDgWtMAxccpG_qXk2acH_6yvLYctzHmmaIaj827i3XlFsq5JedAV1OXDhhro24gDhFp4SIXIaLbGoYDfmU7_0b63ZZGW-iAzeQKSl5FiNVK-_mQx5d4z_TLpB-DgdgEG-6GBY9esVGnE2EtBS68ocmJqSAqIRb9lVM7vmnqWQJJuNeYEWU9tV4tuqNSYYjibAbezC_FSoldd_PD3nDrJk1WPr_n_ytJqKh2Y8AWO41mrUxTJv87etg9GyVC_smAtCMeFGO-yJNfc9QCgCPSEfmVvEbeOfsZoIN1IeOia_3n5NsvNkwhPhW3qIfvadxRJdyallfRro8rx-ViFE5vXxh2o1eQWVT5zln6didi3Z7vCqIVN8KEClZc5daK5ulMz0Wqrm5y16EVPn3RE8jugwMaesMoPaZIKK-r5s_L0rPRy4-2eJc8F_4rei6Yoq3pcHiB_5hzrBLh8HFCq8W-m9KtEhbYY403TEbciiy-v7ywI9DoXeWQXvPBSrN4B2_miKVz3qlVIAksskN1ekrHMtSL15h6TTylOoHhyNzoJnEHk3F1nFOczjD-j1TTKqzVObFCAPrSCx5QMW_jjv4MUEgStVFHTp3J6KcSLwM2_YjFbgjqB3LJDso1bhyBGkVDGcORG5Pu1k50yPrxDVVfEspCq-WRwwHmKqvqeI8Kg3ZlQzStcLDMQfvcdUEJi7WSybhegX7JejMk6Slcw1KU6nYcVftZ8_8kHJnUucK.dYyH9s4vsF6GrfJu4-1qWzfqePGiE6-omR1yZpzF1is";

    private static final long V2_NOW = 1_893_456_000_000L;
    private final SecretRing ring = SecretRing.single(SECRET);

    /** V2's sessionData in the member order the spec's Node run emitted ({@code image} last in the user). */
    private static Map<String, Object> v2Json() {
        Map<String, Object> json = v2Data().toJson();
        @SuppressWarnings("unchecked")
        Map<String, Object> user = new LinkedHashMap<>((Map<String, Object>) json.get("user"));
        user.remove("image");
        user.put("image", null);
        json.put("user", user);
        return json;
    }

    @Test
    void v2_compact_isReproducedByteForByte_andDecodesUntil2030_01_08() {
        Map<String, Object> json = v2Json();
        assertThat(CompactCookieCacheCodec.signedText(json, V2_EXPIRES_AT)).isEqualTo(V2_SIGNED);
        CookieCacheCodec codec = CookieCacheCodec.create(CookieCacheStrategy.COMPACT, ring);
        String value = codec.encodeJson(json, V2_NOW, 300);
        assertThat(value).isEqualTo(V2_VALUE);
        String outer = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        assertThat(outer).endsWith(",\"signature\":\"" + V2_SIGNATURE + "\"}");

        DecodedCache decoded = codec.decode(V2_VALUE, V2_NOW + 1000).orElseThrow();
        assertThat(decoded.data()).isEqualTo(v2Data());
        assertThat(decoded.expiresAtMs()).isEqualTo(V2_EXPIRES_AT);
        assertThat(decoded.currentSecret()).isTrue();
        assertThat(codec.decode(V2_VALUE, V2_EXPIRES_AT)).isPresent();            // expiresAt >= now
        assertThat(codec.decode(V2_VALUE, V2_EXPIRES_AT + 1)).isEmpty();          // cache expired
    }

    @Test
    void v3_hkdfKeysAndKids_forBothSalts() {
        CookieEncryptionKey session = CookieEncryptionKey.derive(SECRET, CookieEncryptionKey.SESSION_SALT);
        assertThat(HexFormat.of().formatHex(session.bytes())).isEqualTo("c748568c43011c3d25fc1be347111a2e32fe3a4f61dd"
                + "b25ced6152f2772ac7db13945cad5e77f2fc181ccff7d274f0961be7c424c71d6378426da892bb03b668");
        assertThat(session.kid()).isEqualTo("9FxAKt3hSIwuAwvpuUX0Th1Ykf8lCZH7E4PZkgxrJW0");
        CookieEncryptionKey account = CookieEncryptionKey.derive(SECRET, CookieEncryptionKey.ACCOUNT_SALT);
        assertThat(HexFormat.of().formatHex(account.bytes())).isEqualTo("f4d8fea67ad1c8b4dd37ea97bf73157eda26ba063c90"
                + "73b6b6c324b12e324f486a45be04f4eb94c3b57e0ed323a5793a55d90e8abeadb2eafa2c868f2f083710");
        assertThat(account.kid()).isEqualTo("s8_eo5YX-T1PDzdCUWysqBA-MpVicFzPI6Y1gcBEocA");
        assertThat(CookieEncryptionKey.derive("test-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
                CookieEncryptionKey.SESSION_SALT).kid()).isEqualTo("vzCcM1nmb0k7Y27rpwn-81ZzY9VcdNEz5Z3XY1A2Y4Y");
    }

    @Test
    void v4_jwt_isReproducedByteForByte_andDecodesUntilExp() {
        CookieCacheCodec codec = CookieCacheCodec.create(CookieCacheStrategy.JWT, ring);
        assertThat(codec.encodeJson(v2Json(), V2_NOW, 300)).isEqualTo(V4_TOKEN);
        assertThat(codec.encodeJson(v2Json(), V2_NOW + 999, 300)).isEqualTo(V4_TOKEN); // iat is whole seconds

        DecodedCache decoded = codec.decode(V4_TOKEN, V2_NOW).orElseThrow();
        assertThat(decoded.data()).isEqualTo(v2Data());
        assertThat(decoded.expiresAtMs()).isEqualTo(1_893_456_300_000L);
        assertThat(codec.decode(V4_TOKEN, 1_893_456_299_999L)).isPresent();
        assertThat(codec.decode(V4_TOKEN, 1_893_456_300_000L)).isEmpty(); // exp <= now, no clock tolerance
    }

    @Test
    void v5_jwe_decryptsWithTheV3Key() {
        CookieCacheCodec codec = CookieCacheCodec.create(CookieCacheStrategy.JWE, ring);
        DecodedCache decoded = codec.decode(V5_TOKEN, V2_NOW).orElseThrow();
        assertThat(decoded.data()).isEqualTo(v2Data());
        assertThat(decoded.expiresAtMs()).isEqualTo(2_426_166_354_000L);
        assertThat(decoded.currentSecret()).isTrue();
        // The raw claims carry iat, exp and jti after the session data, as jose writes them.
        SymmetricJwt.Decrypted raw = new SymmetricJwt(ring, CookieEncryptionKey.SESSION_SALT)
                .decode(V5_TOKEN, V2_NOW).orElseThrow();
        assertThat(new ArrayList<>(raw.claims().keySet()))
                .containsExactly("session", "user", "updatedAt", "version", "iat", "exp", "jti");
        assertThat(CookieCacheCodec.create(CookieCacheStrategy.JWE, SecretRing.single("some-other-secret-0123456789"
                + "abcdef")).decode(V5_TOKEN, V2_NOW)).isEmpty();
    }

    @Test
    void vectorFile_sessionDataOfEveryStrategy_decodesToWhatBetterAuthDecoded() {
        JsonObject vectors = TestVectors.read("vectors-better-auth-1.7.25.json").asJsonObject();
        SecretRing secret = SecretRing.single(vectors.getString("secret"));
        long now = Instant.parse(vectors.getString("generatedAt")).toEpochMilli() + 1000;
        JsonObject sessionData = vectors.getJsonObject("sessionData");
        for (CookieCacheStrategy strategy : CookieCacheStrategy.values()) {
            JsonObject vector = sessionData.getJsonObject(strategy.configValue());
            RequestCookies request = RequestCookies.parse(vector.getString("cookieHeader"));
            String value = CookieChunks.read("better-auth.session_data", request).orElseThrow();
            DecodedCache decoded = CookieCacheCodec.create(strategy, secret).decode(value, now).orElseThrow();
            assertMatches(decoded.data(), vector.getJsonObject("decoded"));
            assertThat(decoded.data().session().token()).isEqualTo(vector.getString("token"));
            assertThat(CookieCacheCodec.create(strategy, SecretRing.single(SECRET)).decode(value, now)).isEmpty();
        }
        JsonObject compact = sessionData.getJsonObject("compact").getJsonObject("details");
        Map<String, Object> payload = treeOf(compact.getJsonObject("payload").toString());
        long expiresAt = compact.getJsonNumber("expiresAt").longValue();
        assertThat(CompactCookieCacheCodec.signedText(payload, expiresAt)).isEqualTo(compact.getString("signedString"));
    }

    private static void assertMatches(SessionData data, JsonObject expected) {
        JsonObject s = expected.getJsonObject("session");
        JsonObject u = expected.getJsonObject("user");
        assertThat(data.session()).isEqualTo(new Session(s.getString("id"), s.getString("token"),
                s.getString("userId"), Instant.parse(s.getString("expiresAt")), Instant.parse(s.getString("createdAt")),
                Instant.parse(s.getString("updatedAt")), s.getString("ipAddress"), s.getString("userAgent")));
        assertThat(data.user()).isEqualTo(new User(u.getString("id"), u.getString("name"), u.getString("email"),
                u.getBoolean("emailVerified"), u.containsKey("image") && !u.isNull("image") ? u.getString("image") : null,
                Instant.parse(u.getString("createdAt")), Instant.parse(u.getString("updatedAt"))));
        assertThat(data.updatedAt()).isEqualTo(expected.getJsonNumber("updatedAt").longValue());
        assertThat(data.version()).isEqualTo(expected.getString("version"));
    }

    @Test
    void nodeMintedCachesWithSpecialCharacters_decode_andJavaReMintsTheSameBytes() {
        JsonObject file = TestVectors.read("cookie-cache-better-auth-1.7.25.json").asJsonObject();
        long now = file.getJsonNumber("now").longValue();
        String name = file.getString("name");
        int checked = 0;
        for (JsonValue v : file.getJsonArray("cases")) {
            JsonObject c = v.asJsonObject();
            String label = c.getString("label");
            CookieCacheStrategy strategy = CookieCacheStrategy.parse(c.getString("strategy"));
            CookieCacheCodec codec = CookieCacheCodec.create(strategy, SecretRing.single(c.getString("secret")));
            List<String> lines = c.getJsonArray("setCookies").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList();
            String value = CookieChunks.read("better-auth.session_data", cookiesFrom(lines)).orElseThrow();
            assertThat(value).as(label).isEqualTo(c.getString("cookieValue"));

            DecodedCache decoded = codec.decode(value, now + 1000).orElseThrow();
            SessionData data = decoded.data();
            assertThat(data.user().name()).as(label).isEqualTo(name);
            assertThat(data.user().name()).contains("\ud800", "😀", "\u2028", "\u0000");
            assertThat(data.user().image()).as(label).startsWith("https://example.com/");
            // Java's canonical writer gives exactly the JSON Node wrote for the same session and user.
            assertThat(data.toJsonString()).as(label).isEqualTo(c.getString("sessionDataJson"));

            boolean dontRemember = c.getBoolean("dontRemember");
            long lifetime = strategy.lifetimeSeconds(dontRemember ? null : 300L);
            switch (strategy) {
                case COMPACT -> {
                    assertThat(decoded.expiresAtMs()).isEqualTo(c.getJsonNumber("expiresAt").longValue())
                            .isEqualTo(now + lifetime * 1000);
                    assertThat(CompactCookieCacheCodec.signedText(data.toJson(), decoded.expiresAtMs()))
                            .isEqualTo(c.getString("signedString"));
                    assertThat(codec.encode(data, now, lifetime)).as(label).isEqualTo(value);
                }
                case JWT -> assertThat(codec.encode(data, now, lifetime)).as(label).isEqualTo(value);
                case JWE -> assertThat(decoded.expiresAtMs()).isEqualTo(c.getJsonNumber("exp").longValue() * 1000);
            }
            // The chunking and cookie attributes match Node's Set-Cookie lines for session_data exactly.
            List<String> nodeDataLines = lines.stream().filter(l -> l.startsWith("better-auth.session_data")).toList();
            CookieChunks.Written written = CookieChunks.write("better-auth.session_data", value,
                    CookieCacheFixtures.defaultAttributes(dontRemember ? null : 300L), RequestCookies.empty());
            assertThat(written.setCookies()).as(label).isEqualTo(nodeDataLines);
            assertThat(written.chunks()).isEqualTo(label.equals("compact-chunked") ? nodeDataLines.size() : 1);
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }
}
