package io.betterauth.jakarta.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.StoreProbe;
import io.betterauth.jakarta.store.jpa.JdbcPersistenceUnit;
import io.betterauth.jakarta.store.jpa.JpaSessionStore;
import io.betterauth.jakarta.store.jpa.JpaUserStore;
import io.betterauth.jakarta.store.jpa.schema.SchemaInstaller;
import io.betterauth.jakarta.store.redis.RedisSecondaryStorage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The readiness and liveness answers on real stores: the JPA stores on H2 (tables present, tables missing, unit
 * closed), the Redis storage on the real Redis of 127.0.0.1:6379 ({@code -Dtest.redis.url}) and on a port where
 * nothing listens, a store that hangs. A reason is a few words: never the URL, its password or a stack trace.
 */
class HealthChecksTest {

    static final String REDIS = System.getProperty("test.redis.url", "redis://127.0.0.1:6379/15");
    static final String SECRET = "s3cr3t-pa55word";

    final ProbeRunner inline = new ProbeRunner(null, Duration.ofSeconds(3));
    JdbcPersistenceUnit unit;
    RedisSecondaryStorage redis;
    ExecutorService executor;

    @AfterEach
    void close() {
        if (unit != null) {
            unit.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    JdbcPersistenceUnit h2(boolean withTables) throws Exception {
        unit = JdbcPersistenceUnit.open("jdbc:h2:mem:health-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        if (withTables) {
            try (Connection c = unit.connect()) {
                SchemaInstaller.installIfMissing(c);
            }
        }
        return unit;
    }

    static HealthCheckResponse database(StoreProbe probe, ProbeRunner runner) {
        return StoreHealth.readiness(DatabaseHealthCheck.NAME, true, Optional.ofNullable(probe), runner);
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void database_isUp_whenTheJpaStoresAnswer() throws Exception {
        JdbcPersistenceUnit h2 = h2(true);

        HealthCheckResponse users = database(new JpaUserStore(h2.transactions()), inline);
        HealthCheckResponse sessions = database(new JpaSessionStore(h2.transactions()), inline);

        assertThat(users.getName()).isEqualTo("better-auth-database");
        assertThat(users.getStatus()).isEqualTo(Status.UP);
        assertThat(users.getData()).contains(Map.of("configured", true));
        assertThat(sessions.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void database_isDown_withAShortReason_whenItsTablesAreMissing() throws Exception {
        HealthCheckResponse answer = database(new JpaUserStore(h2(false).transactions()), inline);

        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
        assertThat(answer.getData().orElseThrow().get("reason")).asString()
                .startsWith("The store failed: ").doesNotContain("\n").hasSizeLessThan(100);
    }

    @Test
    void database_isDown_whenThePersistenceUnitIsClosed() throws Exception {
        JpaUserStore store = new JpaUserStore(h2(true).transactions());
        unit.close();
        unit = null;

        HealthCheckResponse answer = database(store, inline);

        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
        assertThat(answer.getData().orElseThrow().get("reason")).asString().doesNotContain("\n").isNotBlank();
    }

    @Test
    void noDatabaseStore_isUp_andSaysSo() {
        HealthCheckResponse answer = database(null, inline);

        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getData()).contains(Map.of("configured", false));
    }

    @Test
    void redis_isUp_whenItAnswersPing() {
        redis = new RedisSecondaryStorage(REDIS);

        HealthCheckResponse answer = StoreHealth.readiness(RedisHealthCheck.NAME, true, Optional.of(redis), inline);

        assertThat(answer.getName()).isEqualTo("better-auth-redis");
        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getData()).contains(Map.of("configured", true));
    }

    @Test
    void redis_isDown_whenNothingListens_andTheReasonHoldsNoPassword() throws Exception {
        redis = new RedisSecondaryStorage("redis://app:" + SECRET + "@127.0.0.1:" + closedPort() + "/0",
                Duration.ofMillis(500));

        HealthCheckResponse answer = StoreHealth.readiness(RedisHealthCheck.NAME, true, Optional.of(redis), inline);

        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
        assertThat(answer.getData().orElseThrow().get("reason")).asString()
                .isEqualTo("Redis PING failed: JedisConnectionException");
        assertThat(answer.getData().orElseThrow().toString()).doesNotContain(SECRET).doesNotContain("127.0.0.1");
    }

    @Test
    void noRedis_isUp_withConfiguredFalse() {
        HealthCheckResponse answer = StoreHealth.readiness(RedisHealthCheck.NAME, true, Optional.empty(), inline);

        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getData()).contains(Map.of("configured", false));
    }

    @Test
    void aStoreThatHangs_isDown_once_theWaitIsOver() {
        executor = Executors.newSingleThreadExecutor();
        CountDownLatch never = new CountDownLatch(1);
        ProbeRunner bounded = new ProbeRunner(executor, Duration.ofMillis(100));

        HealthCheckResponse answer = database(timeout -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, bounded);

        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
        assertThat(answer.getData().orElseThrow().get("reason")).isEqualTo("no answer within 100 ms");
    }

    /** A probe that ignores interrupts (as a blocked socket read does) and hangs until released; counts its runs. */
    static final class DeafProbe implements StoreProbe {
        final AtomicInteger started = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        /** Runs after the first one answer at once (the store recovered), unless they hang too. */
        final boolean onlyTheFirstHangs;

        DeafProbe(boolean onlyTheFirstHangs) {
            this.onlyTheFirstHangs = onlyTheFirstHangs;
        }

        @Override
        public void probe(Duration timeout) {
            if (started.incrementAndGet() > 1 && onlyTheFirstHangs) {
                return;
            }
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // a blocked socket read does not end on an interrupt either
                }
            }
        }
    }

