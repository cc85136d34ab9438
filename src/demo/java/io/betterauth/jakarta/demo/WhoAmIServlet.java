package io.betterauth.jakarta.demo;

import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.api.CurrentSession;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's "who am I" servlet: what the container knows about the caller through {@code @Inject SecurityContext}
 * (set by the library's authentication mechanism), next to the session the library exposes. Not annotated, so it
 * is mapped only where an application's {@code web.xml} maps it (the demo does, at {@code /whoami}).
 */
public class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext securityContext;
    @Inject
    transient CurrentSession currentSession;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal caller = securityContext.getCallerPrincipal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caller", caller == null ? null : caller.getName());
        body.put("userPrincipal", request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
        body.put("isCallerInRoleUser", securityContext.isCallerInRole("user"));
        body.put("email", currentSession.user().map(u -> u.email()).orElse(null));
        body.put("sessionExpiresAt", currentSession.session().map(s -> (Object) s.expiresAt()).orElse(null));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsJson.stringify(body));
    }
}
