package io.betterauth.jakarta.core.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code @better-auth/utils}' lenient base64 decoding, which decides which compact cookie caches verify. */
class JsBase64Test {

    @Test
    void decode_isTheUtilsDecoder() {
        // base64Url.decode in Node: the URL-safe alphabet when - or _ appears, stop at the first =, drop left-over bits
        assertThat(JsBase64.decode("QUJD")).containsExactly('A', 'B', 'C');
        assertThat(JsBase64.decode("QUI")).containsExactly('A', 'B');
        assertThat(JsBase64.decode("QUJ")).containsExactly('A', 'B');
        assertThat(JsBase64.decode("QQ==garbage!")).containsExactly('A');
        assertThat(JsBase64.decode("Q")).isEmpty();
        assertThat(JsBase64.decode("")).isEmpty();
        assertThat(JsBase64.decode("-_-_")).containsExactly(0xfb, 0xff, 0xbf);
        assertThat(JsBase64.decode("+/+/")).containsExactly(0xfb, 0xff, 0xbf);
        assertThat(JsBase64.decode("+/-_")).isNull(); // one alphabet or the other
        assertThat(JsBase64.decode("QU JD")).isNull();
        assertThat(JsBase64.decode("QUJ\u00e9")).isNull();
    }

    @Test
    void decode_agreesWithTheBitByBitDecoder_onRandomText() {
        // The group-at-a-time decoder against the former bit accumulator, on text with padding, both alphabets'
        // extra characters and invalid ones; a fixed seed, so a failure replays.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789QWERTYxyz+/-_= .\u00e9";
        Random random = new Random(20);
        for (int round = 0; round < 200_000; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(round % 2 == 0 ? 62 : alphabet.length())));
            }
            String text = s.toString();
            assertThat(JsBase64.decode(text)).as(text).isEqualTo(bitByBit(text));
        }
    }

    private static byte[] bitByBit(String text) {
        String alphabet = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        byte[] out = new byte[text.length() * 3 / 4 + 1];
        int length = 0;
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
