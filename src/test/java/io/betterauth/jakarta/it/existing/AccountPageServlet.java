package io.betterauth.jakarta.it.existing;

import io.betterauth.jakarta.api.CurrentSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A server-rendered page of the existing application (no JSF), behind its web.xml constraint on /app-page/*. */
@WebServlet("/app-page/account")
public class AccountPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentSession currentSession;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = currentSession.user().map(u -> u.email()).orElse("");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><title>Account</title><p>Signed in as "
                + email.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>");
    }
}
