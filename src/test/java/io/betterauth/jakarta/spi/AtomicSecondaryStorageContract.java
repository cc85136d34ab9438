package io.betterauth.jakarta.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.testing.Race;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AtomicSecondaryStorage} must do, beyond {@link SecondaryStorageContract}: Better Auth 1.7's
 * {@code increment} (a fixed-window counter) and {@code getAndDelete}, and the conditional writes, each atomic under
 * real concurrency. Published in the {@code tests} JAR with its base class; it needs AssertJ as well as JUnit 5.
 */
public abstract class AtomicSecondaryStorageContract extends SecondaryStorageContract {

    static final int THREADS = 8;
    static final int PER_THREAD = 250;

    final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @Override
    protected abstract AtomicSecondaryStorage storage();

    /** A second client of the same store (another application instance); may be {@link #storage()} itself. */
    @Override
    protected abstract AtomicSecondaryStorage otherClient();

    /** The time to live left on {@code key}, read from the store itself; empty when it has none or is missing. */
    protected abstract Optional<Duration> ttlOf(String key);

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Runs {@code work} on {@link #THREADS} threads released together; thread {@code i} gets {@code i}. */
    <T> List<T> together(IntFunction<T> work) {
        return Race.run(threads, 0, IntStream.range(0, THREADS).mapToObj(i -> (Callable<T>) () -> work.apply(i))
                .toList());
    }

    // increment ---------------------------------------------------------------------------------------------------

    @Test
    void increment_ofAnAbsentKey_answersOne_andStartsAWindowOfTheGivenTtl() {
        String key = key("counter");
        assertThat(storage().increment(key, Duration.ofSeconds(600))).isEqualTo(1);
        assertThat(storage().get(key)).contains("1");
        assertThat(ttlOf(key)).hasValueSatisfying(ttl ->
                assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(600)));
    }

