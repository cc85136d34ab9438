package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.api.CurrentSession;
import io.betterauth.jakarta.api.SignIn;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A server-rendered app's own handlers: {@code POST /login-flow/logout} calls {@code request.logout()};
 * {@code POST /login-flow/create-session?userId=} signs in a user the app authenticated by its own means
 * ({@code BetterAuthApi.createSession}) and answers the user's id, or the error's status and code.
 */
@WebServlet("/login-flow/*")
public class LoginFlowServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    BetterAuthApi auth;
    @Inject
    CurrentSession current;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setContentType("text/plain");
        if ("/logout".equals(request.getPathInfo())) {
            String before = request.getRemoteUser();
            request.logout();
            response.getWriter().write("logged out " + before + ", now " + request.getRemoteUser() + ", signed in "
                    + current.isSignedIn());
        } else if ("/create-session".equals(request.getPathInfo())) {
            try {
                SignIn signIn = auth.createSession(request, response, request.getParameter("userId"));
                response.getWriter().write("created " + signIn.user().id());
            } catch (AuthException e) {
                response.setStatus(e.status());
                response.getWriter().write(String.valueOf(e.code()));
            }
        } else {
            response.sendError(404);
        }
    }
}
