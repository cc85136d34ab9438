package io.betterauth.jakarta.it.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * A test fixture of the admin plugin's scenarios (only in those WARs): {@code POST /test/promote} with
 * {@code userId} and {@code role} writes that role to the user's {@code role} column, as an operator would
 * ({@code UPDATE "user" SET role = 'admin'}) — Better Auth's own way to make the first admin. The database is the
 * container's default data source, or on Tomcat (which has none) the in-memory database the WAR's
 * {@code better-auth.database.url} names. 204, or 404 when no user has the id.
 */
@WebServlet("/test/promote")
public class PromoteServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (Connection c = connection();
             PreparedStatement update = c.prepareStatement("update \"user\" set \"role\" = ? where \"id\" = ?")) {
            update.setString(1, request.getParameter("role"));
            update.setString(2, request.getParameter("userId"));
            response.setStatus(update.executeUpdate() == 1 ? 204 : 404);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    private Connection connection() throws SQLException {
        String url = getServletContext().getInitParameter("better-auth.database.url");
        if (url != null) {
            try {
                Class.forName("org.h2.Driver"); // the WAR's own driver, for DriverManager
            } catch (ClassNotFoundException e) {
                throw new SQLException(e);
            }
            return DriverManager.getConnection(url);
        }
        try {
            return ((DataSource) new InitialContext().lookup("java:comp/DefaultDataSource")).getConnection();
        } catch (NamingException e) {
            throw new SQLException(e);
        }
    }
}
