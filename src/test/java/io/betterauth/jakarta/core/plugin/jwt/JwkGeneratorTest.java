package io.betterauth.jakarta.core.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/** Fresh keys for each algorithm: jose's export shape, and tokens that an independent verifier accepts. */
class JwkGeneratorTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:20:30.456Z");

    private static List<String> members(String json) {
        return new ArrayList<>(Json.createReader(new StringReader(json)).readObject().keySet());
    }

    private static String member(String json, String name) {
        return Json.createReader(new StringReader(json)).readObject().getString(name);
    }

    private static Map<String, Object> user() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", "A");
        user.put("email", "a@example.com");
        user.put("id", "user-1");
        return user;
    }

    @Test
    void eachAlgorithm_exportsJosesMembersInJosesOrder_withFullLengthCoordinates() {
        JwkGenerator.ExportedKeyPair ed = JwkGenerator.generate(JwkAlgorithm.EDDSA, 2048);
        assertThat(members(ed.publicJwk())).containsExactly("crv", "x", "kty");
        assertThat(members(ed.privateJwk())).containsExactly("crv", "d", "x", "kty");
        assertThat(member(ed.publicJwk(), "x")).hasSize(43);
        assertThat(member(ed.privateJwk(), "d")).hasSize(43);
        JwkGenerator.ExportedKeyPair p256 = JwkGenerator.generate(JwkAlgorithm.ES256, 2048);
        assertThat(members(p256.publicJwk())).containsExactly("kty", "x", "y", "crv");
        assertThat(members(p256.privateJwk())).containsExactly("kty", "x", "y", "crv", "d");
        assertThat(member(p256.publicJwk(), "crv")).isEqualTo("P-256");
        JwkGenerator.ExportedKeyPair p521 = JwkGenerator.generate(JwkAlgorithm.ES512, 2048);
        assertThat(member(p521.publicJwk(), "x")).hasSize(88);
        assertThat(member(p521.privateJwk(), "d")).hasSize(88);
        assertThat(member(p521.publicJwk(), "crv")).isEqualTo("P-521");
        JwkGenerator.ExportedKeyPair rsa = JwkGenerator.generate(JwkAlgorithm.PS256, 2048);
        assertThat(members(rsa.publicJwk())).containsExactly("kty", "n", "e");
        assertThat(members(rsa.privateJwk())).containsExactly("kty", "n", "e", "d", "p", "q", "dp", "dq", "qi");
        assertThat(member(rsa.publicJwk(), "n")).hasSize(342);
        assertThat(member(rsa.publicJwk(), "e")).isEqualTo("AQAB");
    }

    @Test
    void ourTokens_verifyWithNimbus_andEd25519WithBouncyCastle() throws Exception {
        AccessTokenSigner signer = new AccessTokenSigner("https://a.example", List.of("https://a.example"), 900);
        for (JwkAlgorithm alg : JwkAlgorithm.values()) {
            JwkGenerator.ExportedKeyPair pair = JwkGenerator.generate(alg, 2048);
            String token = signer.sign(new SigningKey("kid-" + alg, alg, JwkKeys.signer(alg, pair.privateJwk())),
                    user(), NOW);
            JWSObject parsed = JWSObject.parse(token);
            assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo(alg.alg());
            assertThat(parsed.getHeader().getKeyID()).isEqualTo("kid-" + alg);
            assertThat(parsed.getPayload().toString()).isEqualTo("{\"iat\":1893493230,\"name\":\"A\",\"email\":"
                    + "\"a@example.com\",\"id\":\"user-1\",\"sub\":\"user-1\",\"exp\":1893494130,\"iss\":"
                    + "\"https://a.example\",\"aud\":\"https://a.example\"}");
            if (alg == JwkAlgorithm.EDDSA) {
                byte[] x = ((OctetKeyPair) JWK.parse(pair.publicJwk())).getDecodedX();
                String[] parts = token.split("\\.");
                Ed25519Signer bc = new Ed25519Signer();
                bc.init(false, new Ed25519PublicKeyParameters(x, 0));
                byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
                bc.update(input, 0, input.length);
                assertThat(bc.verifySignature(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
            }
            assertThat(parsed.verify(JwkKeys.verifier(alg, pair.publicJwk()))).as(alg.alg()).isTrue();
            JwkGenerator.ExportedKeyPair other = JwkGenerator.generate(alg, 2048);
            assertThat(parsed.verify(JwkKeys.verifier(alg, other.publicJwk()))).as(alg.alg()).isFalse();
        }
    }

    @Test
    void severalAudiences_areAnArray_andAUserFieldNamedLikeAClaimKeepsItsPlace() throws Exception {
        AccessTokenSigner signer = new AccessTokenSigner("iss", List.of("a", "b"), 60);
        JwkGenerator.ExportedKeyPair pair = JwkGenerator.generate(JwkAlgorithm.EDDSA, 2048);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("iat", 5L);
        user.put("id", "u");
        String token = signer.sign(new SigningKey("k", JwkAlgorithm.EDDSA,
                JwkKeys.signer(JwkAlgorithm.EDDSA, pair.privateJwk())), user, NOW);
        assertThat(JWSObject.parse(token).getPayload().toString())
                .isEqualTo("{\"iat\":5,\"id\":\"u\",\"sub\":\"u\",\"exp\":65,\"iss\":\"iss\",\"aud\":[\"a\",\"b\"]}");
    }

    @Test
    void aKeyOfTheWrongTypeOrAShortRsaModulus_isRefused() {
        JwkGenerator.ExportedKeyPair ec = JwkGenerator.generate(JwkAlgorithm.ES256, 2048);
        assertThatThrownBy(() -> JwkKeys.signer(JwkAlgorithm.EDDSA, ec.privateJwk()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one for EdDSA");
        assertThatThrownBy(() -> JwkKeys.signer(JwkAlgorithm.ES512, ec.privateJwk()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwkKeys.signer(JwkAlgorithm.ES256, ec.publicJwk()))
                .hasMessageContaining("no private part");
        assertThatThrownBy(() -> JwkKeys.signer(JwkAlgorithm.RS256, "not json"))
                .hasMessage("the stored key is not a JWK");
        assertThatThrownBy(() -> JwkGenerator.generate(JwkAlgorithm.RS256, 1024))
                .hasMessageContaining("at least 2048");
    }
}
