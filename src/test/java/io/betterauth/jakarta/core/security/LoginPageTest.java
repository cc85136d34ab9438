package io.betterauth.jakarta.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code better-auth.login-page}: which requests are browser navigations, which login pages start, and the
 * {@code callbackURL} of the redirect (always relative, never an open redirect). Checklist T-44.
 */
class LoginPageTest {

    static final String SECRET = "login-page-test-secret-0123456789-abcdefghijklmnop";

    static BetterAuthConfig config(String loginPage) {
        return BetterAuthConfig.builder().secret(SECRET).baseUrl("https://app.example.com")
                .trustedOrigins(List.of("https://*.example.org")).loginPage(loginPage).build();
    }

    static LoginPage page(String loginPage) {
        return LoginPage.of(config(loginPage)).orElseThrow();
    }

    static boolean navigation(String method, Map<String, String> headers) {
        return BrowserNavigation.matches(method, headers::get);
    }

    @Test
    void aBrowserNavigation_isAGetOrHead_thatFetchMetadataOrAcceptNamesAsAPage() {
        assertThat(navigation("GET", Map.of("sec-fetch-mode", "navigate", "sec-fetch-dest", "document"))).isTrue();
        assertThat(navigation("GET", Map.of("sec-fetch-mode", "navigate"))).isTrue();
        assertThat(navigation("HEAD", Map.of("accept", "text/html,application/xhtml+xml,*/*;q=0.8"))).isTrue();
        assertThat(navigation("GET", Map.of("accept", "TEXT/HTML"))).isTrue();
    }

    @Test
    void fetchXhrAndApiCallers_areNotNavigations() {
        assertThat(navigation("GET", Map.of("sec-fetch-mode", "cors", "accept", "text/html"))).isFalse();
        assertThat(navigation("GET", Map.of("sec-fetch-mode", "same-origin", "sec-fetch-dest", "empty"))).isFalse();
        assertThat(navigation("GET", Map.of("sec-fetch-mode", "navigate", "sec-fetch-dest", "iframe"))).isFalse();
        assertThat(navigation("GET", Map.of("sec-fetch-site", "same-origin", "accept", "text/html"))).isFalse();
        assertThat(navigation("GET", Map.of("accept", "application/json"))).isFalse();
        assertThat(navigation("GET", Map.of("accept", "*/*"))).isFalse();
        assertThat(navigation("GET", Map.of())).isFalse();
        assertThat(navigation("GET", Map.of("accept", "text/html", "x-requested-with", "XMLHttpRequest"))).isFalse();
        assertThat(navigation("POST", Map.of("sec-fetch-mode", "navigate", "accept", "text/html"))).isFalse();
        assertThat(navigation("DELETE", Map.of("accept", "text/html"))).isFalse();
    }

    @Test
    void unset_meansNoLoginPage() {
        assertThat(LoginPage.of(config(null))).isEmpty();
        assertThat(LoginPage.of(config("  "))).isEmpty();
    }

    @Test
    void aPathOrATrustedAbsoluteUrl_starts() {
        assertThat(LoginPage.of(config("/login"))).isPresent();
        assertThat(LoginPage.of(config("/auth/sign-in?from=app"))).isPresent();
        assertThat(LoginPage.of(config("https://app.example.com/login"))).isPresent();
        assertThat(LoginPage.of(config("https://id.example.org/login"))).isPresent();
    }

    @Test
    void anythingThatCouldLeadOffTheTrustedOrigins_stopsTheStartUp() {
        for (String bad : new String[] {"login", "//evil.example/login", "/\\evil.example", "/%2F%2Fevil.example",
                "https://evil.example/login", "https://app.example.com.evil.example/", "javascript:alert(1)",
                "https://app.example.com@evil.example/", "http://app.example.com/login", "/login\r\nX: y",
                "/login#x", "ftp://app.example.com/"}) {
            assertThatThrownBy(() -> config(bad)).as(bad).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("better-auth.login-page");
        }
    }

    @Test
    void theRedirect_carriesThePageAskedFor_relative_inCallbackURL() {
        LoginPage page = page("/login");
        Map<String, String> browser = Map.of("accept", "text/html");
        assertThat(page.redirect("GET", browser::get, "/shop", "/shop/account", "tab=orders&x=1"))
                .contains("/shop/login?callbackURL=%2Fshop%2Faccount%3Ftab%3Dorders%26x%3D1");
        assertThat(page.redirect("GET", browser::get, "", "/account", null))
                .contains("/login?callbackURL=%2Faccount");
        assertThat(page("/login?theme=dark").location("", "/a", null)).contains("/login?theme=dark&callbackURL=%2Fa");
        assertThat(page("https://id.example.org/login").location("/shop", "/shop/a", null))
                .contains("https://id.example.org/login?callbackURL=%2Fshop%2Fa");
    }

    @Test
    void apiCallers_andTheLoginPageItself_areNotRedirected() {
        LoginPage page = page("/login");
        Map<String, String> fetch = Map.of("sec-fetch-mode", "cors", "accept", "*/*");
        assertThat(page.redirect("GET", fetch::get, "", "/account", null)).isEmpty();
        Map<String, String> browser = Map.of("sec-fetch-mode", "navigate");
        assertThat(page.redirect("GET", browser::get, "/shop", "/shop/login", "callbackURL=%2Fx")).isEmpty();
    }

    @Test
    void aPathBetterAuthWouldNotTakeBackAsCallbackURL_becomesTheAppsRoot() {
        LoginPage page = page("/login");
        assertThat(page.location("/shop", "//evil.example/x", null)).contains("/shop/login?callbackURL=%2Fshop%2F");
        assertThat(page.location("", "/a b", null)).contains("/login?callbackURL=%2F");
        assertThat(page.location("", "/a", "q=" + "x".repeat(LoginPage.MAX_CALLBACK_LENGTH)))
                .contains("/login?callbackURL=%2F");
        Optional<String> plain = page.location("", "/a", "q=1");
        assertThat(plain).contains("/login?callbackURL=%2Fa%3Fq%3D1");
    }
}
