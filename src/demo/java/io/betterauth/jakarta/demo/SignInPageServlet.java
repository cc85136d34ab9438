package io.betterauth.jakarta.demo;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.api.CurrentSession;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The demo's sign-in page that works without JavaScript, and the target of {@code better-auth.login-page}: HTML
 * forms that POST here; the servlet runs Better Auth's origin check (its CSRF defence) and {@code callbackURL} rule
 * through {@link BetterAuthApi#checkSignInForm}, then calls {@code signIn}, {@code signUp} or {@code signOut}, writes
 * the cookies and answers 303 to the {@code callbackURL} (or the application's root). An error shows the form again
 * with Better Auth's message. Everything written into the page is HTML-escaped.
 */
@WebServlet("/sign-in")
public class SignInPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BetterAuthApi auth;
    @Inject
    transient CurrentSession current;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        try {
            String callback = auth.checkSignInForm(request, blankToNull(request.getParameter("callbackURL")));
            String action = String.valueOf(request.getParameter("action"));
            ApiResult<?> result = switch (action) {
                case "sign-in" -> auth.signIn(request, request.getParameter("email"),
                        request.getParameter("password"), request.getParameter("rememberMe") != null);
                case "sign-up" -> auth.signUp(request, request.getParameter("name"), request.getParameter("email"),
                        request.getParameter("password"), Map.of());
                case "sign-out" -> auth.signOut(request);
                default -> throw new AuthException(ErrorCode.VALIDATION_ERROR, "Unknown action");
            };
            auth.writeCookies(result, response);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", callback != null ? callback : request.getContextPath() + "/");
        } catch (AuthException e) {
            response.setStatus(e.status());
            render(request, response, e.getMessage());
        } catch (StoreUnavailableException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            render(request, response, "Sign-in is unavailable right now; try again shortly.");
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        String callback = escape(request.getParameter("callbackURL"));
        String hidden = "<input type=\"hidden\" name=\"callbackURL\" value=\"" + callback + "\">";
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head><body>
                <h1>Sign in</h1>
                """);
        if (error != null) {
            html.append("<p role=\"alert\" class=\"error\">").append(escape(error)).append("</p>\n");
        }
        current.user().ifPresent(u -> html.append("<p>Signed in as ").append(escape(u.email())).append(
                "</p>\n<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"sign-out\">")
                .append(hidden).append("<button>Sign out</button></form>\n"));
        html.append("""
                <form method="post"><input type="hidden" name="action" value="sign-in">%s
                <label>Email <input type="email" name="email" required></label>
                <label>Password <input type="password" name="password" required></label>
                <label><input type="checkbox" name="rememberMe" checked> Remember me</label>
                <button>Sign in</button></form>
                <h2>New here?</h2>
                <form method="post"><input type="hidden" name="action" value="sign-up">%s
                <label>Name <input name="name" required></label>
                <label>Email <input type="email" name="email" required></label>
                <label>Password <input type="password" name="password" minlength="8" required></label>
                <button>Sign up</button></form>
                </body></html>
                """.formatted(hidden, hidden));
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html.toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** HTML-escapes text for an element or a double-quoted attribute; null is empty. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
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
}
