package io.betterauth.jakarta.core.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.JwkRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which keys {@code GET /jwks} publishes, and how a row without {@code alg}/{@code crv} reads. */
class JwksDocumentTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final String ED_PUBLIC = "{\"crv\":\"Ed25519\",\"x\":\"AAAA\",\"kty\":\"OKP\"}";

    private static JwkRecord row(String id, Instant expiresAt) {
        return new JwkRecord(id, ED_PUBLIC, "\"00\"", NOW.minusSeconds(1000), expiresAt, "EdDSA", "Ed25519");
    }

    @Test
    void anExpiredKey_isPublishedUntilItsGracePeriodEnds_thenDropped() {
        List<JwkRecord> rows = List.of(row("never", null), row("expired-59s-ago", NOW.minusSeconds(59)),
                row("expired-60s-ago", NOW.minusSeconds(60)), row("live", NOW.plusSeconds(10)));
        assertThat(JwksDocument.json(rows, JwkAlgorithm.EDDSA, null, 60, NOW))
                .contains("\"kid\":\"never\"", "\"kid\":\"expired-59s-ago\"", "\"kid\":\"live\"")
                .doesNotContain("expired-60s-ago");
        assertThat(JwksDocument.json(List.of(), JwkAlgorithm.EDDSA, null, 60, NOW)).isEqualTo("{\"keys\":[]}");
    }

    @Test
    void aRowWithoutAlgOrCrv_takesTheConfiguredOnes_andACurveFromTheKeyKeepsTheSecondPlace() {
        JwkRecord legacy = new JwkRecord("k1", "{\"kty\":\"EC\",\"x\":\"X\",\"y\":\"Y\",\"crv\":\"P-256\"}", "\"00\"",
                NOW, null, null, null);
        assertThat(JwksDocument.json(List.of(legacy), JwkAlgorithm.ES256, null, 60, NOW))
                .isEqualTo("{\"keys\":[{\"alg\":\"ES256\",\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"X\",\"y\":\"Y\","
                        + "\"kid\":\"k1\"}]}");
        JwkRecord rsa = new JwkRecord("k2", "{\"kty\":\"RSA\",\"n\":\"N\",\"e\":\"AQAB\"}", "\"00\"", NOW, null,
                null, null);
        assertThat(JwksDocument.json(List.of(rsa), JwkAlgorithm.RS256, null, 60, NOW))
                .isEqualTo("{\"keys\":[{\"alg\":\"RS256\",\"kty\":\"RSA\",\"n\":\"N\",\"e\":\"AQAB\",\"kid\":\"k2\"}]}");
    }
}
