package io.betterauth.jakarta.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.betterauth.jakarta.core.cookie.cache.CookieCacheCodec;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.cookie.cache.DecodedCache;
import io.betterauth.jakarta.testing.HostileJson;
import io.betterauth.jakarta.core.cookie.cache.SessionData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz targets for the three {@code session_data} formats and the payload reader they share. For each codec: decoding
 * any string ends in a value or a miss, never an exception; it allocates boundedly; and whatever it accepts is exactly
 * one of the caches minted with the secret ({@link FuzzFixtures}), so a mutated cookie is either rejected or still
 * carries the very session it was minted with (compact's HMAC covers the raw session text and tolerates, as Node
 * does, re-encodings of the outer object and of Base64).
 */
class CookieCacheFuzzTest {

    private static final Target COMPACT = new Target(CookieCacheStrategy.COMPACT, FuzzFixtures.V2_COMPACT);
    private static final Target JWT = new Target(CookieCacheStrategy.JWT, FuzzFixtures.V4_JWT);
    private static final Target JWE = new Target(CookieCacheStrategy.JWE, FuzzFixtures.V5_JWE);

    /** One codec, its seeds (minted now plus the Better Auth vector) and everything they decode to. */
    private static final class Target {
        final CookieCacheCodec codec;
        final List<String> seeds = new ArrayList<>();
        final List<DecodedCache> accepted;

        Target(CookieCacheStrategy strategy, String vector) {
            codec = FuzzFixtures.codec(strategy);
            seeds.addAll(FuzzFixtures.minted(codec));
            seeds.add(vector);
            accepted = FuzzFixtures.decodedAll(codec, seeds);
        }

        void check(String value) {
            Optional<DecodedCache> decoded = AllocationBound.check(value == null ? 0 : value.length(),
                    () -> codec.decode(value, FuzzFixtures.NOW));
            decoded.ifPresent(d -> assertThat(accepted)
                    .as("a %s cache decoded to a session that was never minted with the secret", codec.strategy())
                    .contains(d));
        }
    }

    static Stream<String> compactSeeds() {
        String other = b64("{\"session\":{},\"expiresAt\":1e400,\"signature\":\"\"}");
        Stream<String> hostile = HostileJson.DOCUMENTS.stream().map(json -> b64("{\"session\":" + json
                + ",\"expiresAt\":1,\"signature\":\"\"}"));
        return Stream.of(COMPACT.seeds.stream(), Stream.of(other, FuzzFixtures.V4_JWT, "e30"), hostile)
                .flatMap(s -> s);
    }

    static Stream<String> jwtSeeds() {
        String none = FuzzFixtures.V4_JWT.replaceFirst("^[^.]+", b64("{\"alg\":\"none\"}"));
        Stream<String> hostile = HostileJson.DOCUMENTS.stream().map(json -> FuzzFixtures.V4_JWT.replaceFirst("^[^.]+",
                b64("{\"alg\":\"HS256\",\"x\":" + json + "}")));
        return Stream.of(JWT.seeds.stream(), Stream.of(none, FuzzFixtures.V5_JWE, "a.b.c"), hostile).flatMap(s -> s);
    }

    static Stream<String> jweSeeds() {
        Stream<String> hostile = HostileJson.DOCUMENTS.stream().map(json -> FuzzFixtures.V5_JWE.replaceFirst("^[^.]+",
                b64("{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"x\":" + json + "}")));
        return Stream.of(JWE.seeds.stream(), Stream.of(FuzzFixtures.V4_JWT, "a.b.c.d.e", "...."), hostile)
                .flatMap(s -> s);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<String> sessionDataSeeds() {
        Stream<String> minted = FuzzFixtures.sessionData().stream().map(SessionData::toJsonString);
        return Stream.of(minted, HostileJson.DOCUMENTS.stream(), Stream.of(
                "{\"session\":{},\"user\":{},\"updatedAt\":1}",
                "{\"session\":{\"id\":\"s\",\"token\":\"t\",\"userId\":1e21,\"expiresAt\":\"2030-02-30T24:00:00.1Z\"},"
                        + "\"user\":{\"id\":\"u\",\"name\":\"n\",\"email\":\"E@X.IO\",\"x\":[1.5e-7,{\"d\":"
                        + "\"2030-01-01T00:00:00.123456Z\"}]},\"updatedAt\":1.5,\"version\":\"2\"}"))
                .flatMap(s -> s);
    }

    @MethodSource("compactSeeds")
    @FuzzTest(maxDuration = "10s")
    void compact(String value) {
        COMPACT.check(value);
    }

    @MethodSource("jwtSeeds")
    @FuzzTest(maxDuration = "10s")
    void jwt(String value) {
        JWT.check(value);
    }

    @MethodSource("jweSeeds")
    @FuzzTest(maxDuration = "10s")
    void jwe(String value) {
        JWE.check(value);
    }

    /**
     * The payload reader every strategy ends in ({@link SessionData#parse}): a value or a miss, bounded, and stable:
     * what it accepts writes back ({@link SessionData#toJsonString}) to JSON that reads as the same value, so a
     * cache re-issued from a cache never drifts.
     */
    @MethodSource("sessionDataSeeds")
    @FuzzTest(maxDuration = "10s")
    void sessionData(String json) {
        Optional<SessionData> parsed = AllocationBound.check(json == null ? 0 : json.length(),
                () -> SessionData.parse(json, FuzzFixtures.NOW));
        parsed.ifPresent(d -> assertThat(SessionData.parse(d.toJsonString(), FuzzFixtures.NOW))
                .as("re-reading %s", d.toJsonString()).contains(d));
    }
}
