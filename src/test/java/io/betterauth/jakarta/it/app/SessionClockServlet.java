package io.betterauth.jakarta.it.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Properties;
import java.util.ServiceLoader;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Test-only time travel: moves a session's {@code expiresAt} (and {@code createdAt}) back by {@code seconds}, as if
 * that much time had passed since it was last refreshed, so container tests can cross updateAge and expiry
 * without sleeping. Plain JDBC on the library's database: the container's default data source, or the
 * {@code better-auth.database.url} the WAR configures (Tomcat).
 */
@WebServlet("/test/age-session")
public class SessionClockServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private Connection connect() throws SQLException {
        String url = getServletContext().getInitParameter("better-auth.database.url");
        if (url == null) {
            try {
                return InitialContext.<DataSource>doLookup("java:comp/DefaultDataSource").getConnection();
            } catch (NamingException e) {
                throw new SQLException(e);
            }
        }
        for (Driver driver : ServiceLoader.load(Driver.class, Thread.currentThread().getContextClassLoader())) {
            if (driver.acceptsURL(url)) {
                return driver.connect(url, new Properties());
            }
        }
        throw new SQLException("No JDBC driver for " + url);
    }

    /**
     * {@code ?corrupt=null-expiry}: schema drift, as another application sharing the table might cause — the
     * column is made nullable and this session's {@code expiresAt} set to NULL.
     */
    private int nullExpiry(String token) throws IOException {
        try (Connection c = connect()) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("alter table \"session\" alter column \"expiresAt\" drop not null");
            }
            int rows;
            try (PreparedStatement st = c.prepareStatement("update \"session\" set \"expiresAt\" = null where \"token\" = ?")) {
                st.setString(1, token);
                rows = st.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return rows;
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** {@code ?userId=}: how many session rows the user has, and how many of them are live. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instant now = Instant.now();
        int rows = 0;
        int live = 0;
        try (Connection c = connect();
             PreparedStatement st = c.prepareStatement("select \"expiresAt\" from \"session\" where \"userId\" = ?")) {
            st.setString(1, request.getParameter("userId"));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    if (rs.getTimestamp(1) != null && rs.getTimestamp(1).toInstant().isAfter(now)) {
                        live++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"rows\":" + rows + ",\"live\":" + live + "}");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        if ("null-expiry".equals(request.getParameter("corrupt"))) {
            response.getWriter().write(String.valueOf(nullExpiry(token)));
            return;
        }
        long seconds = Long.parseLong(request.getParameter("seconds"));
        try (Connection c = connect()) {
            Instant expiresAt;
            Instant createdAt;
            try (PreparedStatement st = c.prepareStatement(
                    "select \"expiresAt\", \"createdAt\" from \"session\" where \"token\" = ?")) {
                st.setString(1, token);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        response.getWriter().write("0");
                        return;
                    }
                    expiresAt = rs.getTimestamp(1).toInstant().minusSeconds(seconds);
                    createdAt = rs.getTimestamp(2).toInstant().minusSeconds(seconds);
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "update \"session\" set \"expiresAt\" = ?, \"createdAt\" = ?, \"updatedAt\" = ? where \"token\" = ?")) {
                st.setTimestamp(1, Timestamp.from(expiresAt));
                st.setTimestamp(2, Timestamp.from(createdAt));
                st.setTimestamp(3, Timestamp.from(createdAt));
                st.setString(4, token);
                response.getWriter().write(String.valueOf(st.executeUpdate()));
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
