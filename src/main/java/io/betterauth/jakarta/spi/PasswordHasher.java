package io.betterauth.jakarta.spi;

/**
 * Better Auth's {@code emailAndPassword.password.hash} and {@code verify}: the app's own password hashing, for
 * example to sign in users migrated with bcrypt or PBKDF2 hashes in {@code account.password}. Provide one CDI bean
 * implementing it and sign-up, sign-in, change-password and delete-user (with a password) use it; without one, the
 * library hashes with Better Auth's scrypt. Calls run at most {@code max-concurrent-hashes} at a time, as the
 * built-in's do. {@code BetterAuthApi.scryptHash}/{@code scryptVerify} are the built-in, to delegate to.
 */
public interface PasswordHasher {

    /** The value stored in {@code account.password} for a new password. */
    String hash(String password);

    /**
     * Whether the password matches a stored value ({@code hash} is what {@link #hash} or an earlier system stored).
     * An exception counts as a mismatch.
     */
    boolean verify(String hash, String password);
}
