package io.betterauth.jakarta.it.existing;

import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.api.GetSessionOptions;
import io.betterauth.jakarta.api.SessionAndUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The existing application's notes of the signed-in caller, stored in its own unit. */
@Path("notes")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class NotesResource {

    @Inject
    NoteService notes;
    @Inject
    BetterAuthApi auth;
    @Context
    HttpServletRequest request;

    private String owner() {
        return request.getUserPrincipal().getName();
    }

    @GET
    public String list() {
        String owner = owner();
        List<String> texts = notes.inTransaction(em -> em.createQuery(
                "select n.text from Note n where n.owner = :owner order by n.text", String.class)
                .setParameter("owner", owner).getResultList());
        return texts.stream().collect(Collectors.joining("\n"));
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public String add(String text) {
        String owner = owner();
        notes.inTransaction(em -> {
            em.persist(new Note(UUID.randomUUID().toString(), owner, text));
            return null;
        });
        return "stored";
    }

    /** One application transaction: its own write, then the library's read and write. */
    @POST
    @Path("with-library")
    @Consumes(MediaType.TEXT_PLAIN)
    public String addWithLibrary(String text) {
        String owner = owner();
        return notes.inTransaction(em -> {
            em.persist(new Note(UUID.randomUUID().toString(), owner, text));
            em.flush();
            SessionAndUser current = auth.getSession(request, GetSessionOptions.DEFAULT).value().orElseThrow();
            boolean revoked = auth.revokeOtherSessions(request).value();
            return current.user().email() + " revokedOthers=" + revoked;
        });
    }

    /** One application transaction that rolls back after the library wrote. */
    @POST
    @Path("then-fail")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response addThenFail(String text) {
        String owner = owner();
        try {
            notes.inTransaction(em -> {
                em.persist(new Note(UUID.randomUUID().toString(), owner, text));
                em.flush();
                auth.revokeOtherSessions(request);
                throw new IllegalStateException("the application rolls back");
            });
        } catch (IllegalStateException e) {
            return Response.status(409).entity("rolled back").build();
        }
        return Response.ok("committed").build();
    }
}
