package io.betterauth.jakarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.core.BetterAuthConfig;
import io.betterauth.jakarta.core.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    static HttpServletRequest request(String remote, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> headers.get(((String) args[0]).toLowerCase());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static BetterAuthConfig.Builder config() {
        return BetterAuthConfig.builder().secret("a-long-random-secret-9f8e7d6c5b4a3210ZYXWVUT");
    }

    @Test
    void forwardedHeaders_areIgnoredUnlessConfigured() { // T-40
        HttpServletRequest r = request("198.51.100.7", Map.of("x-forwarded-for", "203.0.113.9", "user-agent", "UA/1"));
        assertThat(ClientAddress.of(r, config().build())).isEqualTo(new ClientInfo("198.51.100.7", "UA/1"));
        assertThat(ClientAddress.of(r, config().ipAddressHeaders(List.of("x-forwarded-for")).build()).ipAddress())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aForwardedChain_yieldsItsFirstHop_andGarbageFallsBackToTheSocket() {
        BetterAuthConfig c = config().ipAddressHeaders(List.of("x-forwarded-for")).build();
        assertThat(ClientAddress.of(request("10.0.0.1", Map.of("x-forwarded-for", "203.0.113.9, 10.0.0.2")), c).ipAddress())
                .isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of(request("10.0.0.1", Map.of("x-forwarded-for", "evil.example.com")), c).ipAddress())
                .isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6_isExpandedAndMaskedTo64_ipv4MappedBecomesIpv4_likeBetterAuth() {
        assertThat(ClientAddress.normalize("2001:db8:85a3::8a2e:370:7334")).isEqualTo("2001:0db8:85a3:0000:0000:0000:0000:0000");
        assertThat(ClientAddress.normalize("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.normalize("cafe.be")).isEmpty(); // never a DNS lookup
    }

    @Test
    void missingUserAgent_isEmpty_andIpTrackingCanBeOff() {
        assertThat(ClientAddress.of(request("192.0.2.5", Map.of()), config().build())).isEqualTo(new ClientInfo("192.0.2.5", ""));
        assertThat(ClientAddress.of(request("192.0.2.5", Map.of()), config().disableIpTracking(true).build()).ipAddress()).isEmpty();
    }

    @Test
    void aForwardedHeaderOfOnlyCommas_fallsBackToTheSocket_insteadOfFailingTheRequest() { // fuzzing finding
        BetterAuthConfig c = config().ipAddressHeaders(List.of("x-forwarded-for")).build();
        assertThat(ClientAddress.of(request("192.0.2.1", Map.of("x-forwarded-for", ",")), c).ipAddress())
                .isEqualTo("192.0.2.1");
        assertThat(ClientAddress.of(request("192.0.2.1", Map.of("x-forwarded-for", ",,, ,")), c).ipAddress())
                .isEqualTo("192.0.2.1");
        assertThat(ClientAddress.of(request("192.0.2.1", Map.of("x-forwarded-for", " 203.0.113.9 ,")), c).ipAddress())
                .isEqualTo("203.0.113.9");
    }
}
