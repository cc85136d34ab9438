package io.betterauth.jakarta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import io.betterauth.jakarta.config.ConfigurationException;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sessions page's configuration, registration and answer, without a container (the browser test is SessionsPageIT). */
class SessionsPageServletTest {

    static final String SECRET = "a-long-random-secret-9f8e7d6c5b4a3210ZYXWVUT";

    static BetterAuthConfig load(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("better-auth.secret", SECRET);
        all.putIfAbsent("better-auth.sessions-page.enabled", "true");
        return new ConfigLoader(List.of(ConfigSource.of(all))).load();
    }

    /** A servlet context that records addServlet and addMapping. */
    static final class RecordingContext {
        final List<String> servlets = new ArrayList<>();
        final List<String> mappings = new ArrayList<>();
        Set<String> conflicts = Set.of();

        ServletContext proxy() {
            ServletRegistration.Dynamic registration = (ServletRegistration.Dynamic) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {ServletRegistration.Dynamic.class},
                    (p, method, args) -> switch (method.getName()) {
                        case "addMapping" -> {
                            mappings.addAll(List.of((String[]) args[0]));
                            yield conflicts;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            return (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ServletContext.class}, (p, method, args) -> {
                        if (method.getName().equals("addServlet") && args[1] instanceof Servlet s) {
                            servlets.add(args[0] + ":" + s.getClass().getSimpleName());
                            return registration;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void whenChosen_itIsServedAtBetterAuthSessions() {
        BetterAuthConfig c = BetterAuthConfig.builder().secret(SECRET).sessionsPageEnabled(true).build();
        assertThat(c.sessionsPage().enabled()).isTrue();
        assertThat(c.sessionsPage().path()).isEqualTo("/better-auth/sessions");
        assertThat(load(Map.of()).sessionsPage().enabled()).isTrue();
        assertThat(load(Map.of()).sessionsPage().path()).isEqualTo("/better-auth/sessions");

        RecordingContext ctx = new RecordingContext();
        assertThat(SessionsPageServlet.register(ctx.proxy(), c)).isPresent();
        assertThat(ctx.servlets).containsExactly("BetterAuthSessionsPage:SessionsPageServlet");
        assertThat(ctx.mappings).containsExactly("/better-auth/sessions");
    }

    @Test
    void thePageIsOffUnlessChosen() {
        BetterAuthConfig unset = new ConfigLoader(List.of(ConfigSource.of(Map.of("better-auth.secret", SECRET))))
                .load();
        assertThat(unset.sessionsPage().enabled()).isFalse();
        RecordingContext none = new RecordingContext();
        assertThat(SessionsPageServlet.register(none.proxy(), unset)).isEmpty();
        assertThat(none.servlets).isEmpty();
        assertThat(none.mappings).isEmpty();
    }

    @Test
    void thePathIsConfigurable_andThePageCanBeTurnedOff() {
        BetterAuthConfig moved = load(Map.of("better-auth.sessions-page.path", "/account/devices"));
        RecordingContext ctx = new RecordingContext();
        SessionsPageServlet.register(ctx.proxy(), moved);
        assertThat(ctx.mappings).containsExactly("/account/devices");

        BetterAuthConfig off = load(Map.of("better-auth.sessions-page.enabled", "false"));
        assertThat(off.sessionsPage().enabled()).isFalse();
        RecordingContext none = new RecordingContext();
        assertThat(SessionsPageServlet.register(none.proxy(), off)).isEmpty();
        assertThat(none.servlets).isEmpty();
        assertThat(none.mappings).isEmpty();

        assertThatThrownBy(() -> load(Map.of("better-auth.sessions-page.enabled", "maybe")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("better-auth.sessions-page.enabled");
    }

    @Test
    void aPathThatIsNotAPath_stopsTheStart() {
        for (String bad : List.of("sessions", "/", "/sessions/*", "*.html", "/my sessions")) {
            BetterAuthConfig c = BetterAuthConfig.builder().secret(SECRET).sessionsPageEnabled(true).sessionsPagePath(bad).build();
            assertThatThrownBy(() -> SessionsPageServlet.register(new RecordingContext().proxy(), c))
                    .as(bad).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("better-auth.sessions-page.path");
        }
    }

    @Test
    void aPathTheAppAlreadyMaps_isLeftToTheApp() {
        RecordingContext ctx = new RecordingContext();
        ctx.conflicts = Set.of("/better-auth/sessions");
        assertThat(SessionsPageServlet.register(ctx.proxy(),
                BetterAuthConfig.builder().secret(SECRET).sessionsPageEnabled(true).build()))
                .isPresent();
        assertThat(ctx.mappings).containsExactly("/better-auth/sessions");
    }

    @Test
    void theAnswer_hasItsHeaders_aFreshNonce_andTheEndpointsPath() throws Exception {
        SessionsPageServlet servlet = new SessionsPageServlet("/api/auth");
        Answer first = get(servlet, "/my\"app");
        Answer second = get(servlet, "/my\"app");

        assertThat(first.headers).containsEntry("Content-Type", "text/html; charset=UTF-8")
                .containsEntry("Cache-Control", "no-store").containsEntry("X-Content-Type-Options", "nosniff");
        String csp = first.headers.get("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'", "connect-src 'self'", "frame-ancestors 'none'",
                "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        Matcher m = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]+)'; style-src 'nonce-\\1'").matcher(csp);
        assertThat(m.find()).as(csp).isTrue();
        String nonce = m.group(1);
        assertThat(first.body).contains("<script nonce=\"" + nonce + "\">", "<style nonce=\"" + nonce + "\">")
                .doesNotContain("{{").contains("<meta name=\"better-auth-api\" content=\"/my&quot;app/api/auth\">");
        assertThat(second.headers.get("Content-Security-Policy")).doesNotContain(nonce);
        // No inline event handlers or style attributes, which the nonce would not cover.
        assertThat(first.body).doesNotContainPattern("\\son[a-z]+=").doesNotContain(" style=\"");
    }

    record Answer(Map<String, String> headers, String body) {
    }

    static Answer get(SessionsPageServlet servlet, String contextPath) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                SessionsPageServletTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> contextPath;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Map<String, String> headers = new HashMap<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ServletOutputStream out = new ServletOutputStream() {
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener listener) { }
            @Override public void write(int b) { bytes.write(b); }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                SessionsPageServletTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (p, method, args) -> switch (method.getName()) {
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "setContentLength" -> headers.put("Content-Length", String.valueOf(args[0]));
                    case "getOutputStream" -> out;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        servlet.doGet(request, response);
        String body = bytes.toString(StandardCharsets.UTF_8);
        assertThat(headers.get("Content-Length")).isEqualTo(String.valueOf(bytes.size()));
        return new Answer(headers, body);
    }
}
