package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.cookie.ResponseCookies;
import io.betterauth.jakarta.core.endpoint.BasePath;
import io.betterauth.jakarta.runtime.BetterAuthBootstrap;
import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ConfigurationException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The "active sessions" page shipped in the JAR ({@code META-INF/better-auth/sessions.html}): one self-contained
 * HTML file that lists the caller's devices and revokes them through the JSON endpoints only. Registered by
 * {@link BetterAuthBootstrap} at {@code better-auth.sessions-page.path} when the application chooses it
 * ({@code better-auth.sessions-page.enabled=true}; off by default).
 *
 * <p>Each answer carries a fresh CSP nonce for the page's one inline {@code <script>} and {@code <style>}, and the
 * endpoints' URL ({@code contextPath + basePath}) in a {@code <meta>} element, so the page works under any context
 * path and page path.
 */
public class SessionsPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger(SessionsPageServlet.class.getName());

    /** The page inside the JAR. */
    public static final String RESOURCE = "META-INF/better-auth/sessions.html";
    /** The servlet's name in the application. */
    public static final String SERVLET_NAME = "BetterAuthSessionsPage";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String basePath;
    private final String template;

    public SessionsPageServlet(String basePath) {
        this.basePath = basePath;
        this.template = loadTemplate();
    }

    /**
     * Adds the page to the application when the configuration enables it; called while the context starts.
     *
     * @return the registration, or empty when the page is switched off or the name is already taken
     */
    public static Optional<ServletRegistration.Dynamic> register(ServletContext context, BetterAuthConfig config) {
        if (!config.sessionsPage().enabled()) {
            return Optional.empty();
        }
        String path = config.sessionsPage().path();
        if (path == null || !path.startsWith("/") || path.length() < 2 || path.contains("*")
                || path.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigurationException("better-auth.sessions-page.path must be a path such as "
                    + "/better-auth/sessions (starting with '/', no wildcard), not '" + path + "'");
        }
        ServletRegistration.Dynamic registration = context.addServlet(SERVLET_NAME,
                new SessionsPageServlet(new BasePath(config.basePath()).path()));
        if (registration == null) {
            LOG.log(Level.WARNING, "A servlet named " + SERVLET_NAME + " already exists; the sessions page is not "
                    + "registered at " + path);
            return Optional.empty();
        }
        Set<String> conflicts = registration.addMapping(path);
        if (!conflicts.isEmpty()) {
            LOG.log(Level.WARNING, "better-auth.sessions-page.path " + path + " is already mapped by the "
                    + "application; the sessions page is not served there (set another path or "
                    + "better-auth.sessions-page.enabled=false)");
        }
        return Optional.of(registration);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String nonce = nonce();
        String html = template
                .replace("{{nonce}}", nonce)
                .replace("{{apiBase}}", escapeHtml(request.getContextPath() + basePath));
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html; charset=UTF-8");
        ResponseCookies.noStore(ResponseCookies.Headers.of(response::addHeader, response::setHeader));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
        response.setHeader("X-Frame-Options", "DENY");
        // Not no-referrer: with it, browsers send "Origin: null" on POSTs, which the origin check rejects.
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Only this answer's inline script and style, fetches to the same origin, no framing, no plugins; images only
     * from the app or {@code data:} (the page's empty favicon, which spares the app a favicon request).
     */
    static String contentSecurityPolicy(String nonce) {
        return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; "
                + "connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    private static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String loadTemplate() {
        ClassLoader loader = SessionsPageServlet.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the better-auth-jakarta JAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
