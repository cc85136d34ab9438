package io.betterauth.jakarta.core.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code decodeURIComponent}: what a cookie's value reads as, and what makes it unreadable (a URIError in JavaScript). */
class UriComponentTest {

    @Test
    void signedCookiePadding_andMultiByteCharacters_decodeAsJavaScriptDoes() {
        assertThat(UriComponent.decode("abc.ZGVm%2B%2Fg%3D")).contains("abc.ZGVm+/g=");
        assertThat(UriComponent.decode("caf%C3%A9%3D")).contains("café=");
        assertThat(UriComponent.decode("%3D%F0%9F%98%80x")).contains("=😀x");
        assertThat(UriComponent.decode("no-escapes")).contains("no-escapes");
    }

    @Test
    void brokenEscapesAndBrokenUtf8_areUnreadable() {
        assertThat(UriComponent.decode("%")).isEmpty();
        assertThat(UriComponent.decode("a%3")).isEmpty();
        assertThat(UriComponent.decode("%zz")).isEmpty();
        assertThat(UriComponent.decode("%C3%3D")).isEmpty(); // a lead byte followed by ASCII
        assertThat(UriComponent.decode("%C3x")).isEmpty();
        assertThat(UriComponent.decode("%A9")).isEmpty(); // a continuation byte alone
        assertThat(UriComponent.decode("%ED%A0%80")).isEmpty(); // an encoded surrogate
    }

    /** The decoder that sent every escaped byte through a strict UTF-8 decoder, before ASCII bytes were read directly. */
    private static Optional<String> everyByteThroughTheDecoder(String value) {
        StringBuilder out = new StringBuilder();
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
                pending.write(hi * 16 + lo);
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
            out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(pending.toByteArray())));
            pending.reset();
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void onRandomMixesOfEscapesAndCharacters_answersAsTheStrictDecoderDid() {
        Random random = new Random(20);
        String[] pieces = {"%3D", "%2B", "%2F", "%25", "%C3", "%A9", "%E2", "%82", "%AC", "%F0", "%9F", "%98", "%80",
                "%ED", "%A0", "%FF", "%7F", "%00", "%3", "%g1", "a", "Z", "9", ".", "=", "é", "%", "%%"};
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int k = 0; k < length; k++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String value = text.toString();
            assertThat(UriComponent.decode(value)).as(value).isEqualTo(everyByteThroughTheDecoder(value));
        }
    }
}
