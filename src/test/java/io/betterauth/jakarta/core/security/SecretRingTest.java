package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.config.BetterAuthConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code BETTER_AUTH_SECRETS} parsing and the order in which secrets are tried (spec §1.3). */
class SecretRingTest {

    @Test
    void parse_firstEntryIsCurrent_thenOlderVersions_thenLegacy() {
        SecretRing ring = SecretRing.parse(" 2:new-secret , 7:older , 1:oldest", "legacy-secret");
        assertThat(ring.current()).isEqualTo(new SecretRing.Secret(2, "new-secret"));
        assertThat(ring.all()).containsExactly(new SecretRing.Secret(2, "new-secret"),
                new SecretRing.Secret(7, "older"), new SecretRing.Secret(1, "oldest"),
                new SecretRing.Secret(SecretRing.LEGACY_VERSION, "legacy-secret"));
        assertThat(SecretRing.parse("02:a:b", null).all()).containsExactly(new SecretRing.Secret(2, "a:b"));
    }

    @Test
    void legacySecret_isDroppedWhenItIsTheDevelopmentDefaultOrAlreadyVersioned() {
        assertThat(SecretRing.parse("2:new", BetterAuthConfig.DEFAULT_SECRET).all()).hasSize(1);
        assertThat(SecretRing.parse("2:new,1:old", "old").all()).hasSize(2);
        assertThat(SecretRing.parse("2:new", "").all()).hasSize(1);
        assertThat(SecretRing.single("only").all()).containsExactly(new SecretRing.Secret(0, "only"));
    }

    @Test
    void invalidConfigurations_failWithMessagesThatNeverContainTheSecret() {
        assertRejected("", "BETTER_AUTH_SECRETS is empty");
        assertRejected("   ", "BETTER_AUTH_SECRETS is empty");
        assertRejected("topsecret", "entry at position 1. Expected format: \"<version>:<secret>\"");
        assertRejected("2:a,topsecret", "entry at position 2. Expected format");
        assertRejected("2:a,", "entry at position 2");
        assertRejected("x:topsecret", "Invalid version in BETTER_AUTH_SECRETS entry at position 1");
        assertRejected("-1:topsecret", "Invalid version in BETTER_AUTH_SECRETS entry at position 1");
        assertRejected("2x:topsecret", "Invalid version in BETTER_AUTH_SECRETS entry at position 1");
        assertRejected("2:  ", "Empty secret value for version 2");
        assertRejected("2:topsecret,2:topsecret2", "Duplicate version 2");
        assertThatThrownBy(() -> SecretRing.of(List.of(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one entry");
        assertThatThrownBy(() -> SecretRing.single("")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(String secrets, String message) {
        assertThatThrownBy(() -> SecretRing.parse(secrets, null)).as(secrets)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .extracting(Throwable::getMessage).asString().doesNotContain("topsecret");
    }

    @Test
    void toString_neverShowsSecrets() {
        SecretRing ring = SecretRing.parse("2:topsecret-new,1:topsecret-old", "topsecret-legacy");
        assertThat(ring.toString()).isEqualTo("SecretRing[versions=2,1,legacy]");
        assertThat(ring.current().toString()).doesNotContain("topsecret");
    }
}
