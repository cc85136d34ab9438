package io.betterauth.jakarta.core.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.testing.TestVectors;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The {@code privateKey} column against Better Auth 1.7.25's own {@code symmetricEncrypt}: the fixed-nonce
 * XChaCha20-Poly1305 vector, plain and versioned secrets, and the real rows of {@code jwt-better-auth-1.7.25.json}
 * (written by {@code src/test/node/jwt-vectors.mjs}).
 */
class PrivateKeyEnvelopeTest {

    private static final JsonObject FILE = TestVectors.read("jwt-better-auth-1.7.25.json").asJsonObject();
    private static final String SECRET = FILE.getString("secret");
    private static final JsonObject ENVELOPE = FILE.getJsonObject("envelope");

    @Test
    void xChaCha20Poly1305_withAFixedNonce_isNoblesBytes_bothWays() throws Exception {
        JsonObject v = ENVELOPE.getJsonObject("fixedNonce");
        byte[] key = MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.UTF_8));
        byte[] nonce = HexFormat.of().parseHex(v.getString("nonceHex"));
        byte[] sealed = XChaCha20Poly1305.seal(key, nonce, v.getString("plaintext").getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(sealed)).isEqualTo(v.getString("storedHex"));
        assertThat(PrivateKeyEnvelope.decrypt(SecretRing.single(SECRET), v.getString("storedHex")))
                .isEqualTo(v.getString("plaintext"));
    }

    @Test
    void hChaCha20_matchesTheXChaChaDraftTestVector() {
        // draft-irtf-cfrg-xchacha-03 §2.2.1
        byte[] key = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] nonce = HexFormat.of().parseHex("000000090000004a0000000031415927");
        assertThat(HexFormat.of().formatHex(XChaCha20Poly1305.hChaCha20(key, nonce)))
                .isEqualTo("82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc");
    }

    @Test
    void aPlainSecret_readsNodesBareHex_andWritesBareHexNodeReads() {
        JsonObject v = ENVELOPE.getJsonObject("plain");
        SecretRing ring = SecretRing.single(SECRET);
        assertThat(PrivateKeyEnvelope.decrypt(ring, v.getString("stored"))).isEqualTo(v.getString("plaintext"));
        String ours = PrivateKeyEnvelope.encrypt(ring, "héllo 😀");
        assertThat(ours).matches("[0-9a-f]{" + 2 * (24 + "héllo 😀".getBytes(StandardCharsets.UTF_8).length + 16) + "}");
        assertThat(PrivateKeyEnvelope.decrypt(ring, ours)).isEqualTo("héllo 😀");
        assertThat(PrivateKeyEnvelope.encrypt(ring, "x")).isNotEqualTo(PrivateKeyEnvelope.encrypt(ring, "x"));
    }

    @Test
    void versionedSecrets_readEachVersionsEnvelope_andBareHexWithTheLegacySecret() {
        JsonObject v = ENVELOPE.getJsonObject("versioned");
        SecretRing ring = SecretRing.parse(v.getString("secrets"), v.getString("legacySecret"));
        assertThat(PrivateKeyEnvelope.decrypt(ring, v.getString("current"))).isEqualTo("current");
        assertThat(PrivateKeyEnvelope.decrypt(ring, v.getString("version1"))).isEqualTo("version one");
        assertThat(PrivateKeyEnvelope.decrypt(ring, v.getString("legacy"))).isEqualTo("legacy bare hex");
        String ours = PrivateKeyEnvelope.encrypt(ring, "ours");
        assertThat(ours).startsWith("$ba$2$");
        assertThat(PrivateKeyEnvelope.decrypt(ring, ours)).isEqualTo("ours");
    }

    @Test
    void theLegacySecret_opensBareHex_evenWhenItIsAlsoAVersionedSecret() {
        // The usual migration: BETTER_AUTH_SECRET=old stays set while BETTER_AUTH_SECRETS="2:new,1:old" is added.
        String bare = FILE.getJsonArray("keys").getJsonObject(0).getJsonObject("row").getString("privateKey");
        SecretRing ring = SecretRing.parse("2:second-secret-0123456789abcdef0123456,1:" + SECRET, SECRET);
        String jwk = new PrivateKeyEnvelope(ring, false).open(bare);
        assertThat(jwk).startsWith("{\"crv\":\"Ed25519\",\"d\":\"");
    }

    @Test
    void bareHex_withVersionedSecretsAndNoLegacySecret_isRefusedAsNodeDoes() {
        JsonObject v = ENVELOPE.getJsonObject("versioned");
        SecretRing ring = SecretRing.parse(v.getString("secrets"), null);
        assertThatThrownBy(() -> PrivateKeyEnvelope.decrypt(ring, v.getString("legacy")))
                .isInstanceOf(PrivateKeyEnvelope.UndecryptableKeyException.class)
                .hasMessageContaining("no legacy secret");
        SecretRing retired = SecretRing.parse("3:third-secret-0123456789abcdef01234567", null);
        assertThatThrownBy(() -> PrivateKeyEnvelope.decrypt(retired, v.getString("version1")))
                .hasMessageContaining("secret version 1 is not configured");
    }

    @Test
    void theWrongSecret_isAClearError_thatNeverNamesASecret() {
        String column = FILE.getJsonArray("keys").getJsonObject(0).getJsonObject("row").getString("privateKey");
        String other = "another-secret-0123456789abcdef0123456789";
        assertThatThrownBy(() -> new PrivateKeyEnvelope(SecretRing.single(other), false).open(column))
                .isInstanceOf(PrivateKeyEnvelope.UndecryptableKeyException.class)
                .hasMessageStartingWith(PrivateKeyEnvelope.DECRYPT_FAILED)
                .hasMessageNotContaining(other).hasMessageNotContaining(SECRET);
    }

    @Test
    void theColumn_isAJsonStringLiteral_andAnythingElseIsUndecryptable() {
        PrivateKeyEnvelope envelope = new PrivateKeyEnvelope(SecretRing.single(SECRET), false);
        String column = envelope.seal("{\"kty\":\"OKP\"}");
        assertThat(column).startsWith("\"").endsWith("\"").matches("\"[0-9a-f]+\"");
        assertThat(envelope.open(column)).isEqualTo("{\"kty\":\"OKP\"}");
        for (String bad : new String[] {column.substring(1, column.length() - 1), "{\"kty\":\"OKP\"}", "\"zz\"",
                "\"0707\"", "", "\"" + column.substring(1, column.length() - 3) + "00\""}) {
            assertThatThrownBy(() -> envelope.open(bad)).as(bad)
                    .isInstanceOf(PrivateKeyEnvelope.UndecryptableKeyException.class);
        }
    }

    @Test
    void withEncryptionDisabled_theColumnIsTheJwkItself() {
        PrivateKeyEnvelope clear = new PrivateKeyEnvelope(SecretRing.single(SECRET), true);
        assertThat(clear.seal("{\"kty\":\"OKP\"}")).isEqualTo("{\"kty\":\"OKP\"}");
        assertThat(clear.open("{\"kty\":\"OKP\"}")).isEqualTo("{\"kty\":\"OKP\"}");
    }
}
