package io.betterauth.jakarta.it.existing;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The existing application's sign-in page ({@code better-auth.login-page}); a placeholder here. */
@WebServlet("/sign-in-page")
public class SignInPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><title>Sign in</title><p>Sign in</p>");
    }
}
