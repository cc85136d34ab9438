package io.betterauth.jakarta.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BasePathTest {

    final BasePath base = new BasePath("/api/auth");

    @Test
    void coversTheBasePathAndWhatIsBelowIt_only() {
        assertThat(base.covers("/api/auth")).isTrue();
        assertThat(base.covers("/api/auth/")).isTrue();
        assertThat(base.covers("/api/auth/get-session")).isTrue();
        assertThat(base.covers("/api/authority")).isFalse();
        assertThat(base.covers("/api")).isFalse();
        assertThat(base.covers("/other/api/auth")).isFalse();
    }

    @Test
    void isMount_whenTheJaxRsBaseUriIsTheContextPathPlusTheBasePath_trailingSlashesIgnored() {
        assertThat(base.isMount("/app", "/app/api/auth")).isTrue();
        assertThat(base.isMount("/app", "/app/api/auth/")).isTrue();
        assertThat(base.isMount("", "/api/auth//")).isTrue();
        assertThat(base.isMount("/app", "/app/api")).isFalse(); // the app's own JAX-RS application
        assertThat(base.isMount("/app", "/app/api/auth/x")).isFalse();
        assertThat(base.isMount("/app", "/api/auth")).isFalse();
        assertThat(base.isMount("/app", "/other/api/auth")).isFalse();
    }

    @Test
    void aConfiguredTrailingSlash_isIgnoredEverywhere() {
        BasePath slashed = new BasePath("/api/auth/");
        assertThat(slashed.path()).isEqualTo("/api/auth");
        assertThat(slashed.urlPattern()).isEqualTo("/api/auth/*");
        assertThat(slashed.covers("/api/auth/sign-out")).isTrue();
        assertThat(slashed.isMount("/app", "/app/api/auth/")).isTrue();
    }
}
