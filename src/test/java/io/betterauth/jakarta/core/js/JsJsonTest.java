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
}
