package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.testing.TestVectors;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWrittenByBetterAuth_verifyHere() {
        int checked = 0;
        for (JsonValue v : TestVectors.read("scrypt-better-auth-1.7.25.json").asJsonArray()) {
            String password = v.asJsonObject().getString("password");
            String hash = v.asJsonObject().getString("hash");
            assertThat(hasher.verify(password, hash)).as(password).isTrue();
            assertThat(hasher.verify(password + "x", hash)).as(password + "x").isFalse();
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void ourHashes_haveBetterAuthsFormat_andVerify() {
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).matches("[0-9a-f]{32}:[0-9a-f]{128}");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("Correct horse battery staple", hash)).isFalse();
        assertThat(hasher.hash("correct horse battery staple")).isNotEqualTo(hash); // fresh salt each time
    }

    @Test
    void passwordsAreNfkcNormalised_likeBetterAuth() {
        String composed = "p\u00e4ss";       // ä as one code point
        String decomposed = "pa\u0308ss";    // a + combining diaeresis
        assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
    }

    @Test
    void malformedStoredValues_neverVerifyAndNeverThrow() {
        for (String stored : new String[] {null, "", "nocolon", ":abcd", "abcd:", "salt:not-hex", "salt:abcd"}) {
            assertThat(hasher.verify("password", stored)).as(String.valueOf(stored)).isFalse();
        }
    }
}
