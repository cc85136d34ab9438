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
        byte[] out = new byte[text.length() * 3 / 4 + 1];
        int length = 0;
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                break;
            }
            int value = c < values.length ? values[c] : -1;
            if (value < 0) {
                return null;
            }
            // Only the low bits matter, so int overflow of the accumulator is harmless (JS uses int32 too).
            buffer = buffer << 6 | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[length++] = (byte) (buffer >> bits);
            }
        }
        return Arrays.copyOf(out, length);
    }
}