    /**
     * A readiness probe is public (Payara, WildFly: the application's port). The checks asked while a store's probe
     * hangs wait for that probe: a flood of them starts no thread and takes no connection of its own.
     */
    @Test
    void checksAskedWhileAProbeHangs_waitForIt_insteadOfEachStartingOne() throws Exception {
        executor = Executors.newCachedThreadPool();
        ProbeRunner bounded = new ProbeRunner(executor, Duration.ofMillis(50));
        DeafProbe deaf = new DeafProbe(false);
        List<Thread> checks = new ArrayList<>();
        List<HealthCheckResponse> answers = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 6; i++) {
            Thread check = new Thread(() -> {
                try {
                    go.await();
                    answers.add(database(deaf, bounded));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            check.start();
            checks.add(check);
        }
        go.countDown();
        for (Thread check : checks) {
            check.join();
        }

        assertThat(deaf.started).hasValue(1);
        assertThat(answers).hasSize(6).allSatisfy(a -> {
            assertThat(a.getStatus()).isEqualTo(Status.DOWN);
            assertThat(a.getData().orElseThrow().get("reason")).isEqualTo("no answer within 50 ms");
        });
        deaf.release.countDown();
    }

    /** A probe stuck past its wait is replaced by the next check, so a store that came back is UP again. */
    @Test
    void aProbeStuckPastItsWait_isReplaced_soAStoreThatCameBackIsUp() {
        executor = Executors.newCachedThreadPool();
        ProbeRunner bounded = new ProbeRunner(executor, Duration.ofMillis(50));
        DeafProbe firstHangs = new DeafProbe(true);

        assertThat(database(firstHangs, bounded).getStatus()).isEqualTo(Status.DOWN);
        assertThat(database(firstHangs, bounded).getStatus()).isEqualTo(Status.UP);
        assertThat(firstHangs.started).hasValue(2);
        firstHangs.release.countDown();
    }

    /** Probes that never end are replaced only up to the bound: then the checks wait for one of them. */
    @Test
    void probesThatNeverEnd_areNeverMoreThanTheBound_howeverOftenTheCheckIsAsked() {
        executor = Executors.newCachedThreadPool();
        ProbeRunner bounded = new ProbeRunner(executor, Duration.ofMillis(50));
        DeafProbe deaf = new DeafProbe(false);

        for (int i = 0; i < ProbeRunner.MAX_RUNNING + 2; i++) {
            HealthCheckResponse answer = database(deaf, bounded);
            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(answer.getData().orElseThrow().get("reason")).isEqualTo("no answer within 50 ms");
        }

        assertThat(deaf.started).hasValue(ProbeRunner.MAX_RUNNING);
        deaf.release.countDown();
    }

    @Test
    void aFailureThatIsNotAnOutage_isNamedByItsClass_neverByItsMessage() {
        HealthCheckResponse answer = database(timeout -> {
            throw new IllegalStateException("jdbc:postgresql://db/app?password=" + SECRET);
        }, inline);

        assertThat(answer.getData().orElseThrow().get("reason")).isEqualTo("IllegalStateException");
    }

    @Test
    void beforeTheRuntimeStarts_everyCheckIsDown() {
        assertThat(StoreHealth.readiness(RedisHealthCheck.NAME, false, Optional.empty(), inline).getStatus())
                .isEqualTo(Status.DOWN);
        assertThat(StoreHealth.liveness(RuntimeHealthCheck.NAME, false).getStatus()).isEqualTo(Status.DOWN);
        assertThat(StoreHealth.liveness(RuntimeHealthCheck.NAME, true).getStatus()).isEqualTo(Status.UP);
        assertThat(StoreHealth.liveness(RuntimeHealthCheck.NAME, true).getName()).isEqualTo("better-auth");
    }
}
