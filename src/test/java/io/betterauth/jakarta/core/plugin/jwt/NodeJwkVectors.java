package io.betterauth.jakarta.core.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.spi.JwkRecord;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The keys of a vectors file written by a pinned-clock Node Better Auth 1.7.25 run, one per algorithm. */
final class NodeJwkVectors {

    private NodeJwkVectors() {
    }

    /** The file's keys, in the order the Node script minted them: EdDSA, ES256, ES512, RS256, PS256. */
    static List<JsonObject> keys(JsonObject file) {
        List<JsonObject> keys = new ArrayList<>();
        file.getJsonArray("keys").forEach(v -> keys.add(v.asJsonObject()));
        assertThat(keys).extracting(k -> k.getString("alg")).containsExactly("EdDSA", "ES256", "ES512", "RS256", "PS256");
        return keys;
    }

    /** A key's {@code jwks} row as Node stored it (private key encrypted with the vectors' secret). */
    static JwkRecord record(JsonObject key) {
        JsonObject row = key.getJsonObject("row");
        return new JwkRecord(row.getString("id"), row.getString("publicKey"), row.getString("privateKey"),
                Instant.parse(row.getString("createdAt")), null, row.getString("alg"),
                row.isNull("crv") ? null : row.getString("crv"));
    }
}
