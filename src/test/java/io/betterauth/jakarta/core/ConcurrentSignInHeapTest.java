package io.betterauth.jakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, finding 6: 60 sign-ins at once on a 512 MiB heap. Each scrypt derivation allocates 32 MiB, so unbounded
 * they need about 2 GiB and the JVM runs out of memory; bounded, every sign-in is answered 200, 401 or 503
 * ({@code Retry-After}) and nothing else. Runs in the {@code bounded-heap} surefire execution ({@code -Xmx512m}, a JVM
 * of its own: see pom.xml), and refuses to run on a larger heap, where it would prove nothing.
 */
class ConcurrentSignInHeapTest {

    static final int THREADS = 60;

    @Test
    void sixtyConcurrentSignIns_onA512MiBHeap_areEach200Or401Or503_neverOutOfMemory() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run in the bounded-heap execution (-Xmx512m)")
                .isLessThanOrEqualTo(512L << 20);
        BetterAuthConfig config = BetterAuthConfig.builder().secret(SessionManagerTest.SECRET)
                .baseUrl("http://localhost:3000").build();
        InMemoryUserStore users = new InMemoryUserStore();
        SessionManager manager = new SessionManager(config, new InMemorySessionStore(), users,
                new SessionCookies(config), new IdGenerator(), java.time.Clock.systemUTC());
        // As the runtime wires it: one hasher for every endpoint, bounded by the configuration.
        EmailPasswordAuth auth = new EmailPasswordAuth(config, users, manager,
                new PasswordHasher(config.emailAndPassword().maxConcurrentHashes()), new IdGenerator());
        auth.signUp(EmailPasswordAuthTest.body("{\"name\":\"U\",\"email\":\"u@example.com\",\"password\":\"test123456\"}"),
                ClientInfo.UNKNOWN, RequestCookies.empty());

        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Object> answers = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            // A third each: the right password, a wrong one, an unknown email (which hashes too).
            String body = switch (i % 3) {
                case 0 -> "{\"email\":\"u@example.com\",\"password\":\"test123456\"}";
                case 1 -> "{\"email\":\"u@example.com\",\"password\":\"wrong-password\"}";
                default -> "{\"email\":\"nobody" + i + "@example.com\",\"password\":\"test123456\"}";
            };
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    answers.add(auth.signIn(EmailPasswordAuthTest.body(body), ClientInfo.UNKNOWN,
                            RequestCookies.empty()).status());
                } catch (AuthException e) {
                    answers.add(e.status() == 503 && !"1".equals(e.headers().get("Retry-After"))
                            ? "503 without Retry-After" : e.status());
                } catch (Throwable e) { // OutOfMemoryError above all
                    answers.add(e.toString());
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(answers).hasSize(THREADS);
        assertThat(answers).allSatisfy(a -> assertThat(a).isIn(200, 401, 503));
    }
}
