package io.betterauth.jakarta.core.js;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The one reader of client JSON: hostile numbers and nesting are malformed, everything within the bounds parses. */
class ClientJsonTest {

    /** A boolean, so that a failure never has AssertJ render a deeply nested value. */
    private static boolean parses(String json) {
        return ClientJson.parse(json).isPresent();
    }

    @ParameterizedTest
    @FieldSource("io.betterauth.jakarta.testing.HostileJson#DOCUMENTS")
    void numbersAndNestingTheParserCannotHold_areMalformed_neverAnException(String json) {
        assertThat(parses(json)).isFalse();
        assertThat(parses("{\"x\":[" + json + "]}")).isFalse();
    }

    @Test
    void nesting_upToTheDepthLimit_parses_oneMoreIsMalformed() {
        int max = ClientJson.MAX_DEPTH;
        assertThat(parses("[".repeat(max) + "]".repeat(max))).isTrue();
        assertThat(parses("{\"a\":".repeat(max - 1) + "[]" + "}".repeat(max - 1))).isTrue();
        assertThat(parses("[".repeat(max + 1) + "]".repeat(max + 1))).isFalse();
        assertThat(parses("{\"a\":".repeat(max) + "[]" + "}".repeat(max))).isFalse();
        // siblings do not add up
        assertThat(parses("[" + "[[]],".repeat(1000) + "[]]")).isTrue();
    }

    @Test
    void numbers_upToTheLengthAndExponentLimits_parse_longerOnesAreMalformed() {
        String longest = "-" + "1".repeat(ClientJson.MAX_NUMBER_LENGTH - 1);
        assertThat(ClientJson.parse("[" + longest + "]")).get().extracting(v -> v.asJsonArray().get(0))
                .isInstanceOf(JsonNumber.class);
        assertThat(parses("[" + longest + "1]")).isFalse();
        assertThat(parses("[1e9999,-2.5E-9999,1e+0009999,1E0000]")).isTrue();
        assertThat(parses("[1e10000]")).isFalse();
        assertThat(parses("[1e-10000]")).isFalse();
        // numbers in a row are counted one by one
        assertThat(parses("[" + "123456789,".repeat(500) + "0]")).isTrue();
    }

    @Test
    void bracketsDigitsAndQuotes_insideStrings_areText() {
        String text = "[".repeat(500) + "9".repeat(5000) + "e99999 \\\"[{ \\\\";
        JsonValue v = ClientJson.parse("{\"a\":\"" + text + "\",\"b\":\"\\\\\",\"c\":[[1]]}").orElseThrow();
        assertThat(v.asJsonObject().getString("a")).isEqualTo(text.replace("\\\"", "\"").replace("\\\\", "\\"));
    }

    @Test
    void malformedOrEmptyText_isEmpty() {
        assertThat(parses(null)).isFalse();
        assertThat(parses("")).isFalse();
        assertThat(parses("{\"a\":1")).isFalse();
        assertThat(parses("{} {}")).isFalse();
        assertThat(parses("]]]]")).isFalse();
        assertThat(parses("\"a")).isFalse();
        assertThat(ClientJson.parse("true")).contains(JsonValue.TRUE);
    }

    @Test
    void aRepeatedMemberName_isMalformed_forUniqueNames_neverAnException() {
        assertThat(ClientJson.parseWithUniqueNames("{\"a\":1,\"a\":2}")).isEmpty();
        assertThat(ClientJson.parseWithUniqueNames("{\"s\":{\"id\":\"x\",\"id\":\"y\"}}")).isEmpty();
        assertThat(ClientJson.parseWithUniqueNames("{\"a\":1,\"b\":{\"a\":2}}")).isPresent();
        assertThat(ClientJson.parse("{\"a\":1,\"a\":2}")).isPresent();
    }
}
