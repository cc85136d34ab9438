package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.api.AuthException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue #15, finding 9: the limits themselves (over real databases: {@code store.ColumnLimitChecks}). */
class ColumnLimitsTest {

    /** MariaDB's columns: {@code varchar(255)} name and email. */
    static final ColumnLimits VARCHARS = new ColumnLimits(Instant.MIN, Instant.MAX, 255, 255);

    @Test
    void aTextColumn_holdsANameOfKilobytes_asBetterAuthStoresIt_butNotBeyondTheTextLimit() {
        ColumnLimits.JAVASCRIPT_DATES.checkUser("n".repeat(4096), "e".repeat(1000) + "@example.com", null, Map.of());
        assertThatThrownBy(() -> ColumnLimits.JAVASCRIPT_DATES.checkUser("n".repeat(65_536), null, null, Map.of()))
                .hasMessageContaining("[body.name] Too big: expected string to have <=65535 bytes");
    }

    @Test
    void everyValueTheColumnsCannotHold_isNamed_inOneValidationError() {
        Map<String, Object> additional = new LinkedHashMap<>();
        additional.put("nickname", "a\u0000");
        additional.put("birthday", Instant.parse("+275760-09-13T00:00:00.001Z"));
        assertThatThrownBy(() -> VARCHARS.checkUser("x".repeat(256), null, "\u00e9".repeat(32_768),
                additional)).isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(AuthResult.of(e).json()).isEqualTo("{\"message\":\"[body.name] Too big: expected string to have "
                            + "<=255 characters; [body.image] Too big: expected string to have <=65535 bytes (UTF-8); "
                            + "[body.nickname] Invalid string: must not contain the NUL character (U+0000); "
                            + "[body.birthday] Too big: expected date to be <=+275760-09-13T00:00:00.000Z\","
                            + "\"code\":\"VALIDATION_ERROR\"}");
                });
    }

    @Test
    void charactersAreCodePoints_soA255CharacterNameOfEmojiFits() {
        VARCHARS.checkUser("\uD83D\uDE00".repeat(255), "a@b.co", null, Map.of());
        assertThatThrownBy(() -> VARCHARS.checkUser("\uD83D\uDE00".repeat(256), null, null, Map.of()))
                .hasMessageContaining("[body.name] Too big");
    }

    @Test
    void aUserAgentIsCutToWhatTheColumnHolds_neverInsideACharacter_andLosesItsNuls() {
        String cut = ColumnLimits.storableText("a\u0000" + "\uD83D\uDE00".repeat(16_384)); // 1 + 65,536 bytes
        assertThat(cut).isEqualTo("a" + "\uD83D\uDE00".repeat(16_383));
        assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(65_533);
        assertThat(ColumnLimits.storableText("Mozilla/5.0")).isEqualTo("Mozilla/5.0");
        assertThat(new ClientInfo("", "UA\u0000").userAgent()).isEqualTo("UA");
    }

    @Test
    void aDatabaseRange_isNarrowedToAJavaScriptDates() {
        ColumnLimits wide = new ColumnLimits(Instant.MIN, Instant.MAX);
        assertThat(wide).isEqualTo(ColumnLimits.JAVASCRIPT_DATES);
        assertThat(wide.latest()).isEqualTo(Instant.parse("+275760-09-13T00:00:00Z"));
        assertThat(wide.earliest()).isEqualTo(Instant.parse("-271821-04-20T00:00:00Z"));
    }
}
