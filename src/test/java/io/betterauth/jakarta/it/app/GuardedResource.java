package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.ApiResult;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.api.CurrentSession;
import io.betterauth.jakarta.api.RequireSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** An app resource guarded by the library's annotations, and one that uses the server-side Java API. */
@Path("guarded")
@RequestScoped
public class GuardedResource {

    @Inject
    CurrentSession current;
    @Inject
    BetterAuthApi auth;
    @Context
    HttpServletRequest request;

    @GET
    @RequireSession
    @Produces(MediaType.TEXT_PLAIN)
    public String signedIn() {
        return "hello " + current.user().orElseThrow().email();
    }

    @GET
    @Path("fresh")
    @RequireSession(fresh = true)
    @Produces(MediaType.TEXT_PLAIN)
    public String fresh() {
        return "fresh " + current.user().orElseThrow().email();
    }

    @GET
    @Path("devices")
    @Produces(MediaType.TEXT_PLAIN)
    public String devices() {
        ApiResult<List<Session>> sessions = auth.listSessions(request, GetSessionOptions.DEFAULT);
        return String.valueOf(sessions.value().size());
    }
}
