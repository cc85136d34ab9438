package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Better Auth's password hash: scrypt (N=16384, r=16, p=1, 64-byte key) over the NFKC-normalised password, with a
 * random 16-byte salt whose <em>hex string</em> is the salt input, stored as {@code saltHex:keyHex}. A hash written
 * by a Node Better Auth verifies here and the other way round. Comparison is constant-time.
 *
 * <p>Each derivation allocates {@value #MEMORY_PER_HASH} bytes (scrypt's {@code 128·r·N}), so derivations run at most
 * {@code maxConcurrentHashes} at a time (ours): a caller waits for a turn
 * for at most {@link #WAIT}, then gets 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} instead of a heap
 * exhausted by a burst of sign-ins (sign-in with an unknown email hashes too).
 */
public final class PasswordHasher {

    private static final int N = 16384;
    private static final int R = 16;
    private static final int P = 1;
    private static final int KEY_LENGTH = 64;
    /** What one derivation allocates: scrypt's {@code V} array, {@code 128·r·N} bytes (32 MiB). */
    public static final long MEMORY_PER_HASH = 128L * R * N;
    /** The longest a derivation waits for its turn. */
    static final Duration WAIT = Duration.ofMillis(500);
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random;
    private final Semaphore permits;
    private final long waitNanos;

    /** At most {@link #defaultConcurrency()} derivations at a time. */
    public PasswordHasher() {
        this(defaultConcurrency());
    }

    /** At most this many derivations at a time ({@code better-auth.email-and-password.password.max-concurrent-hashes}). */
    public PasswordHasher(int maxConcurrentHashes) {
        this(new SecureRandom(), new Semaphore(requirePositive(maxConcurrentHashes), true), WAIT);
    }

    public PasswordHasher(SecureRandom random) {
        this(random, new Semaphore(defaultConcurrency(), true), WAIT);
    }

    /** With the permits of another hasher, or of a test that holds them. */
    PasswordHasher(SecureRandom random, Semaphore permits, Duration wait) {
        this.random = random;
        this.permits = permits;
        this.waitNanos = wait.toNanos();
    }

    private static int requirePositive(int maxConcurrentHashes) {
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be 1 or more, not " + maxConcurrentHashes);
        }
        return maxConcurrentHashes;
    }

    /**
     * Twice the processors (scrypt is CPU-bound; more in flight only queue for a core while holding their memory), and
     * never more than a quarter of the maximum heap's worth of derivations; at least one.
     */
    public static int defaultConcurrency() {
        Runtime runtime = Runtime.getRuntime();
        return (int) Math.max(1, Math.min(2L * runtime.availableProcessors(), runtime.maxMemory() / 4 / MEMORY_PER_HASH));
    }

    public String hash(String password) {
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HEX.formatHex(saltBytes);
        return salt + ":" + HEX.formatHex(derive(password, salt));
    }

    /** False for a wrong password and for a stored value that is not in Better Auth's format. */
    public boolean verify(String password, String stored) {
        if (stored == null) {
            return false;
        }
        int colon = stored.indexOf(':');
        if (colon <= 0 || colon == stored.length() - 1) {
            return false;
        }
        byte[] expected;
        try {
            expected = HEX.parseHex(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return ConstantTime.equal(expected, derive(password, stored.substring(0, colon)));
    }

    private byte[] derive(String password, String salt) {
        byte[] pw = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        boolean turn;
        try {
            turn = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new AuthException(ErrorCode.SERVICE_UNAVAILABLE.status(), ErrorCode.SERVICE_UNAVAILABLE.name(),
                    "Too many password checks at once, try again shortly", List.of(), Map.of("Retry-After", "1"));
        }
        try {
            return SCrypt.generate(pw, salt.getBytes(StandardCharsets.UTF_8), N, R, P, KEY_LENGTH);
        } finally {
            permits.release();
        }
    }
}
