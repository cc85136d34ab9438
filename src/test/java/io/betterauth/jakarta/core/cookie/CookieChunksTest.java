package io.betterauth.jakarta.core.cookie;

import static io.betterauth.jakarta.testing.CookieCacheFixtures.cookiesFrom;
import static io.betterauth.jakarta.testing.CookieCacheFixtures.defaultAttributes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting and joining large cookie values (spec §3.9). */
class CookieChunksTest {

    private static final String NAME = "better-auth.session_data";
    private static final CookieAttributes ATTRIBUTES = defaultAttributes(300L);

    private static String value(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('A' + i % 26));
        }
        return out.toString();
    }

    @Test
    void chunkSize_isWhatTheSpecComputesForDefaultAttributes() {
        String overhead = SetCookie.serialize(NAME + ".99", "", ATTRIBUTES);
        assertThat(overhead.length()).isEqualTo(73);
        // 3977 characters fit in one cookie; one more and it is split in two.
        assertThat(CookieChunks.write(NAME, value(3977), ATTRIBUTES, RequestCookies.empty()).chunks()).isEqualTo(1);
        assertThat(CookieChunks.write(NAME, value(3978), ATTRIBUTES, RequestCookies.empty()).chunks()).isEqualTo(2);
    }

    @Test
    void smallValue_isOnePlainCookie() {
        CookieChunks.Written written = CookieChunks.write(NAME, "abc", ATTRIBUTES, RequestCookies.empty());
        assertThat(written.setCookies()).containsExactly(NAME + "=abc; Max-Age=300; Path=/; HttpOnly; SameSite=Lax");
        assertThat(written.stored()).isTrue();
    }

    @Test
    void largeValue_isChunked_everyLineFits_andReadsBackIdentical() { // T-08
        String big = value(3977 * 5 + 10);
        CookieChunks.Written written = CookieChunks.write(NAME, big, ATTRIBUTES, RequestCookies.empty());
        assertThat(written.chunks()).isEqualTo(6);
        assertThat(written.setCookies()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(written.setCookies().get(i)).startsWith(NAME + "." + i + "=")
                    .endsWith("; Max-Age=300; Path=/; HttpOnly; SameSite=Lax");
            assertThat(written.setCookies().get(i).length()).isLessThanOrEqualTo(CookieChunks.MAX_COOKIE_SIZE);
        }
        assertThat(CookieChunks.read(NAME, cookiesFrom(written.setCookies()))).contains(big);
    }

    @Test
    void staleCookiesFromALongerValue_areExpired_keepingBetterAuthsOrder() { // T-08
        RequestCookies request = RequestCookies.parse(NAME + ".3=d; other=1; " + NAME + ".0=a; " + NAME + "=p; "
                + NAME + ".1=b; " + NAME + ".2=c; " + NAME + ".x=no; " + NAME + ".01=no; " + NAME + "-1=no");
        CookieChunks.Written written = CookieChunks.write(NAME, value(3977 + 5), ATTRIBUTES, request);
        String expired = "=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax";
        // Names the request had keep their position (JavaScript object key order); rewritten ones carry the value.
        assertThat(written.setCookies()).hasSize(5);
        assertThat(written.setCookies().get(0)).isEqualTo(NAME + ".3" + expired);
        assertThat(written.setCookies().get(1)).startsWith(NAME + ".0=ABC").contains("Max-Age=300");
        assertThat(written.setCookies().get(2)).isEqualTo(NAME + expired);
        assertThat(written.setCookies().get(3)).isEqualTo(NAME + ".1=" + value(3982).substring(3977)
                + "; Max-Age=300; Path=/; HttpOnly; SameSite=Lax");
        assertThat(written.setCookies().get(4)).isEqualTo(NAME + ".2" + expired);

        assertThat(CookieChunks.expireAll(NAME, ATTRIBUTES, request)).containsExactly(NAME + ".3" + expired,
                NAME + ".0" + expired, NAME + expired, NAME + ".1" + expired, NAME + ".2" + expired);
    }

    @Test
    void replacingChunksWithAPlainCookie_expiresEveryChunk() { // T-08
        RequestCookies request = RequestCookies.parse(NAME + ".0=a; " + NAME + ".1=b");
        assertThat(CookieChunks.write(NAME, "small", defaultAttributes(null), request).setCookies()).containsExactly(
                NAME + ".0=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                NAME + ".1=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                NAME + "=small; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void overAHundredChunks_storesNothing_butStillExpiresTheOldCookies() { // T-08
        RequestCookies request = RequestCookies.parse(NAME + "=old");
        CookieChunks.Written atLimit = CookieChunks.write(NAME, value(3977 * 100), ATTRIBUTES, request);
        assertThat(atLimit.chunks()).isEqualTo(100);
        CookieChunks.Written tooLarge = CookieChunks.write(NAME, value(3977 * 100 + 1), ATTRIBUTES, request);
        assertThat(tooLarge.stored()).isFalse();
        assertThat(tooLarge.chunks()).isZero();
        assertThat(tooLarge.setCookies()).containsExactly(NAME + "=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void read_prefersTheNonEmptyPlainCookie_elseJoinsStrictlyIndexedChunksInNumericOrder() {
        assertThat(CookieChunks.read(NAME, RequestCookies.parse(NAME + "=plain; " + NAME + ".0=x"))).contains("plain");
        StringBuilder header = new StringBuilder(NAME + "=; ");
        for (int i = 11; i >= 0; i--) {
            header.append(NAME).append('.').append(i).append('=').append((char) ('a' + i)).append("; ");
        }
        header.append(NAME + ".01=X; " + NAME + ".-1=X; " + NAME + ".1e1=X; " + NAME + ".+1=X; " + NAME
                + ".9007199254740992=X; " + NAME + "x.0=X");
        assertThat(CookieChunks.read(NAME, RequestCookies.parse(header.toString()))).contains("abcdefghijkl");
        assertThat(CookieChunks.read(NAME, RequestCookies.parse("other=1"))).isEmpty();
        assertThat(CookieChunks.read(NAME, RequestCookies.empty())).isEmpty();
    }

    @Test
    void chunkIndex_isStrict() {
        assertThat(CookieChunks.chunkIndex(NAME, NAME + ".0")).isZero();
        assertThat(CookieChunks.chunkIndex(NAME, NAME + ".99")).isEqualTo(99);
        assertThat(CookieChunks.chunkIndex(NAME, NAME + ".9007199254740991")).isEqualTo(9_007_199_254_740_991L);
        for (String notAChunk : List.of(NAME, NAME + ".", NAME + ".00", NAME + ".01", NAME + ".-0", NAME + ".1.5",
                NAME + ". 1", NAME + ".9007199254740992", NAME + ".99999999999999999999", "other.0")) {
            assertThat(CookieChunks.chunkIndex(NAME, notAChunk)).as(notAChunk).isEqualTo(-1);
        }
    }
}
