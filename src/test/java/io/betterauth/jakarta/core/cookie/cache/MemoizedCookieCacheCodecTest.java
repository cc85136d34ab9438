package io.betterauth.jakarta.core.cookie.cache;

import static io.betterauth.jakarta.testing.CookieCacheFixtures.NOW;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.SECRET;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.trickyData;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.security.SecretRing;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Remembered decodes answer exactly as a full decode would at that time, and only save the work: a forged value,
 * an expired one, a clock gone back and a payload with defaulted dates all go through the full decode. Fixed clock.
 */
class MemoizedCookieCacheCodecTest {

    /** The strategy's real codec, counting the values it had to verify. */
    private static final class Counting implements CookieCacheCodec {
        final CookieCacheCodec real;
        int decodes;

        Counting(CookieCacheStrategy strategy) {
            real = CookieCacheCodec.create(strategy, SecretRing.single(SECRET));
        }

        @Override
        public CookieCacheStrategy strategy() {
            return real.strategy();
        }

        @Override
        public String encodeJson(Map<String, ?> sessionData, long nowMs, long lifetimeSeconds) {
            return real.encodeJson(sessionData, nowMs, lifetimeSeconds);
        }

        @Override
        public Optional<DecodedCache> decode(String cookieValue, long nowMs) {
            decodes++;
            return real.decode(cookieValue, nowMs);
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void aBrowsersRepeatedCookie_isVerifiedOnce_andAnswersAsAFullDecode(CookieCacheStrategy strategy) {
        Counting counting = new Counting(strategy);
        CookieCacheCodec codec = MemoizedCookieCacheCodec.of(counting, 100);
        String value = codec.encode(trickyData(), NOW, 300);
        DecodedCache first = codec.decode(value, NOW + 1_000).orElseThrow();
        for (int i = 2; i < 50; i++) {
            assertThat(codec.decode(value, NOW + i * 1_000L)).contains(first);
        }
        assertThat(counting.decodes).isOne();
        assertThat(first).isEqualTo(counting.real.decode(value, NOW + 49_000).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void anAlteredValue_isStillAMiss_afterTheGenuineOneWasRemembered(CookieCacheStrategy strategy) {
        CookieCacheCodec codec = MemoizedCookieCacheCodec.of(new Counting(strategy), 100);
        String value = codec.encode(trickyData(), NOW, 300);
        assertThat(codec.decode(value, NOW)).isPresent();
        int last = value.length() - 1;
        String altered = value.substring(0, last) + (value.charAt(last) == 'A' ? 'B' : 'A');
        assertThat(codec.decode(altered, NOW + 1)).isEmpty();
        assertThat(codec.decode(value + "x", NOW + 1)).isEmpty();
        assertThat(codec.decode(value, NOW + 2)).isPresent();
    }

    @Test
    void aRememberedValue_isNotAnsweredOnceItsCacheExpired_norBeforeItWasDecoded() {
        Counting counting = new Counting(CookieCacheStrategy.COMPACT);
        CookieCacheCodec codec = MemoizedCookieCacheCodec.of(counting, 100);
        String value = codec.encode(trickyData(), NOW, 300);
        assertThat(codec.decode(value, NOW + 10_000)).isPresent();
        // the clock went back: decoded again (a JWT's nbf or iat could refuse it then)
        assertThat(codec.decode(value, NOW + 5_000)).isPresent();
        assertThat(counting.decodes).isEqualTo(2);
        // past expiresAt: the full decode's miss, not the remembered answer
        assertThat(codec.decode(value, NOW + 300_001)).isEmpty();
        assertThat(counting.decodes).isEqualTo(3);
    }

    @Test
    void aPayloadWithoutDates_isNotRemembered_soTheDefaultIsEachRequestsTime() {
        Counting counting = new Counting(CookieCacheStrategy.COMPACT);
        CookieCacheCodec codec = MemoizedCookieCacheCodec.of(counting, 100);
        Map<String, Object> json = trickyData().toJson();
        @SuppressWarnings("unchecked")
        Map<String, Object> session = new LinkedHashMap<>((Map<String, Object>) json.get("session"));
        session.remove("createdAt");
        json.put("session", session);
        String value = codec.encodeJson(json, NOW, 300);
        assertThat(codec.decode(value, NOW + 1_000).orElseThrow().data().session().createdAt())
                .isEqualTo(Instant.ofEpochMilli(NOW + 1_000));
        assertThat(codec.decode(value, NOW + 2_000).orElseThrow().data().session().createdAt())
                .isEqualTo(Instant.ofEpochMilli(NOW + 2_000));
        assertThat(counting.decodes).isEqualTo(2);
    }

    @Test
    void whenFull_dropsTheEldest_soTheNewestCookiesStillHit() {
        Counting counting = new Counting(CookieCacheStrategy.COMPACT);
        CookieCacheCodec codec = MemoizedCookieCacheCodec.of(counting, 2);
        String[] values = new String[5];
        for (int i = 0; i < values.length; i++) {
            values[i] = codec.encode(trickyData(), NOW + i, 300);
            assertThat(codec.decode(values[i], NOW + 10)).isPresent();
        }
        counting.decodes = 0;
        assertThat(codec.decode(values[4], NOW + 20)).isPresent();
        assertThat(codec.decode(values[3], NOW + 20)).isPresent();
        assertThat(counting.decodes).isZero();
        assertThat(codec.decode(values[0], NOW + 20)).isPresent();
        assertThat(counting.decodes).isOne();
        Counting plain = new Counting(CookieCacheStrategy.COMPACT);
        assertThat(MemoizedCookieCacheCodec.of(plain, 0)).isSameAs(plain);
    }

    @Test
    void expiredEntries_makeRoomForNewOnes_beforeAnyLiveOneIsDropped() {
        Counting counting = new Counting(CookieCacheStrategy.COMPACT);
        CookieCacheCodec codec = MemoizedCookieCacheCodec.of(counting, 3);
        String shortLived = codec.encode(trickyData(), NOW, 10);
        String live = codec.encode(trickyData(), NOW, 300);
        // (not at NOW or NOW + 1: trickyData's dates, which a payload without dates would also show)
        assertThat(codec.decode(shortLived, NOW + 1_000)).isPresent();
        assertThat(codec.decode(live, NOW + 1_000)).isPresent();
        String later1 = codec.encode(trickyData(), NOW + 20_000, 300);
        String later2 = codec.encode(trickyData(), NOW + 20_001, 300);
        assertThat(codec.decode(later1, NOW + 20_000)).isPresent();
        assertThat(codec.decode(later2, NOW + 20_000)).isPresent();
        counting.decodes = 0;
        // the expired one went first: the three live ones are all still remembered
        assertThat(codec.decode(live, NOW + 20_000)).isPresent();
        assertThat(codec.decode(later1, NOW + 20_000)).isPresent();
        assertThat(codec.decode(later2, NOW + 20_000)).isPresent();
        assertThat(counting.decodes).isZero();
    }
}
