package io.betterauth.jakarta.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.betterauth.jakarta.config.option.CookieCacheStrategy;
import io.betterauth.jakarta.core.cookie.cache.DecodedCache;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.cookie.cache.SessionData;
import io.betterauth.jakarta.core.cookie.SignedCookie;
import io.betterauth.jakarta.core.js.UriComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz targets for what a browser sends in {@code Cookie}: the header parser ({@link RequestCookies}, with
 * {@link UriComponent} decoding), the HMAC-signed {@code session_token} / {@code dont_remember} values
 * ({@link SignedCookie}), and the whole request path of {@link SessionCookies} — token, don't-remember flag and the
 * (chunked, {@code CookieChunks}) compact cache. Whatever is accepted must have been signed or minted with the secret.
 */
class CookieHeaderFuzzTest {

    private static final SignedCookie SIGNER = new SignedCookie(FuzzFixtures.SECRET);
    private static final SessionCookies COOKIES = new SessionCookies(FuzzFixtures.config(CookieCacheStrategy.COMPACT));
    private static final List<SessionData> DATA = FuzzFixtures.sessionData();
    /** The session tokens this test signs; the only values verification may ever return (besides "true"). */
    private static final Set<String> SIGNED = DATA.stream().map(d -> d.session().token()).collect(Collectors.toSet());
    /** Cookie headers a browser would send after sign-in, one per minted session (the last one chunked). */
    private static final List<String> HEADERS = new ArrayList<>();
    private static final List<DecodedCache> CACHES = new ArrayList<>();

    static {
        for (SessionData d : DATA) {
            List<String> setCookies = new ArrayList<>();
            setCookies.add(COOKIES.sessionToken(d.session().token(), false));
            setCookies.addAll(COOKIES.cacheCookies(d.sessionAndUser(), false, RequestCookies.empty(), FuzzFixtures.NOW));
            setCookies.add(COOKIES.dontRememberCookie());
            String header = setCookies.stream().map(l -> l.substring(0, l.indexOf(';')))
                    .collect(Collectors.joining("; "));
            HEADERS.add(header);
            CACHES.add(COOKIES.readCache(RequestCookies.parse(header), d.session().token(), FuzzFixtures.NOW)
                    .orElseThrow());
        }
    }

    static Stream<String> headers() {
        return Stream.concat(HEADERS.stream(), Stream.of("a=b; c=%41; a=\"q\"; d=%E0%A4%A; e=%F0%9F%98%80",
                "better-auth.session_data.0=x; better-auth.session_data.01=y; better-auth.session_data.9007199254740993=z",
                " ; =; ;;x"));
    }

    static Stream<String> signedValues() {
        Stream<String> signed = Stream.concat(SIGNED.stream(), Stream.of("true", "", ".", "a.b")).map(SIGNER::sign);
        return Stream.concat(signed, Stream.of("abc", ".x", "t." + "A".repeat(43) + "=", "t.%%%"));
    }

    /**
     * The header parser and the session cookies read from it. Parsing: every name is non-empty, trimmed and free of
     * {@code ;} and {@code =}; no value is longer than the header (decoding only shrinks); and the parsed cookies
     * written back as a header ({@code name=encodeURIComponent(value)}) parse to the same cookies. Session cookies:
     * the token is one this test signed, the don't-remember flag only comes from a signed {@code true}, and a cache
     * read is one minted for that very token.
     */
    @MethodSource("headers")
    @FuzzTest(maxDuration = "10s")
    void cookieHeader(String header) {
        int length = header == null ? 0 : header.length();
        RequestCookies cookies = AllocationBound.check(length, () -> RequestCookies.parse(header));
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String name : cookies.names()) {
            String value = cookies.get(name).orElseThrow();
            assertThat(name).isNotEmpty().isEqualTo(name.trim()).doesNotContain(";", "=");
            assertThat(value.length()).isLessThanOrEqualTo(length);
            parsed.put(name, value);
        }
        if (parsed.values().stream().allMatch(CookieHeaderFuzzTest::wellFormedUtf16)) {
            String rewritten = parsed.entrySet().stream()
                    .map(e -> e.getKey() + "=" + UriComponent.encode(e.getValue()))
                    .collect(Collectors.joining("; "));
            Map<String, String> again = new LinkedHashMap<>();
            RequestCookies reparsed = RequestCookies.parse(rewritten);
            reparsed.names().forEach(n -> again.put(n, reparsed.get(n).orElseThrow()));
            assertThat(again).as("re-parsing %s", rewritten).isEqualTo(parsed);
        }

        Optional<String> token = AllocationBound.check(length, () -> COOKIES.sessionToken(cookies));
        token.ifPresent(t -> assertThat(SIGNED).as("a session token that was never signed").contains(t));
        AllocationBound.check(length, () -> COOKIES.dontRemember(cookies));
        Optional<DecodedCache> cache = AllocationBound.check(length,
                () -> COOKIES.readCache(cookies, token.orElse(""), FuzzFixtures.NOW));
        cache.ifPresent(c -> {
            assertThat(CACHES).as("a cache that was never minted").contains(c);
            assertThat(c.data().session().token()).isEqualTo(token.orElseThrow());
        });
    }

    /**
     * {@link SignedCookie#verify} on an already URL-decoded value: it never throws, and what it accepts is a value
     * this test signed, followed by a signature that decodes to that value's HMAC.
     */
    @MethodSource("signedValues")
    @FuzzTest(maxDuration = "10s")
    void signedCookie(String signedValue) {
        Optional<String> value = AllocationBound.check(signedValue == null ? 0 : signedValue.length(),
                () -> SIGNER.verify(signedValue));
        value.ifPresent(v -> {
            assertThat(Stream.concat(SIGNED.stream(), Stream.of("true", "", ".", "a.b")))
                    .as("verified a value that was never signed").contains(v);
            assertThat(signedValue).startsWith(v + ".");
        });
    }

    /** JavaScript's encodeURIComponent throws on a lone surrogate; such values cannot round-trip. */
    private static boolean wellFormedUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
