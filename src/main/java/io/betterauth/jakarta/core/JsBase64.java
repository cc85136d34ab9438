package io.betterauth.jakarta.core;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Base64 as {@code @better-auth/utils} 0.5.1 does it for the compact cookie cache. Its decoder is lenient in a
 * specific way that decides which cookies verify: the URL-safe alphabet is used when the text contains {@code -} or
 * {@code _}, the standard one otherwise; decoding stops at the first {@code =}; left-over bits are dropped; any other
 * character is an error. We reproduce that acceptance set exactly, but report an error as {@code null} instead of
 * throwing, so a malformed cookie is a cache miss and not a 500 (spec §3.10).
 */
final class JsBase64 {

    private static final String STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private JsBase64() {
    }

    /** {@code base64Url.encode(bytes, {padding: false})}. */
    static String encodeUrlNoPad(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code base64Url.decode(text)} (identical to {@code base64.decode}), or {@code null} where it would throw. */
    static byte[] decode(String text) {
        String alphabet = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? URL_SAFE : STANDARD;
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4 + 1);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                break;
            }
            int value = alphabet.indexOf(c);
            if (value < 0) {
                return null;
            }
            // Only the low bits matter, so int overflow of the accumulator is harmless (JS uses int32 too).
            buffer = buffer << 6 | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write(buffer >> bits & 0xff);
            }
        }
        return out.toByteArray();
    }
}
