package io.betterauth.jakarta.fuzz;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.cache.CookieCacheCodec;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.cookie.cache.DecodedCache;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.core.cookie.cache.SessionData;
import io.betterauth.jakarta.api.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fuzz targets know for sure: one secret, one pinned clock and the session data minted with them. Anything
 * a decoder accepts must be one of these; the fuzzer never sees the secret, so any other accepted value is a forgery.
 *
 * <p>The secret and clock are those of the spec's vectors V2, V4 and V5 ({@code CookieCacheVectorsTest}), so those
 * Better Auth–written caches are valid seeds too.
 */
final class FuzzFixtures {

    static final String SECRET = "better-auth-secret-that-is-long-enough-for-validation-test";
    /** V2's minting time plus one second: the vectors are valid until V2_NOW + 300 s. */
    static final long NOW = 1_893_456_001_000L;
    static final Instant T0 = Instant.ofEpochMilli(1_893_456_000_000L);
    static final long LIFETIME_SECONDS = 300;

    /** Spec vector V2 (compact), V4 (jwt), V5 (jwe), written by Better Auth 1.7.25 with {@link #SECRET}. */
    static final String V2_COMPACT = "eyJzZXNzaW9uIjp7InNlc3Npb24iOnsiZXhwaXJlc0F0IjoiMjAzMC0wMS0wOFQwMDowMDowMC4wMDBaIiwidG9rZW4iOiJBYkNkRWZHaElqS2xNbk9wUXJTdFV2V3hZejAxMjM0NSIsImNyZWF0ZWRBdCI6IjIwMzAtMDEtMDFUMDA6MDA6MDAuMDAwWiIsInVwZGF0ZWRBdCI6IjIwMzAtMDEtMDFUMDA6MDA6MDAuMDAwWiIsImlwQWRkcmVzcyI6IiIsInVzZXJBZ2VudCI6IiIsInVzZXJJZCI6IlVzRXJJZDAxMjM0NTY3ODlVc0VySWQwMTIzNDU2Nzg5IiwiaWQiOiJTZVNzSWQwMTIzNDU2Nzg5U2VTc0lkMDEyMzQ1Njc4OSJ9LCJ1c2VyIjp7Im5hbWUiOiJUZXN0IiwiZW1haWwiOiJ0ZXN0QGV4YW1wbGUuY29tIiwiZW1haWxWZXJpZmllZCI6ZmFsc2UsImNyZWF0ZWRBdCI6IjIwMzAtMDEtMDFUMDA6MDA6MDAuMDAwWiIsInVwZGF0ZWRBdCI6IjIwMzAtMDEtMDFUMDA6MDA6MDAuMDAwWiIsImlkIjoiVXNFcklkMDEyMzQ1Njc4OVVzRXJJZDAxMjM0NTY3ODkiLCJpbWFnZSI6bnVsbH0sInVwZGF0ZWRBdCI6MTg5MzQ1NjAwMDAwMCwidmVyc2lvbiI6IjEifSwiZXhwaXJlc0F0IjoxODkzNDU2MzAwMDAwLCJzaWduYXR1cmUiOiJ3T3Y5NFJ2ZmIySWxzQWlQNUJaRmZfc1UzYU1tc25za2tWQlR3NGxCaEQ4In0";
    static final String V4_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzZXNzaW9uIjp7ImV4cGlyZXNBdCI6IjIwMzAtMDEtMDhUMDA6MDA6MDAuMDAwWiIsInRva2VuIjoiQWJDZEVmR2hJaktsTW5PcFFyU3RVdld4WXowMTIzNDUiLCJjcmVhdGVkQXQiOiIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJ1cGRhdGVkQXQiOiIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJpcEFkZHJlc3MiOiIiLCJ1c2VyQWdlbnQiOiIiLCJ1c2VySWQiOiJVc0VySWQwMTIzNDU2Nzg5VXNFcklkMDEyMzQ1Njc4OSIsImlkIjoiU2VTc0lkMDEyMzQ1Njc4OVNlU3NJZDAxMjM0NTY3ODkifSwidXNlciI6eyJuYW1lIjoiVGVzdCIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSIsImVtYWlsVmVyaWZpZWQiOmZhbHNlLCJjcmVhdGVkQXQiOiIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJ1cGRhdGVkQXQiOiIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJpZCI6IlVzRXJJZDAxMjM0NTY3ODlVc0VySWQwMTIzNDU2Nzg5IiwiaW1hZ2UiOm51bGx9LCJ1cGRhdGVkQXQiOjE4OTM0NTYwMDAwMDAsInZlcnNpb24iOiIxIiwiaWF0IjoxODkzNDU2MDAwLCJleHAiOjE4OTM0NTYzMDB9.saY5tACqbnWjRpzA2G7soln4RO52_AxI0mBN32qyeBk";
    static final String V5_JWE = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwia2lkIjoiOUZ4QUt0M2hTSXd1QXd2cHVVWDBUaDFZa2Y4bENaSDdFNFBaa2d4ckpXMCJ9..NGrV6ShouSSXwohYg9zKjA.eKqOLSJ1es6al4mjDobVk06Dp7aCo3HmyUeFNaKd6l95VyWyW4ANdJqgBSodIjW5u5KYKcwd8bTmTOBMS-ag9FO_0uJDgWtMAxccpG_qXk2acH_6yvLYctzHmmaIaj827i3XlFsq5JedAV1OXDhhro24gDhFp4SIXIaLbGoYDfmU7_0b63ZZGW-iAzeQKSl5FiNVK-_mQx5d4z_TLpB-DgdgEG-6GBY9esVGnE2EtBS68ocmJqSAqIRb9lVM7vmnqWQJJuNeYEWU9tV4tuqNSYYjibAbezC_FSoldd_PD3nDrJk1WPr_n_ytJqKh2Y8AWO41mrUxTJv87etg9GyVC_smAtCMeFGO-yJNfc9QCgCPSEfmVvEbeOfsZoIN1IeOia_3n5NsvNkwhPhW3qIfvadxRJdyallfRro8rx-ViFE5vXxh2o1eQWVT5zln6didi3Z7vCqIVN8KEClZc5daK5ulMz0Wqrm5y16EVPn3RE8jugwMaesMoPaZIKK-r5s_L0rPRy4-2eJc8F_4rei6Yoq3pcHiB_5hzrBLh8HFCq8W-m9KtEhbYY403TEbciiy-v7ywI9DoXeWQXvPBSrN4B2_miKVz3qlVIAksskN1ekrHMtSL15h6TTylOoHhyNzoJnEHk3F1nFOczjD-j1TTKqzVObFCAPrSCx5QMW_jjv4MUEgStVFHTp3J6KcSLwM2_YjFbgjqB3LJDso1bhyBGkVDGcORG5Pu1k50yPrxDVVfEspCq-WRwwHmKqvqeI8Kg3ZlQzStcLDMQfvcdUEJi7WSybhegX7JejMk6Slcw1KU6nYcVftZ8_8kHJnUucK.dYyH9s4vsF6GrfJu4-1qWzfqePGiE6-omR1yZpzF1is";