    @Test
    void increment_answersTheCountAfterIt_andNeverExtendsTheWindow() {
        String key = key("window");
        storage().increment(key, Duration.ofSeconds(100));
        assertThat(storage().increment(key, Duration.ofSeconds(5000))).isEqualTo(2);
        assertThat(otherClient().increment(key, Duration.ofSeconds(5000))).isEqualTo(3);
        assertThat(ttlOf(key)).hasValueSatisfying(ttl ->
                assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(100)));
    }

    @Test
    void concurrentIncrements_onTwoClients_areNeverLost_andEachCountIsAnsweredOnce() {
        String key = key("concurrent");
        Set<Long> answered = ConcurrentHashMap.newKeySet();
        together(thread -> {
            AtomicSecondaryStorage client = thread % 2 == 0 ? storage() : otherClient();
            for (int i = 0; i < PER_THREAD; i++) {
                answered.add(client.increment(key, Duration.ofSeconds(600)));
            }
            return null;
        });
        long total = (long) THREADS * PER_THREAD;
        assertThat(storage().get(key)).contains(Long.toString(total));
        assertThat(answered).hasSize((int) total).allMatch(n -> n >= 1 && n <= total);
    }

    @Test
    void increment_ofAValueThatIsNotAnInteger_failsAsTheStoreDoes_andLeavesIt() {
        String key = key("text");
        storage().set(key, "{\"count\":1}", Duration.ofSeconds(60));
        assertThatThrownBy(() -> storage().increment(key, Duration.ofSeconds(60)))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(storage().get(key)).contains("{\"count\":1}");
    }

    @Test
    void increment_andCompareAndSet_rejectANonPositiveTtl() {
        String key = key("ttl");
        assertThatThrownBy(() -> storage().increment(key, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().compareAndSet(key, null, "v", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(storage().get(key)).isEmpty();
    }

    // getAndDelete ------------------------------------------------------------------------------------------------

    @Test
    void getAndDelete_answersTheValue_andRemovesIt_andAnswersNothingForAnAbsentKey() {
        String key = key("single-use");
        storage().set(key, "{\"value\":\"x\"}", Duration.ofSeconds(60));
        assertThat(storage().getAndDelete(key)).contains("{\"value\":\"x\"}");
        assertThat(storage().get(key)).isEmpty();
        assertThat(otherClient().getAndDelete(key)).isEmpty();
    }

    @Test
    void concurrentGetAndDeletes_onTwoClients_handTheValueToExactlyOne() {
        for (int round = 0; round < 50; round++) {
            String key = key("consume");
            storage().set(key, "otp-" + round, Duration.ofSeconds(60));
            List<Optional<String>> got = together(thread ->
                    (thread % 2 == 0 ? storage() : otherClient()).getAndDelete(key));
            assertThat(got.stream().filter(Optional::isPresent).toList()).as("round %d", round)
                    .containsExactly(Optional.of("otp-" + round));
        }
    }

    // compareAndSet, compareAndDelete -----------------------------------------------------------------------------

    @Test
    void compareAndSet_writesOnlyOverTheExpectedValue_withTheNewTtl() {
        String key = key("cas");
        storage().set(key, "one", Duration.ofSeconds(60));
        assertThat(storage().compareAndSet(key, "two", "three", Duration.ofSeconds(600))).isFalse();
        assertThat(storage().get(key)).contains("one");
        assertThat(storage().compareAndSet(key, "one", "two", Duration.ofSeconds(600))).isTrue();
        assertThat(storage().get(key)).contains("two");
        assertThat(ttlOf(key)).hasValueSatisfying(ttl -> assertThat(ttl).isGreaterThan(Duration.ofSeconds(60)));
    }

    @Test
    void compareAndSet_neverWritesBackADeletedKey() {
        String key = key("deleted");
        storage().set(key, "{\"session\":{}}", Duration.ofSeconds(60));
        otherClient().delete(key);
        assertThat(storage().compareAndSet(key, "{\"session\":{}}", "{\"session\":{\"x\":1}}",
                Duration.ofSeconds(60))).isFalse();
        assertThat(storage().get(key)).isEmpty();
    }

    @Test
    void compareAndSet_withNoExpectedValue_writesOnlyAnAbsentKey() {
        String key = key("nx");
        assertThat(storage().compareAndSet(key, null, "first", Duration.ofSeconds(60))).isTrue();
        assertThat(otherClient().compareAndSet(key, null, "second", Duration.ofSeconds(60))).isFalse();
        assertThat(storage().get(key)).contains("first");
    }

    @Test
    void compareAndSet_comparesTheWholeValueExactly_unicodeIncluded() {
        String key = key("unicode");
        String value = "[{\"token\":\"t\",\"name\":\"Zo\u00eb \u2603 \ud83d\ude00\"}]";
        storage().set(key, value, Duration.ofSeconds(60));
        assertThat(storage().compareAndSet(key, value.substring(0, value.length() - 1), "x", Duration.ofSeconds(60)))
                .isFalse();
        assertThat(otherClient().compareAndSet(key, value, value + " ", Duration.ofSeconds(60))).isTrue();
        assertThat(storage().get(key)).contains(value + " ");
    }

    @Test
    void concurrentReadModifyWrites_withCompareAndSet_onTwoClients_loseNoUpdate() {
        String key = key("cas-counter");
        together(thread -> {
            AtomicSecondaryStorage client = thread % 2 == 0 ? storage() : otherClient();
            for (int i = 0; i < PER_THREAD / 5; i++) {
                while (true) {
                    Optional<String> seen = client.get(key);
                    String next = Integer.toString(seen.map(Integer::parseInt).orElse(0) + 1);
                    if (client.compareAndSet(key, seen.orElse(null), next, Duration.ofSeconds(600))) {
                        break;
                    }
                }
            }
            return null;
        });
        assertThat(storage().get(key)).contains(Integer.toString(THREADS * (PER_THREAD / 5)));
    }

    @Test
    void compareAndDelete_deletesOnlyTheExpectedValue() {
        String key = key("cad");
        storage().set(key, "[1]", Duration.ofSeconds(60));
        assertThat(storage().compareAndDelete(key, "[2]")).isFalse();
        assertThat(storage().get(key)).contains("[1]");
        assertThat(otherClient().compareAndDelete(key, "[1]")).isTrue();
        assertThat(storage().get(key)).isEmpty();
        assertThat(storage().compareAndDelete(key, "[1]")).isFalse();
    }
}
