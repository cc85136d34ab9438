package io.betterauth.jakarta.it.app;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Test-only time travel: moves a session's {@code expiresAt} (and {@code createdAt}) back by {@code seconds}, as if
 * that much time had passed since it was last refreshed, so container tests can cross updateAge and expiry
 * without sleeping.
 */
@WebServlet("/test/age-session")
public class SessionClockServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @PersistenceContext(unitName = "better-auth")
    transient EntityManager em;
    @Resource
    transient UserTransaction tx;

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    /** {@code ?userId=}: how many session rows the user has, and how many of them are live. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String userId = request.getParameter("userId");
        java.util.List<?> rows = em.createNativeQuery("select \"expiresAt\" from \"session\" where \"userId\" = ?")
                .setParameter(1, userId).getResultList();
        Instant now = Instant.now();
        long live = rows.stream().map(SessionClockServlet::instant).filter(i -> i.isAfter(now)).count();
        response.setContentType("application/json");
        response.getWriter().write("{\"rows\":" + rows.size() + ",\"live\":" + live + "}");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        long seconds = Long.parseLong(request.getParameter("seconds"));
        try {
            tx.begin();
            Object[] row = (Object[]) em.createNativeQuery(
                    "select \"expiresAt\", \"createdAt\" from \"session\" where \"token\" = ?")
                    .setParameter(1, token).getSingleResult();
            Instant expiresAt = instant(row[0]).minusSeconds(seconds);
            Instant createdAt = instant(row[1]).minusSeconds(seconds);
            int updated = em.createNativeQuery(
                    "update \"session\" set \"expiresAt\" = ?, \"createdAt\" = ?, \"updatedAt\" = ? where \"token\" = ?")
                    .setParameter(1, Timestamp.from(expiresAt)).setParameter(2, Timestamp.from(createdAt))
                    .setParameter(3, Timestamp.from(createdAt)).setParameter(4, token).executeUpdate();
            tx.commit();
            response.getWriter().write(String.valueOf(updated));
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
