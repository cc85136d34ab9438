package io.betterauth.jakarta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.option.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    static HttpServletRequest request(String remote, Map<String, String> headers) {
        Map<String, List<String>> lines = new java.util.HashMap<>();
        headers.forEach((name, value) -> lines.put(name, List.of(value)));
        return requestWithLines(remote, lines);
    }

    /** A request whose headers may come in several lines each, as {@code getHeaders} answers them. */
    static HttpServletRequest requestWithLines(String remote, Map<String, List<String>> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()).stream()
                            .findFirst().orElse(null);
                    case "getHeaders" -> Collections.enumeration(
                            headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
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

    static String ip(BetterAuthConfig c, String remote, String forwardedFor) {
        return ClientAddress.of(request(remote, Map.of("x-forwarded-for", forwardedFor)), c).ipAddress();
    }

    /**
     * Issue #15, finding 5: behind a proxy that appends (nginx's {@code $proxy_add_x_forwarded_for}, cloud load
     * balancers) the first entry is whatever the client sent; by default only the right-most entry, the one the
     * proxy wrote, is believed, so a forged entry buys neither another address nor another rate-limit bucket.
     */
    @Test
    void behindOneAppendingProxy_aClientWrittenEntryIsNeverTheAddress() {
        BetterAuthConfig c = config().ipAddressHeaders(List.of("x-forwarded-for")).build();
        assertThat(ip(c, "10.0.0.1", "203.0.113.66, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ip(c, "10.0.0.1", "203.0.113.67, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ip(c, "10.0.0.1", "198.51.100.7")).isEqualTo("198.51.100.7"); // a proxy that replaces the header
        // Garbage in the proxy's place (no proxy wrote it) falls back to the socket.
        assertThat(ip(c, "10.0.0.1", "198.51.100.7, evil.example.com")).isEqualTo("10.0.0.1");
        assertThat(ip(c, "10.0.0.1", "198.51.100.7,")).isEqualTo("10.0.0.1");
    }

    @Test
    void aSecondHeaderLine_continuesTheList_soAProxyAddingItsOwnLineIsBelieved() { // HAProxy's option forwardfor
        BetterAuthConfig c = config().ipAddressHeaders(List.of("x-forwarded-for")).build();
        HttpServletRequest r = requestWithLines("10.0.0.1",
                Map.of("x-forwarded-for", List.of("203.0.113.66", "198.51.100.7")));
        assertThat(ClientAddress.of(r, c).ipAddress()).isEqualTo("198.51.100.7");
    }

    @Test
    void twoTrustedHops_yieldTheSecondEntryFromTheRight_orTheLeftMostWhenThereAreFewer() {
        BetterAuthConfig c = config().ipAddressHeaders(List.of("x-forwarded-for")).trustedProxyCount(2).build();
        assertThat(ip(c, "10.0.0.1", "203.0.113.66, 198.51.100.7, 10.0.0.2")).isEqualTo("198.51.100.7");
        assertThat(ip(c, "10.0.0.1", "198.51.100.7, 10.0.0.2")).isEqualTo("198.51.100.7");
        assertThat(ip(c, "10.0.0.1", "198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void everyHopTrusted_isBetterAuthsLeftMostEntry() {
        BetterAuthConfig c = config().ipAddressHeaders(List.of("x-forwarded-for"))
                .trustedProxyCount(TrustedProxies.ALL).build();
        assertThat(ip(c, "10.0.0.1", "203.0.113.9, 10.0.0.2")).isEqualTo("203.0.113.9");
        assertThat(ip(c, "10.0.0.1", "evil.example.com")).isEqualTo("10.0.0.1");
        assertThat(new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", "s".repeat(32),
                "better-auth.advanced.ip-address.trusted-proxy-count", "all")))).load().advanced().ipAddress().trustedProxies().count())
                .isEqualTo(TrustedProxies.ALL);
    }

    @Test
    void trustedProxyNetworks_yieldTheRightMostEntryOutsideThem_andOnlyFromAProxy() {
        BetterAuthConfig c = config().ipAddressHeaders(List.of("x-forwarded-for"))
                .trustedProxies(List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.1")).build();
        assertThat(ip(c, "10.0.0.1", "203.0.113.66, 198.51.100.7, 10.1.2.3, 2001:db8::5, 192.0.2.1"))
                .isEqualTo("198.51.100.7");
        assertThat(ip(c, "::ffff:10.0.0.1", "198.51.100.7")).isEqualTo("198.51.100.7"); // IPv4-mapped socket
        assertThat(ip(c, "10.0.0.1", "10.0.0.7, 10.0.0.3")).isEqualTo("10.0.0.7"); // only proxies: the left-most
        // A peer that is no trusted proxy: its headers are not read at all.
        assertThat(ip(c, "198.51.100.9", "203.0.113.66")).isEqualTo("198.51.100.9");
        assertThat(ip(c, "192.0.2.2", "203.0.113.66")).isEqualTo("192.0.2.2");
    }

    @Test
    void aBadTrustedProxyNetwork_stopsTheStartWithTheKey() {
        for (String bad : List.of("proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "::/129")) {
            assertThatThrownBy(() -> config().trustedProxies(List.of(bad)).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("better-auth.advanced.ip-address.trusted-proxies").hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> config().trustedProxyCount(0).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("trusted-proxy-count");
    }

    /**
     * A header of 10,000 entries costs no more than a short one: entries are read from the right, as far as the
     * configuration needs (measured in bytes allocated by this thread, which is deterministic, not in time).
     */
    @Test
    void aHeaderOfTenThousandEntries_isReadOnlyAsFarAsNeeded() {
        String huge = "203.0.113.66, ".repeat(10_000) + "198.51.100.7";
        BetterAuthConfig byCount = config().ipAddressHeaders(List.of("x-forwarded-for")).build();
        BetterAuthConfig byNetwork = config().ipAddressHeaders(List.of("x-forwarded-for"))
                .trustedProxies(List.of("203.0.113.0/24")).build();
        BetterAuthConfig leftMost = config().ipAddressHeaders(List.of("x-forwarded-for"))
                .trustedProxyCount(TrustedProxies.ALL).build();
        assertThat(allocatedBy(() -> ip(byCount, "10.0.0.1", huge))).isLessThan(32 * 1024);
        assertThat(allocatedBy(() -> ip(leftMost, "10.0.0.1", huge))).isLessThan(32 * 1024);
        // Every entry a trusted proxy: the walk stops after MAX_PROXY_HOPS entries.
        String trusted = "203.0.113.5, ".repeat(10_000) + "203.0.113.6";
        assertThat(allocatedBy(() -> ip(byNetwork, "203.0.113.1", trusted)))
                .isLessThan(ClientAddress.MAX_PROXY_HOPS * 4 * 1024L);
        assertThat(ip(byNetwork, "203.0.113.1", trusted)).isEqualTo("203.0.113.5");
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        work.run(); // classes loaded, caches warm
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        work.run();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
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
        assertThat(ClientAddress.of(request("192.0.2.1", Map.of("x-forwarded-for", " 203.0.113.9 , 198.51.100.7 ")), c)
                .ipAddress()).isEqualTo("198.51.100.7");
    }
}
