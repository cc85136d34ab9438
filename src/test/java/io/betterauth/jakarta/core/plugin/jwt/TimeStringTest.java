package io.betterauth.jakarta.core.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Better Auth's {@code sec()} ({@code utils/time.mjs}), which reads {@code jwt.expirationTime}. */
class TimeStringTest {

    @Test
    void betterAuthsFormats_readAsItsSecReadsThem() {
        assertThat(TimeString.seconds("15m")).isEqualTo(900);
        assertThat(TimeString.seconds("1 hour")).isEqualTo(3600);
        assertThat(TimeString.seconds("7d")).isEqualTo(604_800);
        assertThat(TimeString.seconds("2 weeks")).isEqualTo(1_209_600);
        assertThat(TimeString.seconds("1mo")).isEqualTo(2_592_000);
        assertThat(TimeString.seconds("1y")).isEqualTo(31_557_600);
        assertThat(TimeString.seconds("1.5 H")).isEqualTo(5400);
        assertThat(TimeString.seconds("30 seconds")).isEqualTo(30);
        assertThat(TimeString.seconds("-30s")).isEqualTo(-30);
        assertThat(TimeString.seconds("2 hours ago")).isEqualTo(-7200);
        assertThat(TimeString.seconds("2 hours AGO")).isEqualTo(7200); // its === "ago" is case-sensitive
        assertThat(TimeString.seconds("1 day from now")).isEqualTo(86_400);
        assertThat(TimeString.seconds("0.5s")).isEqualTo(1); // Math.round(0.5) = 1
        assertThat(TimeString.seconds(" 1h")).isEqualTo(3600);
        assertThat(TimeString.seconds("- 2h")).isEqualTo(-7200);
    }

    @Test
    void aBareNumberOrAnUnknownUnit_isRefusedWithBetterAuthsMessage() {
        for (String bad : new String[] {"900", "15 minutes later", "+1h ago", "1h\n", "", "1e3s"}) {
            assertThatThrownBy(() -> TimeString.seconds(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid time string format");
        }
    }
}
