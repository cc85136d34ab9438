package io.betterauth.jakarta.it.existing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The existing application's own users (its {@code user} table), stored and read through its unit, and what its
 * database holds in that table and in the library's {@code ba_user} table (native SQL, as the app sees it).
 */
@Path("users")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class AppUsersResource {

    @Inject
    NoteService unit;

    @GET
    public String list() {
        List<AppUser> users = unit.inTransaction(em -> em.createQuery(
                "select u from AppUser u order by u.login", AppUser.class).getResultList());
        return users.stream().map(u -> u.getLogin() + "=" + u.getDisplayName()).collect(Collectors.joining("\n"));
    }

    /** Adds a user; the body is {@code login=display name}. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public String add(String loginAndName) {
        String[] parts = loginAndName.split("=", 2);
        unit.inTransaction(em -> {
            long next = em.createQuery("select coalesce(max(u.id), 0) from AppUser u", Long.class)
                    .getSingleResult() + 1;
            em.persist(new AppUser(next, parts[0], parts[1]));
            return null;
        });
        return "stored";
    }

    /** The rows of the app's {@code "user"} table and of the library's {@code "ba_user"} table. */
    @GET
    @Path("tables")
    public String tables() {
        String users = "select login from \"user\" order by login";
        String libraryUsers = "select \"email\" from \"ba_user\" where \"email_verified\" = false order by \"email\"";
        return unit.inTransaction(em -> "user: " + column(em.createNativeQuery(users).getResultList())
                + "\nba_user: " + column(em.createNativeQuery(libraryUsers).getResultList()));
    }

    private static String column(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
