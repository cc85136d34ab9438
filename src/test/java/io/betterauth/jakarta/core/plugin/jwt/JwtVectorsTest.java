package io.betterauth.jakarta.core.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.security.SecretRing;
import io.betterauth.jakarta.spi.JwkRecord;
import io.betterauth.jakarta.testing.TestVectors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The jwt plugin's keys and tokens against Better Auth 1.7.25 itself, for each key algorithm:
 * {@code jwt-better-auth-1.7.25.json} holds the {@code jwks} row Node stored, its {@code GET /jwks} body and its
 * {@code GET /token} JWT, with {@code Date} pinned (written by {@code src/test/node/jwt-vectors.mjs}; run
 * {@code node jwt-vectors.mjs > ../resources/vectors/jwt-better-auth-1.7.25.json} from {@code src/test/node}).
 */
class JwtVectorsTest {

    private static final JsonObject FILE = TestVectors.read("jwt-better-auth-1.7.25.json").asJsonObject();
    private static final PrivateKeyEnvelope ENVELOPE = new PrivateKeyEnvelope(
            SecretRing.single(FILE.getString("secret")), false);
    private static final Instant NOW = Instant.parse(FILE.getString("now"));
    /** Better Auth's iss and aud: the base URL's origin (the vectors' base URL has a path). */
    private static final String ORIGIN = "http://127.0.0.1:3000";

    private static List<JsonObject> keys() {
        return NodeJwkVectors.keys(FILE);
    }

    private static List<String> members(String json) {
        return new ArrayList<>(Json.createReader(new StringReader(json)).readObject().keySet());
    }

    @Test
    void nodesStoredPrivateKeys_decrypt_toJoseExportsInJoseOrder_matchingTheirPublicKeys() {
        Map<String, List<String>> order = Map.of(
                "EdDSA", List.of("crv", "d", "x", "kty"),
                "ES256", List.of("kty", "x", "y", "crv", "d"),
                "ES512", List.of("kty", "x", "y", "crv", "d"),
                "RS256", List.of("kty", "n", "e", "d", "p", "q", "dp", "dq", "qi"),
                "PS256", List.of("kty", "n", "e", "d", "p", "q", "dp", "dq", "qi"));
        for (JsonObject key : keys()) {
            JwkRecord row = NodeJwkVectors.record(key);
            String privateJwk = ENVELOPE.open(row.privateKey());
            assertThat(members(privateJwk)).as(row.alg()).isEqualTo(order.get(row.alg()));
            JsonObject priv = Json.createReader(new StringReader(privateJwk)).readObject();
            JsonObject pub = Json.createReader(new StringReader(row.publicKey())).readObject();
            pub.forEach((name, value) -> assertThat(priv.get(name)).as(row.alg() + " " + name).isEqualTo(value));
        }
    }

    @Test
    void theJwksDocument_isNodesBody_byteForByte() {
        for (JsonObject key : keys()) {
            JsonValue config = key.get("keyPairConfig");
            String configuredCrv = config instanceof JsonObject c && c.containsKey("crv") ? c.getString("crv") : null;
            String ours = JwksDocument.json(List.of(NodeJwkVectors.record(key)), JwkAlgorithm.named(key.getString("alg")),
                    configuredCrv, JwksDocument.DEFAULT_GRACE_PERIOD, NOW);
            assertThat(ours).as(key.getString("alg")).isEqualTo(key.getString("jwks"));
        }
    }

    @Test
    void nodesTokens_verifyWithTheStoredPublicKey_andFailOnceAltered() throws Exception {
        for (JsonObject key : keys()) {
            JwkRecord row = NodeJwkVectors.record(key);
            JwkAlgorithm alg = JwkAlgorithm.named(row.alg());
            JWSObject token = JWSObject.parse(key.getString("token"));
            assertThat(token.getHeader().toJSONObject()).containsOnlyKeys("alg", "kid");
            assertThat(token.verify(JwkKeys.verifier(alg, row.publicKey()))).as(row.alg()).isTrue();
            String[] parts = key.getString("token").split("\\.");
            JWSObject altered = JWSObject.parse(parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "fQ."
                    + parts[2]);
            assertThat(altered.verify(JwkKeys.verifier(alg, row.publicKey()))).as(row.alg()).isFalse();
        }
    }

    @Test
    void ourTokens_haveNodesHeaderAndPayload_areIdenticalWhereTheSignatureIsDeterministic_andVerify()
            throws Exception {
        AccessTokenSigner signer = new AccessTokenSigner(ORIGIN, List.of(ORIGIN), TimeString.seconds("15m"));
        for (JsonObject key : keys()) {
            JwkRecord row = NodeJwkVectors.record(key);
            JwkAlgorithm alg = JwkAlgorithm.named(row.alg());
            SigningKey signingKey = new SigningKey(row.id(), alg, JwkKeys.signer(alg, ENVELOPE.open(row.privateKey())));
            Map<String, Object> user = JsJson.safeParsed(Json.createReader(new StringReader(key.getString("userJson")))
                    .readObject());
            String ours = signer.sign(signingKey, user, NOW);
            String node = key.getString("token");
            assertThat(ours.substring(0, ours.lastIndexOf('.'))).as(row.alg())
                    .isEqualTo(node.substring(0, node.lastIndexOf('.')));
            if (alg == JwkAlgorithm.EDDSA || alg == JwkAlgorithm.RS256) {
                assertThat(ours).as(row.alg()).isEqualTo(node);
            }
            assertThat(JWSObject.parse(ours).verify(JwkKeys.verifier(alg, row.publicKey()))).as(row.alg()).isTrue();
        }
    }
}
