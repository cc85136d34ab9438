package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Test-only: the estimated bytes the in-memory rate-limit counters hold, so a container test can see them grow. */
@WebServlet("/test/rate-limit-bytes")
public class RateLimitProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BetterAuthRuntime runtime;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.getWriter().print(runtime.services().rateLimiter().memoryBytes());
    }
}
