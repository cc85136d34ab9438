package io.betterauth.jakarta.web;

import io.betterauth.jakarta.api.CurrentSession;
import io.betterauth.jakarta.api.SessionAndUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The {@link CurrentSession} bean: the session this request resolved (none on the library's own endpoints). */
@RequestScoped
class RequestCurrentSession implements CurrentSession {

    @Inject
    HttpServletRequest request;
    @Inject
    SessionResolver resolver;

    @Override
    public Optional<SessionAndUser> get() {
        return resolver.isAuthEndpoint(request) ? Optional.empty() : resolver.resolveWithoutRefresh(request).current();
    }
}
