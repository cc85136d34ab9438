package io.betterauth.jakarta.core.session;

import java.security.SecureRandom;

/**
 * Generates session tokens and row ids exactly as Better Auth's {@code generateId(32)} does: 62 symbols
 * ({@code a-z}, {@code A-Z}, {@code 0-9} in that order), chosen by rejection sampling of random bytes so that
 * every symbol is equally likely (bytes {@code >= 248} are discarded, the rest map with {@code % 62}).
 */
public final class IdGenerator {

    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Better Auth's length for tokens and ids: about 190 bits of entropy. */
    public static final int DEFAULT_LENGTH = 32;
    private static final int LIMIT = 256 - (256 % ALPHABET.length()); // 248

    private final SecureRandom random;

    public IdGenerator() {
        this(new SecureRandom());
    }

    public IdGenerator(SecureRandom random) {
        this.random = random;
    }

    /** A new 32-character id or token. */
    public String generate() {
        return generate(DEFAULT_LENGTH);
    }

    public String generate(int length) {
        StringBuilder out = new StringBuilder(length);
        byte[] buffer = new byte[length * 2];
        while (out.length() < length) {
            random.nextBytes(buffer);
            for (int i = 0; i < buffer.length && out.length() < length; i++) {
                int b = buffer[i] & 0xff;
                if (b < LIMIT) {
                    out.append(ALPHABET.charAt(b % ALPHABET.length()));
                }
            }
        }
        return out.toString();
    }
}
