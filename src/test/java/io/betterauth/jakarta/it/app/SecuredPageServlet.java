package io.betterauth.jakarta.it.app;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A page protected by {@code @ServletSecurity} rather than {@code web.xml}: {@code GET /secured-page}. */
@WebServlet("/secured-page")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class SecuredPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("secured page for " + request.getRemoteUser());
    }
}
