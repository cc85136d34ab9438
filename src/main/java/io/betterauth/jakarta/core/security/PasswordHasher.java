package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hashes and verifies passwords with the app's {@link io.betterauth.jakarta.spi.PasswordHasher} bean (Better Auth's
 * {@code emailAndPassword.password.hash/verify}) or, without one, Better Auth's {@link Scrypt}.
 *
 * <p>A scrypt derivation allocates {@value #MEMORY_PER_HASH} bytes (scrypt's {@code 128·r·N}), so hashes and checks
 * run at most {@code maxConcurrentHashes} at a time (ours; the app's hasher too): a caller waits for a turn for at
 * most {@link #WAIT}, then gets 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} instead of a heap exhausted
 * by a burst of sign-ins (sign-in with an unknown email hashes too).
 */
public final class PasswordHasher {

    /** What one scrypt derivation allocates: its {@code V} array, {@code 128·r·N} bytes (32 MiB). */
    public static final long MEMORY_PER_HASH = Scrypt.MEMORY_PER_HASH;
    /** The longest a derivation waits for its turn. */
    static final Duration WAIT = Duration.ofMillis(500);
    private static final System.Logger LOG = System.getLogger(PasswordHasher.class.getName());

    private final io.betterauth.jakarta.spi.PasswordHasher hashing;
    private final boolean appHasher;
    private final Semaphore permits;
    private final long waitNanos;

    /** At most {@link #defaultConcurrency()} derivations at a time. */
    public PasswordHasher() {
        this(defaultConcurrency());
    }

    /** At most this many derivations at a time ({@code better-auth.email-and-password.password.max-concurrent-hashes}). */
    public PasswordHasher(int maxConcurrentHashes) {
        this(new Scrypt(), false, new Semaphore(requirePositive(maxConcurrentHashes), true), WAIT);
    }

    /**
     * The app's hasher (Better Auth's {@code password.hash/verify}), at most this many calls at a time; {@code null}
     * for Better Auth's scrypt.
     */
    public PasswordHasher(int maxConcurrentHashes, io.betterauth.jakarta.spi.PasswordHasher appHasher) {
        this(appHasher != null ? appHasher : new Scrypt(), appHasher != null,
                new Semaphore(requirePositive(maxConcurrentHashes), true), WAIT);
    }

    public PasswordHasher(SecureRandom random) {
        this(new Scrypt(random), false, new Semaphore(defaultConcurrency(), true), WAIT);
    }

    /** With the permits of another hasher, or of a test that holds them. */
    PasswordHasher(SecureRandom random, Semaphore permits, Duration wait) {
        this(new Scrypt(random), false, permits, wait);
    }

    PasswordHasher(io.betterauth.jakarta.spi.PasswordHasher hashing, boolean appHasher, Semaphore permits,
                   Duration wait) {
        this.hashing = hashing;
        this.appHasher = appHasher;
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
        acquire();
        try {
            return hashing.hash(password);
        } finally {
            permits.release();
        }
    }

    /**
     * Hashes a password only to spend the time a real check takes (sign-in with an unknown email, as Better Auth
     * does), so an unknown email answers as slowly as a wrong password. An app's hasher that throws here (a bcrypt
     * one past 72 bytes) changes nothing: the caller answers 401 either way, never 500, and a known email whose
     * check throws is a 401 too, so the two cannot be told apart. The bound applies (503 when it is full).
     */
    public void hashDiscarded(String password) {
        acquire();
        try {
            hashing.hash(password);
        } catch (RuntimeException e) {
            if (!appHasher) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "The application's PasswordHasher failed to hash a password ("
                    + e.getClass().getName() + "); the sign-in answers as for a wrong password");
        } finally {
            permits.release();
        }
    }

    /**
     * False for a wrong password and for a stored value that is not in the hasher's format; an app's hasher that
     * throws is a mismatch too (logged without the values).
     */
    public boolean verify(String password, String stored) {
        if (stored == null) {
            return false;
        }
        acquire();
        try {
            return hashing.verify(stored, password);
        } catch (RuntimeException e) {
            if (!appHasher) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "The application's PasswordHasher failed to verify a password ("
                    + e.getClass().getName() + "); counted as a wrong password");
            return false;
        } finally {
            permits.release();
        }
    }

    private void acquire() {
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
    }
}
