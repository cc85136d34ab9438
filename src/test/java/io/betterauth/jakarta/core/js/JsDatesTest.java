package io.betterauth.jakarta.core.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Better Auth's date rules, each pinned to what Node 20 (V8) answers for Better Auth 1.7.25's own code. */
class JsDatesTest {

    @Test
    void revive_followsV8_whereJavasInstantParseDiffers() {
        // reviveDate(s) in @better-auth/core/utils/json, then toISOString()
        assertThat(JsDates.revive("2024-02-30T00:00:00.000Z")).contains(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(JsDates.revive("2024-04-31T12:00:00Z")).contains(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(JsDates.revive("2024-01-01T24:00:00.000Z")).contains(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(JsDates.revive("2024-01-01T00:00:00.1234567891Z")).contains(Instant.parse("2024-01-01T00:00:00.123Z"));
        // not revived: V8's Date rejects them (Instant.parse reads the leap second as 23:59:59)
        assertThat(JsDates.revive("2016-12-31T23:59:60Z")).isEmpty();
        assertThat(JsDates.revive("2024-13-01T00:00:00.000Z")).isEmpty();
        // not the reviver's pattern at all
        assertThat(JsDates.revive("2024-01-01T00:00:00+00:00")).isEmpty();
        assertThat(JsDates.revive("2024-01-01")).isEmpty();
    }

    @Test
    void newDate_ofAParsedMember_isJavaScriptsNewDate() {
        Instant t = Instant.parse("2023-11-14T22:13:20Z");
        assertThat(JsDates.newDate(t)).contains(t);
        // new Date(n): milliseconds, the fraction dropped (TimeClip), nothing beyond ±8.64e15
        assertThat(JsDates.newDate(1_700_000_000_000L)).contains(t);
        assertThat(JsDates.newDate(1_700_000_000_000.7)).contains(t);
        assertThat(JsDates.newDate(-1L)).contains(Instant.parse("1969-12-31T23:59:59.999Z"));
        assertThat(JsDates.newDate(-1.5)).contains(Instant.parse("1969-12-31T23:59:59.999Z"));
        assertThat(JsDates.newDate(8_640_000_000_000_000L)).contains(Instant.parse("+275760-09-13T00:00:00Z"));
        assertThat(JsDates.newDate(8_640_000_000_000_001L)).isEmpty();
        assertThat(JsDates.newDate(Double.POSITIVE_INFINITY)).isEmpty();
        // a string the reviver left alone: Invalid Date for the ISO form; other formats are not read here
        assertThat(JsDates.newDate("2016-12-31T23:59:60Z")).isEmpty();
        assertThat(JsDates.newDate("Tue Jan 08 2030")).isEmpty();
        assertThat(JsDates.newDate(null)).isEqualTo(Optional.empty());
        assertThat(JsDates.newDate(Boolean.TRUE)).isEmpty();
    }

    @Test
    void revive_ofToIsoString_isInstantParse_forRandomInstants() {
        // The dates Better Auth writes (toISOString, years 0000-9999) read by hand; Instant.parse agrees on these.
        SplittableRandom random = new SplittableRandom(20);
        long first = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            long millis = i % 2 == 0 ? random.nextLong(first, last + 1)
                    : random.nextLong(0, 4_102_444_800_000L); // 1970-2100, where sessions live
            String iso = JsJson.isoDate(Instant.ofEpochMilli(millis));
            assertThat(JsDates.revive(iso)).as(iso).contains(Instant.parse(iso));
            assertThat(JsDates.revive(iso)).as(iso).isEqualTo(JsDates.general(iso));
        }
    }

    @Test
    void revive_ofToIsoStringsForm_answersAsThePattern_atTheEdges() {
        List<String> edges = List.of(
                "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z",
                "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.000Z", "2023-02-29T12:00:00.000Z",
                "2024-02-30T00:00:00.000Z", "2024-04-31T00:00:00.000Z", "2024-12-31T24:00:00.000Z",
                "2024-01-01T24:00:00.001Z", "2024-01-01T24:00:01.000Z", "2024-01-01T24:01:00.000Z",
                "2024-01-01T25:00:00.000Z", "2024-01-01T23:60:00.000Z", "2024-01-01T23:59:60.000Z",
                "2024-00-01T00:00:00.000Z", "2024-13-01T00:00:00.000Z", "2024-01-00T00:00:00.000Z",
                "2024-01-32T00:00:00.000Z", "2024-01-99T00:00:00.000Z", "9999-12-31T24:00:00.000Z",
                "2024-01-01T00:00:00.999Z", "2024-01-01T99:99:99.999Z",
                // not the form: the pattern decides (other fraction lengths, other separators, other digits)
                "2024-01-01T00:00:00.12Z", "2024-01-01T00:00:00.1234Z", "2024-01-01T00:00:00Z",
                "2024-01-01T00:00:00,000Z", "2024-01-01t00:00:00.000Z", "2024-01-01T00:00:00.000z",
                "2024-01-01T00:00:00.00aZ", "2024-01-01T00:00:00.\u0661\u0662\u0663Z", "\u0662024-01-01T00:00:00.000Z",
                "+2024-01-01T00:00:00.000Z", "2024-1-01T00:00:00.000ZZ", "2024-01-01T00:00:00 000Z",
                "2024-01-01T00-00:00.000Z", "2024/01/01T00:00:00.000Z", "2024-01-01 00:00:00.000Z");
        for (String s : edges) {
            assertThat(JsDates.revive(s)).as(s).isEqualTo(JsDates.general(s));
        }
        assertThat(JsDates.revive("2024-12-31T24:00:00.000Z")).contains(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(JsDates.revive("2023-02-29T12:00:00.000Z")).contains(Instant.parse("2023-03-01T12:00:00Z"));
        assertThat(JsDates.revive("2024-01-01T24:00:00.001Z")).isEmpty();
        assertThat(JsDates.revive("2024-01-01T00:00:00.\u0661\u0662\u0663Z")).isEmpty();
    }

    @Test
    void revive_ofAnyMutationOfToIsoString_answersAsThePattern() {
        // Every position of a written date changed to each character a date or its neighbours hold.
        String base = "2024-06-15T12:34:56.789Z";
        String alphabet = "0123456789-T:.Z+ tz/\u0660\u0669";
        for (int i = 0; i < base.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                String s = base.substring(0, i) + c + base.substring(i + 1);
                assertThat(JsDates.revive(s)).as(s).isEqualTo(JsDates.general(s));
            }
        }
    }
}
