package io.betterauth.jakarta.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one comparison for secrets and anything a client could guess byte by byte (signatures, MACs, password
 * hashes, session ids and token hashes): its time does not depend on where the inputs differ, so an attacker
 * cannot find a valid value by timing. {@link MessageDigest#isEqual} has been constant-time since Java 6u17.
 */
public final class ConstantTime {

    private ConstantTime() {
    }

    /** Whether two byte arrays are equal; {@code null} equals nothing. */
    public static boolean equal(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    /** Whether two strings are equal as UTF-8; {@code null} equals nothing. */
    public static boolean equal(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
