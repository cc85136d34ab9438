package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import io.betterauth.jakarta.core.plugin.jwt.AccessTokenSigner;
import io.betterauth.jakarta.core.plugin.jwt.JwkAlgorithm;
import io.betterauth.jakarta.core.plugin.jwt.JwkKeys;
import io.betterauth.jakarta.core.plugin.jwt.KeyRing;
import io.betterauth.jakarta.core.plugin.jwt.PrivateKeyEnvelope;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.spi.JwkRecord;
import io.betterauth.jakarta.spi.JwksStore;
import io.betterauth.jakarta.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link JwksStore} must have (the {@code jwt} plugin's {@code jwks} table); run against memory,
 * JPA/H2, JPA/PostgreSQL and JPA/MariaDB by its subclasses. Each test uses keys of its own, so a shared table is fine.
 */
public abstract class JwksStoreContract {

    static final Instant T0 = Instant.parse("2030-01-01T10:20:30.456Z");

    protected abstract JwksStore jwks();

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 32);
    }

    private List<JwkRecord> mine(List<String> ids) {
        return jwks().all().stream().filter(k -> ids.contains(k.id())).toList();
    }

    @Test
    void createdKeys_comeBackWithEveryColumnIntact_oldestFirst() {
        String longPrivate = "\"" + "ab".repeat(2500) + "\""; // an encrypted RSA key is ~3.5 kB: text, not varchar(255)
        JwkRecord newer = new JwkRecord(id(), "{\"kty\":\"RSA\",\"n\":\"" + "n".repeat(342) + "\",\"e\":\"AQAB\"}",
                longPrivate, T0.plusMillis(1), T0.plusSeconds(3600), "RS256", null);
        JwkRecord older = new JwkRecord(id(), "{\"crv\":\"Ed25519\",\"x\":\"x\",\"kty\":\"OKP\"}", "\"00ff\"", T0, null,
                "EdDSA", "Ed25519");
        JwkRecord legacy = new JwkRecord(id(), "{\"crv\":\"Ed25519\",\"x\":\"y\",\"kty\":\"OKP\"}", "\"ee\"",
                T0.plusMillis(2), null, null, null);
        jwks().create(newer);
        jwks().create(older);
        jwks().create(legacy);
        assertThat(mine(List.of(newer.id(), older.id(), legacy.id()))).containsExactly(older, newer, legacy);
    }

    @Test
    void aKeyRingOverTheStore_mintsOnce_signs_andRotatesAfterTheInterval() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2031-01-01T00:00:00Z")); // after the other tests' keys
        PrivateKeyEnvelope envelope = new PrivateKeyEnvelope(SecretRing.single("contract-secret-0123456789abcdef"),
                false);
        KeyRing.Settings settings = new KeyRing.Settings(JwkAlgorithm.ES256, "P-256", 2048, Duration.ofSeconds(60),
                Duration.ofSeconds(120));
        KeyRing ring = new KeyRing(jwks(), envelope, settings, clock);
        AccessTokenSigner signer = new AccessTokenSigner("https://a.example", List.of("https://a.example"), 900);
        String token = signer.sign(ring.signingKey(), Map.of("id", "user-1"), clock.instant());
        String kid = JWSObject.parse(token).getHeader().getKeyID();
        // A second server on the same table signs with the same key, read from the database.
        KeyRing other = new KeyRing(jwks(), envelope, settings, clock);
        assertThat(other.signingKey().kid()).isEqualTo(kid);
        JwkRecord row = other.byKid(kid).orElseThrow();
        assertThat(row.expiresAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(JWSObject.parse(token).verify(JwkKeys.verifier(JwkAlgorithm.ES256, row.publicKey()))).isTrue();
        clock.advance(Duration.ofSeconds(60));
        String rotated = other.signingKey().kid();
        assertThat(rotated).isNotEqualTo(kid);
        assertThat(ring.signingKey().kid()).isEqualTo(rotated);
        assertThat(ring.jwks()).contains(kid, rotated);
    }
}
