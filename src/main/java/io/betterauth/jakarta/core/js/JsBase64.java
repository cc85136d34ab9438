package io.betterauth.jakarta.core.js;

import java.util.Arrays;
import java.util.Base64;

/**
 * Base64 as {@code @better-auth/utils} 0.5.1 does it for the compact cookie cache. Its decoder is lenient in a
 * specific way that decides which cookies verify: the URL-safe alphabet is used when the text contains {@code -} or
 * {@code _}, the standard one otherwise; decoding stops at the first {@code =}; left-over bits are dropped; any other
 * character is an error. We reproduce that acceptance set exactly, but report an error as {@code null} instead of
 * throwing, so a malformed cookie is a cache miss and not a 500 (spec §3.10).
 */
public final class JsBase64 {

    private static final String STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private JsBase64() {
    }

    /** {@code base64Url.encode(bytes, {padding: false})}. */
    public static String encodeUrlNoPad(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Each alphabet as a table from ASCII code to 6-bit value, -1 for characters outside it. */
    private static final byte[] STANDARD_VALUES = values(STANDARD);
    private static final byte[] URL_SAFE_VALUES = values(URL_SAFE);

    private static byte[] values(String alphabet) {
        byte[] table = new byte[128];
        Arrays.fill(table, (byte) -1);
        for (int i = 0; i < alphabet.length(); i++) {
            table[alphabet.charAt(i)] = (byte) i;
        }
        return table;
    }

    /** {@code base64Url.decode(text)} (identical to {@code base64.decode}), or {@code null} where it would throw. */
    public static byte[] decode(String text) {
        byte[] values = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? URL_SAFE_VALUES : STANDARD_VALUES;
        int end = text.indexOf('=');
        if (end < 0) {
            end = text.length();
        }
        // Four characters make three bytes; of a last group of n < 4 characters, n - 1 bytes are whole (none of
        // one), and the bits left over are dropped.
        int whole = end - end % 4;
        int rest = end - whole;
        byte[] out = new byte[whole / 4 * 3 + (rest == 0 ? 0 : rest - 1)];
        int o = 0;
        for (int i = 0; i < whole; i += 4) {
            int a = value(values, text.charAt(i));
            int b = value(values, text.charAt(i + 1));
            int c = value(values, text.charAt(i + 2));
            int d = value(values, text.charAt(i + 3));
            if ((a | b | c | d) < 0) {
                return null;
            }
            int group = a << 18 | b << 12 | c << 6 | d;
            out[o++] = (byte) (group >> 16);
            out[o++] = (byte) (group >> 8);
            out[o++] = (byte) group;
        }
        int group = 0;
        for (int i = whole; i < end; i++) {
            int v = value(values, text.charAt(i));
            if (v < 0) {
                return null;
            }
            group = group << 6 | v;
        }
        if (rest == 2) {
            out[o] = (byte) (group >> 4);
        } else if (rest == 3) {
            out[o++] = (byte) (group >> 10);
            out[o] = (byte) (group >> 2);
        }
        return out;
    }

    private static int value(byte[] values, char c) {
        return c < values.length ? values[c] : -1;
    }
}
