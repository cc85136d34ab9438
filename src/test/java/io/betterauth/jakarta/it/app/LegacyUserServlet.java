package io.betterauth.jakarta.it.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Test-only: inserts a user as a migration from another system would, {@code account.password} holding a bcrypt hash
 * ({@code POST /legacy-user?email=…&password=…}), into the library's database (the default data source, or on Tomcat
 * the library's own {@code better-auth.database.url}).
 */
@WebServlet("/legacy-user")
public class LegacyUserServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String email = req.getParameter("email");
        String bcrypt = OpenBSDBCrypt.generate(req.getParameter("password").toCharArray(),
                "legacy-salt-0123".getBytes(StandardCharsets.US_ASCII), 6);
        String id = "legacy-" + Long.toHexString(System.nanoTime());
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = connection()) {
            try (PreparedStatement user = c.prepareStatement("insert into \"user\" (\"id\", \"name\", \"email\", "
                    + "\"emailVerified\", \"createdAt\", \"updatedAt\") values (?, ?, ?, false, ?, ?)")) {
                user.setString(1, id);
                user.setString(2, "Legacy");
                user.setString(3, email);
                user.setTimestamp(4, now);
                user.setTimestamp(5, now);
                user.executeUpdate();
            }
            try (PreparedStatement account = c.prepareStatement("insert into \"account\" (\"id\", \"accountId\", "
                    + "\"providerId\", \"userId\", \"password\", \"createdAt\", \"updatedAt\") "
                    + "values (?, ?, 'credential', ?, ?, ?, ?)")) {
                account.setString(1, id + "-a");
                account.setString(2, id);
                account.setString(3, id);
                account.setString(4, bcrypt);
                account.setTimestamp(5, now);
                account.setTimestamp(6, now);
                account.executeUpdate();
            }
        } catch (SQLException | NamingException e) {
            throw new IOException(e);
        }
        resp.setContentType("text/plain");
        resp.getWriter().print(id + " " + bcrypt.substring(0, 4));
    }

    private Connection connection() throws SQLException, NamingException {
        String url = getServletContext().getInitParameter("better-auth.database.url");
        if (url != null) {
            return DriverManager.getConnection(url);
        }
        return ((DataSource) new InitialContext().lookup("java:comp/DefaultDataSource")).getConnection();
    }
}
