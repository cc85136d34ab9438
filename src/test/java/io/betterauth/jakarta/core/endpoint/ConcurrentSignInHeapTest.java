package io.betterauth.jakarta.core.endpoint;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.core.cookie.RequestCookies;
import io.betterauth.jakarta.core.cookie.SessionCookies;
import io.betterauth.jakarta.core.security.PasswordHasher;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.core.session.SessionManager;
import io.betterauth.jakarta.core.session.SessionManagerTest;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.store.memory.InMemoryUserStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, finding 6: 60 sign-ins at once on a 512 MiB heap. Each scrypt derivation allocates 32 MiB, so unbounded
 * they need about 2 GiB and the JVM runs out of memory; bounded, every sign-in is answered 200, 401 or 503
 * ({@code Retry-After}) and nothing else. The sign-ins run in a JVM of their own started with {@code -Xmx512m}
 * ({@link #main}), so the heap is the same however the test is run; it prints one answer per line.
 */
public class ConcurrentSignInHeapTest {

    static final int THREADS = 60;

    @Test
    void sixtyConcurrentSignIns_onA512MiBHeap_areEach200Or401Or503_neverOutOfMemory() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), ConcurrentSignInHeapTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> answers = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                answers.add(line);
            }
        }
        assertThat(jvm.waitFor(5, TimeUnit.MINUTES)).as("the sign-ins' JVM ended").isTrue();
        assertThat(answers).hasSize(THREADS).allSatisfy(a -> assertThat(a).isIn("200", "401", "503"));
        assertThat(jvm.exitValue()).isZero();
    }

    /** 60 threads sign in at once, a third each with the right password, a wrong one and an unknown email. */
    public static void main(String[] args) throws InterruptedException {
        if (Runtime.getRuntime().maxMemory() > 512L << 20) {
            System.out.println("heap larger than 512 MiB: " + Runtime.getRuntime().maxMemory());
            System.exit(1);
        }
        BetterAuthConfig config = BetterAuthConfig.builder().emailAndPasswordEnabled(true).secret(SessionManagerTest.SECRET)
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
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String body = switch (i % 3) {
                case 0 -> "{\"email\":\"u@example.com\",\"password\":\"test123456\"}";
                case 1 -> "{\"email\":\"u@example.com\",\"password\":\"wrong-password\"}";
                default -> "{\"email\":\"nobody" + i + "@example.com\",\"password\":\"test123456\"}"; // hashes too
            };
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    answers.add(String.valueOf(auth.signIn(EmailPasswordAuthTest.body(body), ClientInfo.UNKNOWN,
                            RequestCookies.empty()).status()));
                } catch (AuthException e) {
                    answers.add(e.status() == 503 && !"1".equals(e.headers().get("Retry-After"))
                            ? "503 without Retry-After" : String.valueOf(e.status()));
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
        answers.forEach(System.out::println);
        System.exit(0);
    }
}
