package io.betterauth.jakarta.core.js;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JavaScript's {@code encodeURIComponent} and {@code decodeURIComponent}, which Better Auth applies to cookie
 * values. {@link java.net.URLEncoder} differs (it writes {@code +} for a space and encodes {@code *~'()!}), so the
 * signed cookie would not match byte for byte.
 */
public final class UriComponent {

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriComponent() {
    }

    public static String encode(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            if (UNRESERVED.indexOf(value.charAt(i)) < 0) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
                break;
            }
        }
        if (out == null) {
            return value;
        }
        byte[] bytes = value.substring(out.length()).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** {@code decodeURIComponent}, or empty where JavaScript would throw (bad escape or invalid UTF-8). */
    public static Optional<String> decode(String value) {
        if (value.indexOf('%') < 0) {
            return Optional.of(value);
        }
        StringBuilder out = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                int b = hi * 16 + lo;
                if (b < 0x80 && pending.size() == 0) {
                    // An ASCII byte outside a multi-byte sequence is its own character: no decoder needed (a
                    // signed cookie's %3D padding, on every request).
                    out.append((char) b);
                } else {
                    pending.write(b);
                }
                i += 3;
            } else {
                if (!flush(pending, out)) {
                    return Optional.empty();
                }
                out.append(c);
                i++;
            }
        }
        return flush(pending, out) ? Optional.of(out.toString()) : Optional.empty();
    }

    private static boolean flush(ByteArrayOutputStream pending, StringBuilder out) {
        if (pending.size() == 0) {
            return true;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pending.toByteArray())));
            pending.reset();
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
