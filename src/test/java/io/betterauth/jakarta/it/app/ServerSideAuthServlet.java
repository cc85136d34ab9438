package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.api.SignIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An app's own sign-in form handler over the server-side Java API: {@code POST /server-auth/sign-in?email=&password=}
 * signs in (no origin check applies: the app is the caller) and {@code POST /server-auth/sign-out} signs the
 * request's session out; each writes the result's cookies on its own response.
 */
@WebServlet("/server-auth/*")
public class ServerSideAuthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    BetterAuthApi auth;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        try {
            if ("/sign-in".equals(request.getPathInfo())) {
                ApiResult<SignIn> signedIn = auth.signIn(request, request.getParameter("email"),
                        request.getParameter("password"), true);
                auth.writeCookies(signedIn, response);
                response.getWriter().write("signed in " + signedIn.value().user().email());
            } else if ("/sign-out".equals(request.getPathInfo())) {
                auth.writeCookies(auth.signOut(request), response);
                response.getWriter().write("signed out");
            } else {
                response.sendError(404);
            }
        } catch (AuthException e) {
            response.setStatus(e.status());
            response.getWriter().write(String.valueOf(e.code()));
        }
    }
}
