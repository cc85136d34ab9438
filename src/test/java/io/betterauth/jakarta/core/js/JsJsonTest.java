package io.betterauth.jakarta.core.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsJsonTest {

    @Test
    void stringsAreEscapedExactlyAsJsonStringify() {
        assertThat(JsJson.stringify("a\"b\\c/d\u00e9\u2028<>&\n\t\b\f\r\u0001\u001f"))
                .isEqualTo("\"a\\\"b\\\\c/d\u00e9\u2028<>&\\n\\t\\b\\f\\r\\u0001\\u001f\"");
        assertThat(JsJson.stringify("\ud83d\ude00 \ud800")).isEqualTo("\"\ud83d\ude00 \\ud800\"");
    }

    @Test
    void aStringWithOneCharacterToEscape_anywhere_isEscapedThere_andTheRestIsKept() {
        String plain = "session-token.AbC123_-+/=@example.com 2026-12-03T12:00:00.000Z \u00e9\u2028";
        assertThat(JsJson.stringify(plain)).isEqualTo("\"" + plain + "\"");
        for (int i = 0; i <= plain.length(); i++) {
            for (String[] special : new String[][] {{"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"},
                    {"\u0001", "\\u0001"}, {"\ud800", "\\ud800"}, {"\ud83d\ude00", "\ud83d\ude00"}}) {
                String text = plain.substring(0, i) + special[0] + plain.substring(i);
                assertThat(JsJson.stringify(text)).as(text)
                        .isEqualTo("\"" + plain.substring(0, i) + special[1] + plain.substring(i) + "\"");
            }
        }
    }

    @Test
    void datesAreToIsoStringWithMilliseconds() {
        assertThat(JsJson.stringify(Instant.parse("2030-01-08T00:00:00Z"))).isEqualTo("\"2030-01-08T00:00:00.000Z\"");
        assertThat(JsJson.stringify(Instant.parse("2030-01-08T00:00:00.123456Z"))).isEqualTo("\"2030-01-08T00:00:00.123Z\"");
    }

    @Test
    void datesFromTheEpochToYear9999_matchJavaScriptsToIsoString_onEveryField() {
        // Date.prototype.toISOString of each instant, as Node prints it
        assertThat(JsJson.isoDate(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(JsJson.isoDate(Instant.parse("2024-02-29T23:59:59.999999999Z"))).isEqualTo("2024-02-29T23:59:59.999Z");
        assertThat(JsJson.isoDate(Instant.parse("2000-12-31T09:08:07.006Z"))).isEqualTo("2000-12-31T09:08:07.006Z");
        assertThat(JsJson.isoDate(Instant.parse("9999-12-31T23:59:59.999Z"))).isEqualTo("9999-12-31T23:59:59.999Z");
        // outside the hand-written range the formatter answers, as before
        assertThat(JsJson.isoDate(Instant.parse("1969-12-31T23:59:59.500Z"))).isEqualTo("1969-12-31T23:59:59.500Z");
        java.util.Random random = new java.util.Random(7);
        java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(Math.floorMod(random.nextLong(), 253_402_300_800L), random.nextInt(1_000_000_000));
            assertThat(JsJson.isoDate(t)).as(t.toString()).isEqualTo(iso.format(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        }
    }

    @Test
    void numbersFollowJavaScript() {
        assertThat(JsJson.stringify(1893456300000L)).isEqualTo("1893456300000");
        assertThat(JsJson.stringify(1.0)).isEqualTo("1");
        assertThat(JsJson.stringify(0.5)).isEqualTo("0.5");
        assertThat(JsJson.stringify(1e21)).isEqualTo("1e+21");
        assertThat(JsJson.stringify(1e-7)).isEqualTo("1e-7");
        assertThat(JsJson.stringify(123456789.25)).isEqualTo("123456789.25");
    }

    @Test
    void objectsKeepInsertionOrderAndDropUndefinedMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", null);
        m.put("url", JsJson.Undefined.INSTANCE);
        m.put("list", Arrays.asList(true, "x", null));
        assertThat(JsJson.stringify(m)).isEqualTo("{\"b\":1,\"a\":null,\"list\":[true,\"x\",null]}");
    }

    // Reading --------------------------------------------------------------------------------------------------------

    static jakarta.json.JsonValue json(String text) {
        return ClientJson.parse(text).orElseThrow();
    }

    @Test
    void numberValue_isTheNumberJavaScriptHolds_inTheTypeStringifyWritesBackTheSame() {
        // JSON.stringify(JSON.parse(t)) in Node, for each t (integer text beyond 2^53 kept exact, as before)
        Map<String, String> node = new LinkedHashMap<>();
        node.put("1.0", "1");
        node.put("1e2", "100");
        node.put("1.5", "1.5");
        node.put("1e400", "null");
        node.put("-0", "0");
        node.put("9007199254740993.0", "9007199254740992");
        node.put("123456789012345678901234567890", "1.2345678901234568e+29");
        node.put("1e-400", "0");
        node.put("1700000000000", "1700000000000");
        node.forEach((text, stringified) -> assertThat(JsJson.stringify(
                JsJson.numberValue(((jakarta.json.JsonNumber) json(text))))).as(text).isEqualTo(stringified));
        assertThat(JsJson.numberValue(new java.math.BigDecimal("2.00"))).isEqualTo(2L);
        assertThat(JsJson.numberValue(new java.math.BigDecimal("20000000000000000000"))).isEqualTo(2e19);
    }

    @Test
    void toNumber_isJavaScriptsNumberOfAString() {
        // Number(s) in Node, for each s
        Map<String, Double> node = new LinkedHashMap<>();
        node.put(" 1700000000000 ", 1700000000000d);
        node.put("", 0d);
        node.put(" \t\u00a0\ufeff", 0d);
        node.put("1e3", 1000d);
        node.put("+1.5", 1.5);
        node.put(".5", 0.5);
        node.put("1.", 1d);
        node.put("0x1F", 31d);
        node.put("0o17", 15d);
        node.put("0b101", 5d);
        node.put("Infinity", Double.POSITIVE_INFINITY);
        node.put("-Infinity", Double.NEGATIVE_INFINITY);
        node.put("1e400", Double.POSITIVE_INFINITY);
        node.put("\t42\n", 42d);
        node.forEach((s, n) -> assertThat(JsJson.toNumber(s)).as(s).isEqualTo(n));
        // Java's own forms that Double.parseDouble reads are NaN in JavaScript
        for (String nan : new String[] {"-0x10", "1d", "1f", "NaN", "0x1p3", "1_000", "abc", "1 2"}) {
            assertThat(JsJson.toNumber(nan)).as(nan).isNaN();
        }
        assertThat(JsJson.toNumber(null)).isZero();
    }

    @Test
    void safeParsed_revivesEveryIsoDateString_whateverTheMember_asBetterAuthsSafeJsonParse() {
        Object parsed = JsJson.safeParsed(json("{\"a\":\"2024-02-30T00:00:00Z\",\"b\":[\"2016-12-31T23:59:60Z\","
                + "{\"c\":\"2024-01-01T00:00:00.1234Z\"}],\"d\":1.0,\"e\":null,\"f\":true}"));
        assertThat(JsJson.stringify(parsed)).isEqualTo("{\"a\":\"2024-03-01T00:00:00.000Z\",\"b\":[\"2016-12-31T23:59:60Z\","
                + "{\"c\":\"2024-01-01T00:00:00.123Z\"}],\"d\":1,\"e\":null,\"f\":true}");
    }
}
