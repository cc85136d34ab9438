package io.betterauth.jakarta.core.cookie;

import io.betterauth.jakarta.core.js.UriComponent;
import io.betterauth.jakarta.config.option.SameSite;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieParsingTest {

    @Test
    void encodeUriComponent_matchesJavaScript() {
        assertThat(UriComponent.encode("token with spaces/+=?&")).isEqualTo("token%20with%20spaces%2F%2B%3D%3F%26");
        assertThat(UriComponent.encode("A-z_0.9!~*'()")).isEqualTo("A-z_0.9!~*'()");
        assertThat(UriComponent.encode("\u00e9\ud83d\ude00")).isEqualTo("%C3%A9%F0%9F%98%80");
    }

    @Test
    void decodeUriComponent_failsWhereJavaScriptThrows() {
        assertThat(UriComponent.decode("a%3Db")).contains("a=b");
        assertThat(UriComponent.decode("%E2%82")).isEmpty();
        assertThat(UriComponent.decode("%zz")).isEmpty();
        assertThat(UriComponent.decode("100%")).isEmpty();
    }

    @Test
    void cookieHeader_firstWins_quotesStripped_badEscapesKeptRaw() {
        RequestCookies c = RequestCookies.parse("a=1; b=\"two\"; a=3;c=%zz; d=x%3Dy; =nameless; junk");
        assertThat(c.get("a")).contains("1");
        assertThat(c.get("b")).contains("two");
        assertThat(c.get("c")).contains("%zz");
        assertThat(c.get("d")).contains("x=y");
        assertThat(c.get("junk")).isEmpty();
    }

    @Test
    void setCookie_forcesSecureForPrefixedNamesAndSameSiteNone_andClampsMaxAge() { // T-06, T-09
        CookieAttributes plain = new CookieAttributes(34_560_001L, "example.com", "/app", true, false, SameSite.NONE, false);
        assertThat(SetCookie.serialize("x", "v", plain))
                .isEqualTo("x=v; Max-Age=34560000; Domain=example.com; Path=/app; HttpOnly; Secure; SameSite=None");
        CookieAttributes lax = new CookieAttributes(null, "example.com", "/app", true, false, SameSite.LAX, false);
        assertThat(SetCookie.serialize("__Host-x", "v", lax)).isEqualTo("__Host-x=v; Path=/; HttpOnly; Secure; SameSite=Lax");
        assertThat(SetCookie.serialize("__Secure-x", "v", lax)).endsWith("; HttpOnly; Secure; SameSite=Lax");
    }
}
