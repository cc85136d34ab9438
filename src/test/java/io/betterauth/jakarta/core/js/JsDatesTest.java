package io.betterauth.jakarta.core.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
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
}
