package io.betterauth.jakarta.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link RedisConnection} while its Sentinels do not answer: a fake Sentinel on loopback that accepts connections
 * and answers nothing until the test drops them. Each wait is bounded polling, no step is timed.
 */
class RedisConnectionTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    ServerSocket sentinel;
    final List<Socket> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    volatile boolean dropAtOnce;
    RedisConnection connection;

    @AfterEach
    void close() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (sentinel != null) {
            sentinel.close();
        }
        for (Socket s : accepted) {
            s.close();
        }
    }

    /** A Sentinel that takes every connection and never answers (or, once {@link #dropAtOnce}, drops it). */
    int silentSentinel() throws IOException {
        sentinel = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!sentinel.isClosed()) {
                try {
                    Socket s = sentinel.accept();
                    connections.incrementAndGet();
                    if (dropAtOnce) {
                        s.close();
                    } else {
                        accepted.add(s);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-sentinel");
        acceptor.setDaemon(true);
        acceptor.start();
        return sentinel.getLocalPort();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + WAIT + ": " + what);
            }
            Thread.sleep(10);
        }
    }

    static Thread asking(RedisConnection connection, List<Throwable> failures) {
        Thread t = new Thread(() -> {
            try {
                connection.client();
            } catch (JedisException | IllegalStateException e) {
                failures.add(e);
            }
        }, "asks-for-the-client");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Every request needing Redis asks for the client. While a Sentinel hangs, one build waits out the timeout; the
     * calls that queued behind it get its failure instead of each building (and waiting) again in turn, which made
     * the n-th caller wait n timeouts and held every request thread.
     */
    @Test
    void callsWaitingForAFailingBuild_shareItsFailure_insteadOfEachBuildingAgain() throws Exception {
        int port = silentSentinel();
        connection = new RedisConnection(RedisEndpoint.parse("redis-sentinel://127.0.0.1:" + port + "/better-auth"),
                WAIT, null);
        List<Throwable> failures = new CopyOnWriteArrayList<>();

        Thread first = asking(connection, failures);
        await("the first build reaches the Sentinel", () -> connections.get() == 1);
        Thread second = asking(connection, failures);
        Thread third = asking(connection, failures);
        await("the others wait for the first build",
                () -> second.getState() == Thread.State.BLOCKED && third.getState() == Thread.State.BLOCKED);
        int beforeTheDrop = connections.get();
        dropAtOnce = true;
        for (Socket s : accepted) {
            s.close();
        }
        first.join(WAIT.toMillis());
        second.join(WAIT.toMillis());
        third.join(WAIT.toMillis());

        assertThat(failures).hasSize(3);
        assertThat(connections.get() - beforeTheDrop).as("connections opened after the first build failed").isZero();
        assertThat(failures.get(1)).isInstanceOf(JedisException.class);
        assertThat(failures.get(2)).isInstanceOf(JedisException.class);
    }

    /** The failure is not remembered: a later call builds again (Redis may be back). */
    @Test
    void aCallAfterTheFailure_buildsAgain() throws Exception {
        int port = silentSentinel();
        dropAtOnce = true;
        connection = new RedisConnection(RedisEndpoint.parse("redis-sentinel://127.0.0.1:" + port + "/better-auth"),
                WAIT, null);
        List<Throwable> failures = new CopyOnWriteArrayList<>();

        asking(connection, failures).join(WAIT.toMillis());
        int once = connections.get();
        asking(connection, failures).join(WAIT.toMillis());

        assertThat(failures).hasSize(2);
        assertThat(connections.get()).isEqualTo(2 * once);
    }
}
