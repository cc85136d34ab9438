package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.core.plugin.admin.AdminPlugin;
import io.betterauth.jakarta.runtime.BetterAuthRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * Better Auth's admin plugin's endpoints under {@code /api/auth/admin} ({@code core.plugin.admin} answers). Without
 * the plugin (or in verifier mode) every one is 404, as an unknown path; as {@link AuthResource}, one instance
 * serves every request and the request comes in as {@code @Context} method parameters.
 */
@Path("admin")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AdminResource {

    @Inject
    BetterAuthRuntime runtime;

    @POST
    @Path("list-user-sessions")
    public Response listUserSessions(@Context HttpServletRequest request, InputStream body) {
        AdminPlugin plugin = admin();
        return calls().post("/admin/list-user-sessions", request, body,
                (e, parsed, caller) -> plugin.sessions().listUserSessions(parsed, caller));
    }

    @POST
    @Path("revoke-user-session")
    public Response revokeUserSession(@Context HttpServletRequest request, InputStream body) {
        AdminPlugin plugin = admin();
        return calls().post("/admin/revoke-user-session", request, body,
                (e, parsed, caller) -> plugin.sessions().revokeUserSession(parsed, caller));
    }

    @POST
    @Path("revoke-user-sessions")
    public Response revokeUserSessions(@Context HttpServletRequest request, InputStream body) {
        AdminPlugin plugin = admin();
        return calls().post("/admin/revoke-user-sessions", request, body,
                (e, parsed, caller) -> plugin.sessions().revokeUserSessions(parsed, caller));
    }

    @POST
    @Path("ban-user")
    public Response banUser(@Context HttpServletRequest request, InputStream body) {
        AdminPlugin plugin = admin();
        return calls().post("/admin/ban-user", request, body, (e, parsed, caller) -> plugin.users().banUser(parsed, caller));
    }

    @POST
    @Path("unban-user")
    public Response unbanUser(@Context HttpServletRequest request, InputStream body) {
        AdminPlugin plugin = admin();
        return calls().post("/admin/unban-user", request, body,
                (e, parsed, caller) -> plugin.users().unbanUser(parsed, caller));
    }

    @POST
    @Path("set-role")
    public Response setRole(@Context HttpServletRequest request, InputStream body) {
        AdminPlugin plugin = admin();
        return calls().post("/admin/set-role", request, body, (e, parsed, caller) -> plugin.users().setRole(parsed, caller));
    }

    @POST
    @Path("remove-user")
    public Response removeUser(@Context HttpServletRequest request, InputStream body) {
        AdminPlugin plugin = admin();
        return calls().post("/admin/remove-user", request, body,
                (e, parsed, caller) -> plugin.users().removeUser(parsed, caller));
    }

    @GET
    @Path("get-user")
    public Response getUser(@Context HttpServletRequest request, @Context UriInfo uri) {
        AdminPlugin plugin = admin();
        EndpointCalls calls = calls();
        calls.mounted();
        return calls.respond("/admin/get-user", request,
                plugin.users().getUser(uri.getQueryParameters().get("id"), calls.caller(request)));
    }

    @POST
    @Path("impersonate-user")
    public Response impersonateUser(@Context HttpServletRequest request, InputStream body) {
        AdminPlugin plugin = admin();
        return calls().post("/admin/impersonate-user", request, body,
                (e, parsed, caller) -> plugin.impersonation().impersonateUser(parsed, caller));
    }

    @POST
    @Path("stop-impersonating")
    public Response stopImpersonating(@Context HttpServletRequest request,
                                           InputStream body) {
        AdminPlugin plugin = admin();
        return calls().post("/admin/stop-impersonating", request, body,
                (e, parsed, caller) -> plugin.impersonation().stopImpersonating(parsed, caller));
    }

    /** The admin plugin's endpoints; without the plugin they do not exist (404, as an unknown path). */
    private AdminPlugin admin() {
        BetterAuthRuntime.Services services = runtime.services();
        if (services.verifierMode()) {
            throw new NotFoundException();
        }
        return services.plugins().admin().orElseThrow(NotFoundException::new);
    }

    private EndpointCalls calls() {
        return new EndpointCalls(runtime);
    }
}
