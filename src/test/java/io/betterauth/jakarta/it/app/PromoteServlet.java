package io.betterauth.jakarta.it.app;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A test fixture of the admin plugin's scenarios (only in those WARs): {@code POST /test/promote} with
 * {@code userId} and {@code role} writes that role to the user's {@code role} column of the container's default
 * data source, as an operator would ({@code UPDATE "user" SET role = 'admin'}) — Better Auth's own way to make the
 * first admin. 204, or 404 when no user has the id.
 */
@WebServlet("/test/promote")
public class PromoteServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("update \"user\" set \"role\" = ? where \"id\" = ?")) {
            update.setString(1, request.getParameter("role"));
            update.setString(2, request.getParameter("userId"));
            response.setStatus(update.executeUpdate() == 1 ? 204 : 404);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
