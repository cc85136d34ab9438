package io.betterauth.jakarta.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.core.endpoint.RequestBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a request body: the size limit (413), Better Auth's content types (415) and malformed JSON (400). */
class RequestBodiesTest {

    private static final List<String> JSON_ONLY = List.of(RequestBodies.JSON);
    private static final List<String> JSON_OR_FORM = List.of(RequestBodies.FORM, RequestBodies.JSON);
    private static final String INVALID_JSON =
            "{\"message\":\"Invalid JSON in request body\",\"code\":\"BAD_REQUEST\"}";
    private static final String TOO_LARGE =
            "{\"message\":\"Request body is too large\",\"code\":\"PAYLOAD_TOO_LARGE\"}";
    private static final int LIMIT = 64 * 1024;

    private static AuthException refused(Runnable action) {
        AuthException e = catchThrowableOfType(AuthException.class, action::run);
        assertThat(e).as("an AuthException").isNotNull();
        return e;
    }

    @ParameterizedTest
    @FieldSource("io.betterauth.jakarta.testing.HostileJson#DOCUMENTS")
    void numbersAndNestingTheParserCannotHold_areA400InvalidJson(String json) {
        for (List<String> allowed : List.of(JSON_ONLY, JSON_OR_FORM)) {
            AuthException e = refused(() -> RequestBodies.parse("application/json", json, allowed));
            assertThat(e.status()).isEqualTo(400);
            assertThat(AuthResult.of(e).json()).isEqualTo(INVALID_JSON);
        }
    }

    @Test
    void aDeclaredLengthOverTheLimit_isA413_withoutReadingAByte() {
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read");
            }
        };
        AuthException e = refused(() -> RequestBodies.read(LIMIT + 1, unreadable, LIMIT));
        assertThat(e.status()).isEqualTo(413);
        assertThat(AuthResult.of(e).json()).isEqualTo(TOO_LARGE);
        assertThat(refused(() -> RequestBodies.read(Long.MAX_VALUE, unreadable, LIMIT)).status()).isEqualTo(413);
    }

    @Test
    void aStreamLongerThanTheLimit_withoutOrWithAFalseLength_isA413_afterReadingOneByteMore() {
        for (long declared : new long[] {-1, 10, LIMIT}) {
            CountingStream endless = new CountingStream(Long.MAX_VALUE);
            AuthException e = refused(() -> RequestBodies.read(declared, endless, LIMIT));
            assertThat(AuthResult.of(e).json()).isEqualTo(TOO_LARGE);
            assertThat(endless.read).isEqualTo(LIMIT + 1L);
        }
    }

    @Test
    void aBodyAtTheLimit_isRead() {
        CountingStream exact = new CountingStream(LIMIT);
        assertThat(RequestBodies.read(-1, exact, LIMIT)).hasSize(LIMIT);
        assertThat(RequestBodies.read(0, new ByteArrayInputStream(new byte[0]), LIMIT)).isEmpty();
        assertThat(RequestBodies.read(3, new ByteArrayInputStream(new byte[3]), 3)).hasSize(3);
    }

    @Test
    void theBody_isUtf8WhateverTheCharset_malformedBytesReplaced_andALeadingBomDropped() {
        byte[] bytes = "\uFEFF{\"name\":\"Zoë 😀\"}".getBytes(StandardCharsets.UTF_8);
        String text = RequestBodies.read(bytes.length, new ByteArrayInputStream(bytes), LIMIT);
        assertThat(text).isEqualTo("{\"name\":\"Zoë 😀\"}");
        RequestBody parsed = RequestBodies.parse("application/json; charset=bogus", text, JSON_ONLY);
        assertThat(parsed.json().getString("name")).isEqualTo("Zoë 😀");
        byte[] latin1 = "{\"name\":\"Zo\u00eb\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RequestBodies.read(-1, new ByteArrayInputStream(latin1), LIMIT))
                .isEqualTo("{\"name\":\"Zo\uFFFD\"}");
    }

    @Test
    void aBodyThatCannotBeRead_isA400() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThat(AuthResult.of(refused(() -> RequestBodies.read(-1, broken, LIMIT))).json()).isEqualTo(INVALID_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "", " ", "/", "application/", ";;;=;charset", "application/json/x",
            "application/js\u00f6n", "text/plain, application/json", "application/json, text/plain", "\u0000"})
    void malformedOrForeignContentTypes_withABody_areA415(String contentType) {
        for (List<String> allowed : List.of(JSON_ONLY, JSON_OR_FORM)) {
            AuthException e = refused(() -> RequestBodies.parse(contentType, "{}", allowed));
            assertThat(e.status()).isEqualTo(415);
            assertThat(e.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @Test
    void aJsonBodyThatIsNoObject_isRefusedInTheWordsOfTheEndpointsSchema_asBetterAuthsZodDoes() {
        // found by the differential harness: sign-in's "[]" said "expected record" too, which only sign-up says
        String array = "[body] Invalid input: expected object, received array";
        assertThat(AuthResult.of(refused(() -> RequestBodies.parse(RequestBodies.JSON, "[]", JSON_OR_FORM,
                EndpointCalls.schemaOf("/sign-in/email")))).json())
                .isEqualTo("{\"message\":\"" + array + "\",\"code\":\"VALIDATION_ERROR\"}");
        assertThat(refused(() -> RequestBodies.parse(RequestBodies.JSON, "null", JSON_ONLY,
                EndpointCalls.schemaOf("/change-password"))).getMessage())
                .isEqualTo("[body] Invalid input: expected object, received null");
        assertThat(refused(() -> RequestBodies.parse(RequestBodies.JSON, "[1]", JSON_ONLY,
                EndpointCalls.schemaOf("/update-session"))).getMessage())
                .isEqualTo("[body] Invalid input: expected record, received array");
        assertThat(refused(() -> RequestBodies.parse(RequestBodies.JSON, "\"x\"", JSON_ONLY,
                EndpointCalls.schemaOf("/update-user"))).getMessage())
                .isEqualTo("[body] Invalid input: expected record, received string");
        assertThat(refused(() -> RequestBodies.parse(RequestBodies.JSON, "[]", JSON_OR_FORM,
                EndpointCalls.schemaOf("/sign-up/email"))).getMessage())
                .isEqualTo(array + "; [body] Invalid input: expected record, received array");
        // no body schema: any JSON is taken and ignored, malformed JSON still is not
        for (String json : List.of("[]", "null", "5", "\"x\"")) {
            assertThat(RequestBodies.parse(RequestBodies.JSON, json, JSON_ONLY,
                    EndpointCalls.schemaOf("/revoke-other-sessions")).json()).isEmpty();
        }
        assertThat(refused(() -> RequestBodies.parse(RequestBodies.JSON, "{", JSON_ONLY,
                EndpointCalls.schemaOf("/revoke-sessions"))).status()).isEqualTo(400);
    }

    @Test
    void jsonWithParameters_isJson() {
        for (String type : List.of("application/json; charset=bogus", "application/json;;; q",
                "Application/JSON;x=\"")) {
            assertThat(RequestBodies.parse(type, "{\"a\":1}", JSON_ONLY).json().getInt("a")).isEqualTo(1);
        }
    }

    /** {@code limit} bytes of {@code a}, counting how many were read. */
    private static final class CountingStream extends InputStream {
        private final long limit;
        long read;

        CountingStream(long limit) {
            this.limit = limit;
        }

        @Override
        public int read() {
            if (read >= limit) {
                return -1;
            }
            read++;
            return 'a';
        }
    }
}
