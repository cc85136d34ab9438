package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.event.RevokeUserSessions;
import io.betterauth.jakarta.api.event.SessionInfo;
import io.betterauth.jakarta.api.BetterAuthApi;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * An app's administration page over the library's Java API, guarded by the container (role {@code admin}, which
 * {@link AdminGroups} grants): {@code GET ?userId=} lists that user's session ids, {@code POST ?userId=} revokes them
 * all ({@code &sessionId=} one; {@code &via=event} through the {@link RevokeUserSessions} CDI event).
 */
@WebServlet("/admin/user-sessions")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class AdminSessionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    BetterAuthApi auth;
    @Inject
    Event<RevokeUserSessions> revocations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(auth.listUserSessions(request.getParameter("userId")).stream()
                .map(SessionInfo::id).collect(Collectors.joining(",")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String userId = request.getParameter("userId");
        String sessionId = request.getParameter("sessionId");
        String answer;
        if (sessionId != null) {
            answer = String.valueOf(auth.revokeUserSession(userId, sessionId, "admin-revoke-user-session"));
        } else if ("event".equals(request.getParameter("via"))) {
            revocations.fire(new RevokeUserSessions(userId, "user-disabled"));
            answer = "fired";
        } else {
            answer = String.valueOf(auth.revokeUserSessions(userId, "admin-revoke-user-sessions"));
        }
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }
}
