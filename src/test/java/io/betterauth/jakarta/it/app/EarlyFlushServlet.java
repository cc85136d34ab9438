package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.CurrentSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A servlet that commits its response at once (headers and a first chunk flushed) and only then asks who the
 * caller is, as streaming pages do: the library must have written any refreshed cookie before (T-10).
 */
@WebServlet("/test/early-flush")
public class EarlyFlushServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentSession current;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        PrintWriter out = response.getWriter();
        out.write("streaming\n");
        response.flushBuffer();
        out.write("committed=" + response.isCommitted() + "\n");
        out.write("user=" + current.user().map(u -> u.email()).orElse("none") + "\n");
        out.write("principal=" + (request.getUserPrincipal() == null ? "none" : request.getUserPrincipal().getName()));
    }
}
