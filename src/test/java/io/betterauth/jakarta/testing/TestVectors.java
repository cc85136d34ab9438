package io.betterauth.jakarta.testing;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.InputStream;

/** Reads the vectors generated with the real Better Auth 1.7.25 (shared spec and our own Node run). */
public final class TestVectors {

    private TestVectors() {
    }

    public static JsonStructure read(String name) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/vectors/" + name);
             JsonReader reader = Json.createReader(in)) {
            return reader.read();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
