package io.betterauth.jakarta.store.jpa.schema;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.ModelNames;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * get-session's read as one prepared statement: the session row joined with its user's, on a connection of the
 * persistence unit's data source in autocommit. The entities' path costs an entity manager, a transaction's
 * {@code BEGIN} and {@code COMMIT} and two queries (three round trips, and most of the lookup's time in the JFR
 * profile of bench/run's db group); this one round trip reads the same rows, mapped as the entities map them
 * (instants through {@link Timestamp} as the entities' {@code InstantConverter} does, the additional columns as
 * {@link AdditionalColumns} reads them). A session whose user row is gone is no session, as before.
 */
public final class SessionWithUserQuery {

    private final DataSource dataSource;
    private final String sql;
    private final AdditionalColumns sessionColumns;
    private final AdditionalColumns userColumns;
    /** The first column of the user's core fields, of the session's additional ones, of the user's. */
    private final int userAt;
    private final int sessionExtraAt;
    private final int userExtraAt;

    /**
     * @param names          the configured table and column names
     * @param quote          the database's identifier quote ({@code "}, or {@code `} on MariaDB/MySQL)
     * @param sessionColumns the session's additional columns, as the session store reads them
     * @param userColumns    the user's additional columns, the very ones the user store reads
     */
    public SessionWithUserQuery(DataSource dataSource, ModelNames names, char quote, AdditionalColumns sessionColumns,
                                AdditionalColumns userColumns) {
        this.dataSource = dataSource;
        this.sessionColumns = sessionColumns;
        this.userColumns = userColumns;
        ModelNames.Model session = names.session();
        ModelNames.Model user = names.user();
        String q = String.valueOf(quote);
        StringBuilder select = new StringBuilder("select ");
        String[] sessionFields = {"id", "token", "userId", "expiresAt", "createdAt", "updatedAt", "ipAddress",
                "userAgent"};
        String[] userFields = {"id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt"};
        for (int i = 0; i < sessionFields.length; i++) {
            select.append(i == 0 ? "" : ", ").append("s.").append(q).append(session.column(sessionFields[i])).append(q);
        }
        for (String f : userFields) {
            select.append(", u.").append(q).append(user.column(f)).append(q);
        }
        this.userAt = sessionFields.length + 1;
        this.sessionExtraAt = userAt + userFields.length;
        this.userExtraAt = sessionExtraAt + sessionColumns.count();
        select.append(sessionColumns.selectList("s")).append(userColumns.selectList("u"))
                .append(" from ").append(q).append(session.modelName()).append(q).append(" s")
                .append(" join ").append(q).append(user.modelName()).append(q).append(" u on u.").append(q)
                .append(user.column("id")).append(q).append(" = s.").append(q).append(session.column("userId"))
                .append(q)
                .append(" where s.").append(q).append(session.column("token")).append(q).append(" = ?");
        this.sql = select.toString();
    }

    /**
     * The session with this token and its user, as stored (an expired session too: the caller decides).
     *
     * @throws StoreUnavailableException when the database fails (503, nobody signed out)
     */
    public Optional<SessionAndUser> find(String token) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                // A pool may hand back what a transaction left; one statement needs none of its own.
                c.setAutoCommit(true);
            }
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, token);
                try (ResultSet row = st.executeQuery()) {
                    return row.next() ? Optional.of(new SessionAndUser(session(row), user(row))) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("The store failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private Session session(ResultSet row) throws SQLException {
        Session s = new Session(row.getString(1), row.getString(2), row.getString(3), instant(row, 4),
                instant(row, 5), instant(row, 6), row.getString(7), row.getString(8));
        return sessionColumns.isEmpty() ? s : s.withAdditional(sessionColumns.read(row, sessionExtraAt), s.updatedAt());
    }

    private User user(ResultSet row) throws SQLException {
        int i = userAt;
        User u = new User(row.getString(i), row.getString(i + 1), row.getString(i + 2), row.getBoolean(i + 3),
                row.getString(i + 4), instant(row, i + 5), instant(row, i + 6));
        return userColumns.isEmpty() ? u : u.withAdditional(userColumns.read(row, userExtraAt));
    }

    /** As the entities' {@code InstantConverter} reads it: a JDBC timestamp (in the JVM's zone where the column has none). */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp t = row.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /**
     * Whether this statement reads users as a user store on these additional columns does: the one it was built
     * with (the wiring builds the statement and the user store on one {@link AdditionalColumns}).
     */
    public boolean readsUsersWith(AdditionalColumns columns) {
        return columns == userColumns;
    }
}
