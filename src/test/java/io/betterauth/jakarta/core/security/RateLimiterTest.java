package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.option.RateLimitOptions;
import io.betterauth.jakarta.config.option.PurgeOptions;
import io.betterauth.jakarta.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Better Auth's {@code rate-limiter.test.ts}, ported, on both storages (§7.2, T-38). */
class RateLimiterTest {

    private static final String IP = "203.0.113.9";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));

    private static BetterAuthConfig.Builder config() {
        return BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret("a-long-random-secret-9f8e7d6c5b4a3210ZYXWVUT");
    }

    private RateLimiter memory() {
        return new RateLimiter(config().build().rateLimit(), null, clock);
    }

    @Test
    void defaults_onUnlessDevMode_window10_max100_storageByBetterAuthsRule() {
        RateLimitOptions prod = config().build().rateLimit();
        assertThat(prod).isEqualTo(new RateLimitOptions(true, 10, 100, null));
        assertThat(BetterAuthConfig.builder().emailAndPasswordEnabled(true).devMode(true).build().rateLimit().enabled()).isFalse();
        assertThat(BetterAuthConfig.builder().emailAndPasswordEnabled(true).devMode(true).rateLimitEnabled(true).build().rateLimit().enabled()).isTrue();
        assertThat(new RateLimiter(prod, null, clock).shared()).isFalse();
        assertThat(new RateLimiter(prod, new InMemorySecondaryStorage(clock), clock).shared()).isTrue();
        assertThat(new RateLimiter(config().rateLimitStorage(RateLimitOptions.Storage.MEMORY).build().rateLimit(),
                new InMemorySecondaryStorage(clock), clock).shared()).isFalse();
        assertThatThrownBy(() -> new RateLimiter(config().rateLimitStorage(RateLimitOptions.Storage.SECONDARY_STORAGE).build().rateLimit(),
                null, clock)).isInstanceOf(ConfigurationException.class);
        // Better Auth's third storage, a rate-limit table, is not one the library has.
        assertThatThrownBy(() -> new ConfigLoader(java.util.List.of(ConfigSource.of(Map.of(
                "better-auth.secret", "a-long-random-secret-9f8e7d6c5b4a3210ZYXWVUT",
                "better-auth.rate-limit.storage", "database")))).load())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("better-auth.rate-limit.storage");
    }

    @Test
    void configLoader_readsTheKeys() {
        BetterAuthConfig c = new ConfigLoader(java.util.List.of(ConfigSource.of(Map.of(
                "better-auth.secret", "a-long-random-secret-9f8e7d6c5b4a3210ZYXWVUT",
                "better-auth.rate-limit.enabled", "false", "better-auth.rate-limit.window", "60",
                "better-auth.rate-limit.max", "5", "better-auth.rate-limit.storage", "memory",
                "better-auth.purge.interval", "0", "better-auth.purge.batch-size", "50")))).load();
        assertThat(c.rateLimit()).isEqualTo(new RateLimitOptions(false, 60, 5, RateLimitOptions.Storage.MEMORY));
        assertThat(c.purge()).isEqualTo(new PurgeOptions(true, 0, 50));
        assertThat(c.purge().active()).isFalse();
        assertThat(config().build().purge()).isEqualTo(new PurgeOptions(true, 3600, 500));
    }

    @Test
    void disabled_countsNothing() {
        RateLimiter off = new RateLimiter(config().rateLimitEnabled(false).build().rateLimit(), null, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(off.check(IP, "/sign-in/email")).isEmpty();
        }
    }

    @Test
    void returns429After3SignIns_memory() {
        after3SignIns(memory());
    }

    @Test
    void returns429After3SignIns_secondaryStorage() {
        after3SignIns(new RateLimiter(config().build().rateLimit(), new InMemorySecondaryStorage(clock), clock));
    }

    private void after3SignIns(RateLimiter limiter) {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.check(IP, "/sign-in/email")).isEmpty();
        }
        assertThat(limiter.check(IP, "/sign-in/email")).hasValue(10);
    }

    @Test
    void resetsAfterTheWindow() {
        RateLimiter limiter = memory();
        for (int i = 0; i < 3; i++) {
            limiter.check(IP, "/sign-in/email");
        }
        assertThat(limiter.check(IP, "/sign-in/email")).isPresent();
        clock.advance(Duration.ofSeconds(11));
        assertThat(limiter.check(IP, "/sign-in/email")).isEmpty();
    }

    @Test
    void resetsExactlyWhenNowMinusLastRequestReachesTheWindow() {
        RateLimiter limiter = memory();
        for (int i = 0; i < 3; i++) {
            limiter.check(IP, "/sign-in/email");
        }
        clock.advance(Duration.ofMillis(9_999));
        assertThat(limiter.check(IP, "/sign-in/email")).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.check(IP, "/sign-in/email")).isEmpty();
    }

    @Test
    void retryAfter_isCeilOfWhatRemainsOfTheWindowSinceTheLastCountedRequest() {
        RateLimiter limiter = memory();
        for (int i = 0; i < 3; i++) {
            limiter.check(IP, "/sign-in/email");
        }
        clock.advance(Duration.ofSeconds(3));
        assertThat(limiter.check(IP, "/sign-in/email")).hasValue(7);
        clock.advance(Duration.ofMillis(2_500));
        assertThat(limiter.check(IP, "/sign-in/email")).hasValue(5); // ceil(4.5); refusals do not move lastRequest
    }

    @Test
    void retryAfter_secondaryStorage_isTheWindow_asBetterAuth17Answers() {
        RateLimiter limiter = new RateLimiter(config().build().rateLimit(), new InMemorySecondaryStorage(clock), clock);
        for (int i = 0; i < 3; i++) {
            limiter.check(IP, "/sign-in/email");
        }
        clock.advance(Duration.ofSeconds(3));
        assertThat(limiter.check(IP, "/sign-in/email")).hasValue(10);
        clock.advance(Duration.ofSeconds(7)); // the counter's window opened 10 s ago: it has expired
        assertThat(limiter.check(IP, "/sign-in/email")).isEmpty();
    }

    @Test
    void limitsArePerPath_andPerIp() {
        RateLimiter limiter = memory();
        for (int i = 0; i < 3; i++) {
            limiter.check(IP, "/sign-in/email");
        }
        assertThat(limiter.check(IP, "/sign-in/email")).isPresent();
        assertThat(limiter.check(IP, "/sign-up/email")).isEmpty();
        assertThat(limiter.check("198.51.100.1", "/sign-in/email")).isEmpty();
    }

    @Test
    void specialRules_coverSignInSignUpChangePasswordChangeEmail() {
        RateLimiter limiter = memory();
        for (String path : new String[] {"/sign-in/email", "/sign-up/email", "/change-password", "/change-email"}) {
            assertThat(limiter.ruleFor(path)).isEqualTo(new RateLimiter.Rule(10, 3));
        }
        assertThat(limiter.ruleFor("/forget-password")).isEqualTo(new RateLimiter.Rule(60, 3));
        assertThat(limiter.ruleFor("/get-session")).isEqualTo(new RateLimiter.Rule(10, 100));
        assertThat(limiter.ruleFor("/list-sessions")).isEqualTo(new RateLimiter.Rule(10, 100));
    }

    @Test
    void nonSpecialPaths_allow100PerWindow() {
        RateLimiter limiter = memory();
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.check(IP, "/get-session")).as("request %d", i + 1).isEmpty();
        }
        assertThat(limiter.check(IP, "/get-session")).hasValue(10);
    }

    @Test
    void configuredWindowAndMax_applyToNonSpecialPaths() {
        RateLimiter limiter = new RateLimiter(config().rateLimitWindow(60).rateLimitMax(2).build().rateLimit(), null, clock);
        limiter.check(IP, "/get-session");
        limiter.check(IP, "/get-session");
        assertThat(limiter.check(IP, "/get-session")).hasValue(60);
        assertThat(limiter.ruleFor("/sign-in/email")).isEqualTo(new RateLimiter.Rule(10, 3));
    }

    @Test
    void theQueryIsIgnored() {
        RateLimiter limiter = memory();
        limiter.check(IP, "/sign-in/email?a=1");
        limiter.check(IP, "/sign-in/email?b=2");
        limiter.check(IP, "/sign-in/email");
        assertThat(limiter.check(IP, "/sign-in/email?c=3")).isPresent();
        assertThat(RateLimiter.key(IP, "sign-in/email?x=1")).isEqualTo(IP + "|/sign-in/email");
    }

    @Test
    void withoutAnIp_everyoneSharesOneBucketPerPath() {
        RateLimiter limiter = memory();
        limiter.check(null, "/sign-in/email");
        limiter.check("", "/sign-in/email");
        limiter.check(null, "/sign-in/email");
        assertThat(limiter.check("", "/sign-in/email")).isPresent();
        assertThat(RateLimiter.key("", "/sign-in/email")).isEqualTo("no-trusted-ip|/sign-in/email");
    }

    @Test
    void secondaryStorage_holdsBetterAuthsCounterWithTheWindowAsTtl_sharedByInstances() { // T-38
        InMemorySecondaryStorage kv = new InMemorySecondaryStorage(clock);
        RateLimiter a = new RateLimiter(config().build().rateLimit(), kv, clock);
        RateLimiter b = new RateLimiter(config().build().rateLimit(), kv, clock);
        a.check(IP, "/sign-in/email");
        b.check(IP, "/sign-in/email");
        a.check(IP, "/sign-in/email");
        assertThat(b.check(IP, "/sign-in/email")).hasValue(10); // one bucket for both instances
        String key = IP + "|/sign-in/email";
        assertThat(kv.get(key)).hasValue("4"); // Better Auth 1.7's increment counter
        assertThat(kv.ttl(key)).hasValue(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        assertThat(kv.get(key)).isEmpty(); // the counter expires by itself
        assertThat(a.check(IP, "/sign-in/email")).isEmpty();
    }

    @Test
    void secondaryStorage_concurrentRequestsOnTwoInstances_passExactlyMax() throws Exception { // issue 15, #3
        InMemorySecondaryStorage kv = new InMemorySecondaryStorage(clock);
        List<RateLimiter> instances = List.of(new RateLimiter(config().build().rateLimit(), kv, clock),
                new RateLimiter(config().build().rateLimit(), kv, clock));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
        try {
            List<java.util.concurrent.Future<Integer>> passed = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RateLimiter limiter = instances.get(t % 2);
                passed.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i = 0; i < 25; i++) {
                        n += limiter.check(IP, "/sign-in/email").isEmpty() ? 1 : 0;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> f : passed) {
                total += f.get();
            }
            assertThat(total).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStorageWithoutIncrement_keepsTheCounterObject_countedPerInstance() {
        InMemorySecondaryStorage backing = new InMemorySecondaryStorage(clock);
        io.betterauth.jakarta.spi.SecondaryStorage plain = new io.betterauth.jakarta.spi.SecondaryStorage() {
            public java.util.Optional<String> get(String key) {
                return backing.get(key);
            }
            public void set(String key, String value, Duration ttl) {
                backing.set(key, value, ttl);
            }
            public void delete(String key) {
                backing.delete(key);
            }
        };
        RateLimiter limiter = new RateLimiter(config().build().rateLimit(), plain, clock);
        after3SignIns(limiter);
        String key = IP + "|/sign-in/email";
        assertThat(backing.get(key)).hasValue("{\"key\":\"" + key + "\",\"count\":3,\"lastRequest\":"
                + clock.millis() + "}");
    }

    @Test
    void secondaryStorage_unreadableCounterOrOutage_letsTheRequestThrough() {
        InMemorySecondaryStorage kv = new InMemorySecondaryStorage(clock);
        kv.set(IP + "|/sign-in/email", "not a counter", Duration.ofSeconds(10));
        RateLimiter limiter = new RateLimiter(config().build().rateLimit(), kv, clock);
        assertThat(limiter.check(IP, "/sign-in/email")).isEmpty();
        RateLimiter down = new RateLimiter(config().build().rateLimit(), new io.betterauth.jakarta.spi.SecondaryStorage() {
            public java.util.Optional<String> get(String key) {
                throw new io.betterauth.jakarta.spi.StoreUnavailableException("down", null);
            }
            public void set(String key, String value, Duration ttl) {
            }
            public void delete(String key) {
            }
        }, clock);
        assertThat(down.check(IP, "/sign-in/email")).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aPathOfThousandsOfSlashes_isNormalisedWithLinearWork() { // fuzzing finding: was one copy per slash
        String path = "/sign-in" + "/".repeat(20_000);
        assertThat(RateLimiter.key("192.0.2.1", path)).isEqualTo("192.0.2.1|/sign-in");
        assertThat(RateLimiter.key("192.0.2.1", "/".repeat(20_000))).isEqualTo("192.0.2.1|/");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        RateLimiter.key("192.0.2.1", path);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).isLessThan(1L << 20); // the quadratic version allocated ~400 MB here
    }

    @Test
    void memory_isBoundedInBytes_underAFloodOfDistinctAddresses_andKeepsCountingTheLatest() { // issue 15, #1
        RateLimiter limiter = new RateLimiter(new RateLimitOptions(true, 10, 100, RateLimitOptions.Storage.MEMORY), null, clock);
        for (int i = 0; i < 200_000; i++) {
            limiter.check("2001:db8:" + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xffff)
                    + ":0000:0000:0000:0000", "/sign-in/email");
        }
        assertThat(limiter.memoryBytes()).isPositive().isLessThanOrEqualTo(RateLimiter.MEMORY_MAX_BYTES);
        String latest = "198.51.100.99";
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.check(latest, "/sign-in/email")).isEmpty();
        }
        assertThat(limiter.check(latest, "/sign-in/email")).isPresent();
    }

    @Test
    void unmatchedPaths_shareOneBucket_soAFloodOfThemAddsNothing() { // issue 15, #1
        RateLimiter limiter = new RateLimiter(new RateLimitOptions(true, 10, 100, RateLimitOptions.Storage.MEMORY), null, clock);
        for (int i = 0; i < 3; i++) {
            limiter.check(IP, "/sign-in/email");
        }
        limiter.check(IP, RateLimiter.UNMATCHED);
        long bytes = limiter.memoryBytes();
        for (int i = 0; i < 100_000; i++) {
            limiter.check(IP, RateLimiter.UNMATCHED);
        }
        assertThat(limiter.memoryBytes()).isEqualTo(bytes);
        assertThat(limiter.check(IP, "/sign-in/email")).isPresent();
    }
}
