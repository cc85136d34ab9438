package io.betterauth.jakarta.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.option.TrustedProxies;
import io.betterauth.jakarta.core.security.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The REST adapter of the rate limit: which address and path it counts (T-40). */
class RateLimitFilterTest {

    static HttpServletRequest request(String remote, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(RateLimitFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> headers.get(((String) args[0]).toLowerCase());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static BetterAuthConfig.Builder config() {
        return BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret("a-long-random-secret-9f8e7d6c5b4a3210ZYXWVUT");
    }

    private static void signIn3Times(BetterAuthConfig c, RateLimiter limiter, HttpServletRequest r) {
        for (int i = 0; i < 3; i++) {
            assertThat(RateLimitGate.retryAfter(c, limiter, r, "sign-in/email")).isEmpty();
        }
    }

    @Test
    void forwardedForIsIgnoredUnlessTrusted_soASpoofedHeaderDoesNotBuyANewBucket() {
        BetterAuthConfig c = config().build();
        RateLimiter limiter = new RateLimiter(c.rateLimit(), null, Clock.systemUTC());
        signIn3Times(c, limiter, request("198.51.100.7", Map.of("x-forwarded-for", "203.0.113.1")));
        assertThat(RateLimitGate.retryAfter(c, limiter,
                request("198.51.100.7", Map.of("x-forwarded-for", "203.0.113.2")), "sign-in/email")).isPresent();
    }

    @Test
    void aTrustedForwardedChain_countsItsFirstHop() { // with Better Auth's left-most entry
        BetterAuthConfig c = config().ipAddressHeaders(List.of("x-forwarded-for"))
                .trustedProxyCount(TrustedProxies.ALL).build();
        RateLimiter limiter = new RateLimiter(c.rateLimit(), null, Clock.systemUTC());
        signIn3Times(c, limiter, request("10.0.0.1", Map.of("x-forwarded-for", "203.0.113.1, 10.0.0.2")));
        assertThat(RateLimitGate.retryAfter(c, limiter,
                request("10.0.0.1", Map.of("x-forwarded-for", "203.0.113.1")), "/sign-in/email?x=1")).hasValue(10);
        // Another client behind the same proxy has a bucket of its own.
        assertThat(RateLimitGate.retryAfter(c, limiter,
                request("10.0.0.1", Map.of("x-forwarded-for", "203.0.113.2, 10.0.0.2")), "sign-in/email")).isEmpty();
    }

    @Test
    void anUnknownAddress_sharesTheNoTrustedIpBucket() {
        BetterAuthConfig c = config().build();
        RateLimiter limiter = new RateLimiter(c.rateLimit(), null, Clock.systemUTC());
        signIn3Times(c, limiter, request("not-an-ip", Map.of()));
        assertThat(RateLimitGate.retryAfter(c, limiter, request(null, Map.of()), "sign-in/email")).isPresent();
    }

    @Test
    void disabledOrWithoutIpTracking_nothingIsCounted() {
        BetterAuthConfig off = config().rateLimitEnabled(false).build();
        BetterAuthConfig untracked = config().disableIpTracking(true).build();
        for (BetterAuthConfig c : List.of(off, untracked)) {
            RateLimiter limiter = new RateLimiter(c.rateLimit(), null, Clock.systemUTC());
            for (int i = 0; i < 5; i++) {
                assertThat(RateLimitGate.retryAfter(c, limiter, request("198.51.100.7", Map.of()), "sign-in/email"))
                        .isEmpty();
            }
        }
    }

    @Test
    void theBucket_isTheEndpointsFullPath_whetherTheClassOrTheMethodNamesIt() throws Exception {
        assertThat(RateLimitFilter.endpoint(method(AuthResource.class, "signIn"))).isEqualTo("/sign-in/email");
        assertThat(RateLimitFilter.endpoint(method(AuthResource.class, "getSession"))).isEqualTo("/get-session");
        // @Path("openapi.json") on the class, none on the method: not the "/" bucket.
        assertThat(RateLimitFilter.endpoint(method(OpenApiResource.class, "document"))).isEqualTo("/openapi.json");
    }

    private static java.lang.reflect.Method method(Class<?> type, String name) {
        return java.util.Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)
                && java.lang.reflect.Modifier.isPublic(m.getModifiers())).findFirst().orElseThrow();
    }
}
