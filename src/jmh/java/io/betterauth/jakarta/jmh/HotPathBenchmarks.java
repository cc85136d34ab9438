package io.betterauth.jakarta.jmh;

import io.betterauth.jakarta.core.cookie.cache.CookieCacheCodec;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.cookie.cache.DecodedCache;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.core.cookie.cache.SessionData;
import io.betterauth.jakarta.core.cookie.SignedCookie;
import io.betterauth.jakarta.api.User;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-request pieces of get-session, each alone: the session_token signature check, the session_data cache
 * decode and encode per strategy, token generation, and the JSON of a session. Average time per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBenchmarks {

    static final String SECRET = "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz";

    /** A session and user shaped like the ones the server benchmarks read (a Chrome-like user agent). */
    static SessionAndUser sample() {
        Instant created = Instant.parse("2025-06-01T12:00:00.000Z");
        Instant expires = Instant.now().plusSeconds(7 * 24 * 3600);
        IdGenerator ids = new IdGenerator();
        Session session = new Session(ids.generate(), ids.generate(), ids.generate(), expires, created, created,
                "127.0.0.1", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/126.0.0.0 Safari/537.36");
        User user = new User(session.userId(), "Bench User", "bench@example.com", false, null, created, created);
        return new SessionAndUser(session, user);
    }

    @State(Scope.Benchmark)
    public static class Cookies {
        final SignedCookie signer = new SignedCookie(SECRET);
        final String token = new IdGenerator().generate();
        String signed;
        String forged;

        @Setup
        public void setup() {
            signed = signer.sign(token);
            char last = signed.charAt(signed.length() - 2);
            forged = signed.substring(0, signed.length() - 2) + (last == 'A' ? 'B' : 'A') + "=";
        }
    }

    @State(Scope.Benchmark)
    public static class Cache {
        @Param({"compact", "jwt", "jwe"})
        public String strategy;
        CookieCacheCodec codec;
        SessionData data;
        String value;
        long now;

        @Setup
        public void setup() {
            codec = CookieCacheCodec.create(CookieCacheStrategy.parse(strategy), SecretRing.single(SECRET));
            now = System.currentTimeMillis();
            data = SessionData.of(sample(), now, null);
            value = codec.encode(data, now, 300);
            if (codec.decode(value, now).isEmpty()) {
                throw new IllegalStateException("the " + strategy + " cache does not decode");
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Json {
        final SessionAndUser sessionAndUser = sample();
    }

    @State(Scope.Thread)
    public static class Ids {
        final IdGenerator ids = new IdGenerator();
    }

    @Benchmark
    public Optional<String> signedCookieVerify(Cookies c) {
        return c.signer.verify(c.signed);
    }

    @Benchmark
    public Optional<String> signedCookieVerifyForged(Cookies c) {
        return c.signer.verify(c.forged);
    }

    @Benchmark
    public String signedCookieSign(Cookies c) {
        return c.signer.sign(c.token);
    }

    @Benchmark
    public Optional<DecodedCache> cacheDecode(Cache c) {
        return c.codec.decode(c.value, c.now);
    }

    @Benchmark
    public String cacheEncode(Cache c) {
        return c.codec.encode(c.data, c.now, 300);
    }

    @Benchmark
    public String tokenGenerate(Ids s) {
        return s.ids.generate();
    }

    @Benchmark
    public String sessionToJson(Json j) {
        return JsJson.stringify(j.sessionAndUser.toJson());
    }
}
