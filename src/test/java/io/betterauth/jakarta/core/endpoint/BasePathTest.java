package io.betterauth.jakarta.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void aConfiguredTrailingSlash_isIgnoredEverywhere() {
        BasePath slashed = new BasePath("/api/auth/");
        assertThat(slashed.path()).isEqualTo("/api/auth");
        assertThat(slashed.urlPattern()).isEqualTo("/api/auth/*");
        assertThat(slashed.covers("/api/auth/sign-out")).isTrue();
    }

    @Test
    void anotherPath_isAcceptedAsItIs() {
        assertThat(new BasePath("/auth/v2").urlPattern()).isEqualTo("/auth/v2/*");
        assertThat(new BasePath("/a.b_c~d-e").path()).isEqualTo("/a.b_c~d-e");
    }

    /** Each would map the JAX-RS servlet somewhere else than the path that was meant, or over the whole app. */
    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", "api/auth", "/api/*", "/api/auth/*", "/api//auth", "/api/./auth", "/api/..",
            "/api auth", "/api/auth?x", "/api/auth#x", "/api;x/auth", "/api/%61uth", "*.do", " /api/auth", "/api/äuth"})
    void aPathThatIsNotPlain_stopsTheStartUp_namingTheKey(String configured) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BasePath(configured))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("better-auth.base-path must be a path below the root such as /api/auth (segments of "
                        + "letters, digits, '-', '.', '_' and '~'), not '" + configured + "'");
    }

    @Test
    void noPath_stopsTheStartUp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BasePath(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not 'null'");
    }
}
