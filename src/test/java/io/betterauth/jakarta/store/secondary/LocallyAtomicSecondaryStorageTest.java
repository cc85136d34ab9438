package io.betterauth.jakarta.store.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import io.betterauth.jakarta.spi.SecondaryStorage;
import io.betterauth.jakarta.store.memory.InMemorySecondaryStorage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An application's plain storage, wrapped: getAndDelete hands a value to exactly one caller of this JVM. */
class LocallyAtomicSecondaryStorageTest {

    @Test
    void concurrentGetAndDeletes_handTheValueToExactlyOne() throws Exception {
        InMemorySecondaryStorage backing = new InMemorySecondaryStorage();
        SecondaryStorage plain = new SecondaryStorage() {
            public Optional<String> get(String key) {
                Optional<String> v = backing.get(key);
                Thread.yield(); // widen the window between the read and the delete
                return v;
            }
            public void set(String key, String value, Duration ttl) {
                backing.set(key, value, ttl);
            }
            public void delete(String key) {
                backing.delete(key);
            }
        };
        AtomicSecondaryStorage wrapped = LocallyAtomicSecondaryStorage.of(plain);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                String key = "once-" + round;
                wrapped.set(key, "v", Duration.ofSeconds(30));
                AtomicInteger got = new AtomicInteger();
                List<Future<?>> all = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    all.add(pool.submit(() -> wrapped.getAndDelete(key).ifPresent(v -> got.incrementAndGet())));
                }
                for (Future<?> f : all) {
                    f.get();
                }
                assertThat(got).as(key).hasValue(1);
                assertThat(backing.get(key)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
