package io.betterauth.jakarta.core.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.spi.JwkRecord;
import io.betterauth.jakarta.spi.JwksStore;
import io.betterauth.jakarta.store.memory.InMemoryJwksStore;
import io.betterauth.jakarta.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which key signs and which keys are published, over time (a fixed clock): minting, rotation, the grace period, the
 * primary algorithm first, and the cache's reads of the table.
 */
class KeyRingTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final SecretRing SECRETS = SecretRing.single("key-ring-test-secret-0123456789abcdef");
    private static final PrivateKeyEnvelope ENVELOPE = new PrivateKeyEnvelope(SECRETS, false);

    private final MutableClock clock = new MutableClock(T0);
    private final CountingStore store = new CountingStore();

    /** A memory store that counts its reads, and can lose a row as an operator's DELETE does. */
    static final class CountingStore implements JwksStore {
        final InMemoryJwksStore keys = new InMemoryJwksStore();
        final AtomicInteger reads = new AtomicInteger();
        final java.util.Set<String> deleted = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public List<JwkRecord> all() {
            reads.incrementAndGet();
            return keys.all().stream().filter(k -> !deleted.contains(k.id())).toList();
        }

        @Override
        public void create(JwkRecord key) {
            keys.create(key);
        }
    }

    private KeyRing ring(Duration rotation, Duration grace) {
        return new KeyRing(store, ENVELOPE, new KeyRing.Settings(JwkAlgorithm.EDDSA, null, 2048, rotation, grace), clock);
    }

    @Test
    void anEmptyTable_mintsOneKeyOnFirstUse_whichThenKeepsSigning() {
        KeyRing ring = ring(null, Duration.ofDays(30));
        SigningKey first = ring.signingKey();
        assertThat(store.keys.all()).hasSize(1);
        JwkRecord row = store.keys.all().get(0);
        assertThat(row.id()).isEqualTo(first.kid()).hasSize(32);
        assertThat(row.alg()).isEqualTo("EdDSA");
        assertThat(row.crv()).isEqualTo("Ed25519");
        assertThat(row.createdAt()).isEqualTo(T0);
        assertThat(row.expiresAt()).isNull();
        assertThat(row.privateKey()).matches("\"[0-9a-f]+\"");
        clock.advance(Duration.ofDays(400));
        assertThat(ring.signingKey().kid()).isEqualTo(first.kid());
        assertThat(store.keys.all()).hasSize(1);
    }

    @Test
    void withARotationInterval_anExpiredKeyIsReplaced_andStaysPublishedForTheGracePeriodOnly() {
        KeyRing ring = ring(Duration.ofSeconds(60), Duration.ofSeconds(120));
        String first = ring.signingKey().kid();
        assertThat(store.keys.all().get(0).expiresAt()).isEqualTo(T0.plusSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        assertThat(ring.signingKey().kid()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1)); // expiresAt is not after now: no longer live
        String second = ring.signingKey().kid();
        assertThat(second).isNotEqualTo(first);
        assertThat(store.keys.all()).hasSize(2); // Better Auth never deletes a key
        assertThat(ring.jwks()).contains(first, second);
        clock.set(T0.plusSeconds(60 + 119));
        assertThat(ring.jwks()).contains(first);
        clock.set(T0.plusSeconds(60 + 120));
        assertThat(ring.jwks()).doesNotContain(first);
    }

    @Test
    void theNewestLiveKeyOfTheConfiguredAlgorithm_signsBeforeANewerKeyOfAnother_andAnyLiveKeyBeforeMinting() {
        KeyRing.Settings es256 = new KeyRing.Settings(JwkAlgorithm.ES256, "P-256", 2048, null, Duration.ofDays(30));
        String esKid = new KeyRing(store, ENVELOPE, es256, clock).signingKey().kid();
        // Only an ES256 key is live: an EdDSA ring signs with it rather than mint (getLatestKeyByAlg ?? getLatestKey).
        SigningKey fallback = ring(null, Duration.ofDays(30)).signingKey();
        assertThat(fallback.kid()).isEqualTo(esKid);
        assertThat(fallback.algorithm()).isEqualTo(JwkAlgorithm.ES256);
        assertThat(store.keys.all()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        JwkGenerator.ExportedKeyPair ed = JwkGenerator.generate(JwkAlgorithm.EDDSA, 2048);
        store.create(new JwkRecord("newer-eddsa", ed.publicJwk(), ENVELOPE.seal(ed.privateJwk()), clock.instant(), null,
                "EdDSA", "Ed25519"));
        assertThat(new KeyRing(store, ENVELOPE, es256, clock).signingKey().kid()).isEqualTo(esKid);
        assertThat(ring(null, Duration.ofDays(30)).signingKey().kid()).isEqualTo("newer-eddsa");
    }

    @Test
    void aTokenSignedWithTheRingsKey_verifiesWithTheKeyItPublishes() throws Exception {
        KeyRing ring = ring(null, Duration.ofDays(30));
        String token = new AccessTokenSigner("https://a.example", List.of("https://a.example"), 900)
                .sign(ring.signingKey(), Map.of("id", "u1"), T0);
        String kid = JWSObject.parse(token).getHeader().getKeyID();
        JwkRecord row = ring.byKid(kid).orElseThrow();
        assertThat(JWSObject.parse(token).verify(JwkKeys.verifier(JwkAlgorithm.EDDSA, row.publicKey()))).isTrue();
        assertThat(ring.jwks()).contains("\"kid\":\"" + kid + "\"");
    }

    @Test
    void signing_readsTheTableOnlyWhenTheCachedKeyExpires() {
        KeyRing ring = ring(Duration.ofHours(1), Duration.ofDays(1));
        ring.signingKey();
        int reads = store.reads.get();
        for (int i = 0; i < 10; i++) {
            ring.signingKey();
        }
        assertThat(store.reads.get()).isEqualTo(reads);
        clock.advance(Duration.ofHours(1));
        ring.signingKey();
        assertThat(store.reads.get()).isGreaterThan(reads);
    }

    @Test
    void aKeyDeletedFromTheTable_stopsVerifyingAndSigning_withinMaxStaleness() {
        // Deleting a leaked key's row is how it is revoked (Better Auth reads the table on every call, so there it
        // stops at once). Here the cached rows kept verifying session-cache JWTs signed with it, and kept signing
        // with it, for as long as nothing else made the ring read the table again.
        KeyRing ring = ring(null, Duration.ofDays(30));
        String leaked = ring.signingKey().kid();
        assertThat(ring.byKid(leaked)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        store.create(new JwkRecord("replacement", store.keys.all().get(0).publicKey(),
                store.keys.all().get(0).privateKey(), clock.instant(), null, "EdDSA", "Ed25519"));
        store.deleted.add(leaked);
        int reads = store.reads.get();
        assertThat(ring.byKid(leaked)).as("within the staleness bound: the cache").isPresent();
        assertThat(store.reads.get()).isEqualTo(reads);
        clock.advance(KeyRing.MAX_STALENESS);
        assertThat(ring.byKid(leaked)).as("after it: the table").isEmpty();
        assertThat(ring.signingKey().kid()).isEqualTo("replacement");
        assertThat(store.reads.get()).as("one read for both").isEqualTo(reads + 1);
    }

    @Test
    void anUnknownKid_readsTheTableAgain_atMostOncePerRefreshInterval() {
        KeyRing ring = ring(null, Duration.ofDays(30));
        ring.signingKey();
        KeyRing other = ring(null, Duration.ofDays(30)); // another server on the same table
        clock.advance(Duration.ofSeconds(1));
        store.create(new JwkRecord("minted-elsewhere", "{\"crv\":\"Ed25519\",\"x\":\"AAAA\",\"kty\":\"OKP\"}", "\"00\"",
                clock.instant(), null, "EdDSA", "Ed25519"));
        assertThat(ring.byKid("minted-elsewhere")).isPresent();
        int reads = store.reads.get();
        for (int i = 0; i < 20; i++) {
            assertThat(ring.byKid("made-up-" + i)).isEmpty();
        }
        assertThat(store.reads.get()).isEqualTo(reads); // the read for minted-elsewhere was just now
        clock.advance(KeyRing.MIN_REFRESH);
        assertThat(ring.byKid("made-up")).isEmpty();
        assertThat(store.reads.get()).isEqualTo(reads + 1);
        assertThat(other.byKid("minted-elsewhere")).isPresent();
    }

    @Test
    void aKeyEncryptedWithAnotherSecret_failsSigning_withBetterAuthsMessage() {
        ring(null, Duration.ofDays(30)).signingKey();
        KeyRing otherSecret = new KeyRing(store, new PrivateKeyEnvelope(
                SecretRing.single("a-different-secret-0123456789abcdef"), false), KeyRing.Settings.DEFAULT, clock);
        assertThatThrownBy(otherSecret::signingKey).isInstanceOf(PrivateKeyEnvelope.UndecryptableKeyException.class)
                .hasMessageStartingWith(PrivateKeyEnvelope.DECRYPT_FAILED);
    }

    @Test
    void theJwksOfAnEmptyTable_mintsAKeyFirst() {
        KeyRing ring = ring(null, Duration.ofDays(30));
        String jwks = ring.jwks();
        assertThat(store.keys.all()).hasSize(1);
        assertThat(jwks).startsWith("{\"keys\":[{\"alg\":\"EdDSA\",\"crv\":\"Ed25519\",\"x\":\"")
                .endsWith("\"kty\":\"OKP\",\"kid\":\"" + store.keys.all().get(0).id() + "\"}]}");
    }
}
