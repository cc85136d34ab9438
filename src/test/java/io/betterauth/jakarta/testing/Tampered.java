package io.betterauth.jakarta.testing;

/**
 * A value with one character changed, always to a different one: replacing it with a fixed letter leaves a value
 * that already has that letter there unchanged (a random token starting with {@code X}: 1 run in 62), and the
 * "tampered" value is then the genuine one.
 */
public final class Tampered {

    private Tampered() {
    }

    /** {@code value} with the character at {@code index} replaced by another letter. */
    public static String at(String value, int index) {
        char replacement = value.charAt(index) == 'A' ? 'B' : 'A';
        return value.substring(0, index) + replacement + value.substring(index + 1);
    }
}