    /** Every kind of character JSON.stringify escapes or passes through specially. */
    static final String TRICKY = "Zoë \"Q\" \\ back\\slash \u0000\u0001\u001f\u007f \b\f\n\r\t </script>&<b> "
            + "\u2028\u2029 中文 😀 / \u00a0 %41 ; , = ";

    private FuzzFixtures() {
    }

    static BetterAuthConfig config(CookieCacheStrategy strategy) {
        return BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SECRET).baseUrl("http://localhost:8080")
                .cookieCacheEnabled(true).cookieCacheStrategy(strategy).cookieCacheMaxAge(LIFETIME_SECONDS).build();
    }

    /** The session data the targets mint: the V2 payload, one with every escaping rule and additional fields. */
    static List<SessionData> sessionData() {
        List<SessionData> out = new ArrayList<>();
        Instant expires = T0.plusSeconds(7 * 86_400);
        out.add(new SessionData(new SessionAndUser(
                new Session("SeSsId0123456789SeSsId0123456789", "AbCdEfGhIjKlMnOpQrStUvWxYz012345",
                        "UsErId0123456789UsErId0123456789", expires, T0, T0, "", ""),
                new User("UsErId0123456789UsErId0123456789", "Test", "test@example.com", false, null, T0, T0)),
                T0.toEpochMilli(), "1"));
        Map<String, Object> sessionExtras = new LinkedHashMap<>();
        sessionExtras.put("activeOrganizationId", "org_" + TRICKY);
        sessionExtras.put("impersonatedBy", null);
        Map<String, Object> userExtras = new LinkedHashMap<>();
        userExtras.put("role", "admin");
        userExtras.put("age", 42L);
        userExtras.put("score", 0.5);
        userExtras.put("banned", false);
        userExtras.put("tags", List.of("a", 1L, true));
        userExtras.put("birthday", Instant.parse("2001-02-03T04:05:06.789Z"));
        out.add(new SessionData(new SessionAndUser(
                new Session("SeSs-" + TRICKY, "TokenWith\"Quote\\;%", "UsErId-2", expires, T0, T0.plusMillis(123),
                        null, "Mozilla/5.0 \"" + TRICKY + "\"", sessionExtras),
                new User("UsErId-2", TRICKY, "zoe+tag@example.com", true, "https://example.com/a?b=1&c=\"2\"", T0,
                        T0.plusMillis(1), userExtras)),
                T0.toEpochMilli() + 5, "1"));
        // Large enough that its session_data cookie is chunked.
        out.add(new SessionData(new SessionAndUser(
                new Session("SeSsId-big", "BigTokenBigTokenBigTokenBigToken", "UsErId-3", expires, T0, T0, "::1",
                        "UA"),
                new User("UsErId-3", "Big", "big@example.com", false, "https://example.com/" + "x".repeat(6000), T0,
                        T0)),
                T0.toEpochMilli(), "1"));
        return out;
    }

    /** Cookie values minted by {@code codec} for {@link #sessionData()} at {@link #NOW}. */
    static List<String> minted(CookieCacheCodec codec) {
        List<String> out = new ArrayList<>();
        for (SessionData data : sessionData()) {
            out.add(codec.encode(data, NOW, LIFETIME_SECONDS));
        }
        return out;
    }

    /** What each of {@code values} decodes to: the only results a decode may ever produce. */
    static List<DecodedCache> decodedAll(CookieCacheCodec codec, List<String> values) {
        List<DecodedCache> out = new ArrayList<>();
        for (String value : values) {
            out.add(codec.decode(value, NOW).orElseThrow(() -> new IllegalStateException("seed does not decode")));
        }
        return out;
    }

    static CookieCacheCodec codec(CookieCacheStrategy strategy) {
        return CookieCacheCodec.create(strategy, config(strategy).secretRing());
    }
}
