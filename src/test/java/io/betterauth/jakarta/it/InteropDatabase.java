package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL database {@code ba_interop} that {@link NodeServerInteropIT}'s servers share: created afresh,
 * guarded by a run lock, and read directly (schema, session and account rows) to check what the servers wrote.
 */
final class InteropDatabase {

    static final String NAME = "ba_interop";
    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/" + NAME + "?user=postgres";
    static final String NODE_URL = "postgres://postgres@127.0.0.1:5432/" + NAME;

    /** Another run of the IT (another checkout, CI) uses the same database and Redis: one at a time. */
    static final long RUN_LOCK = 0x4241_4e4f_4445L;
    static final Duration RUN_LOCK_TIMEOUT = Duration.ofMinutes(6);

    private InteropDatabase() {
    }

    /**
     * A PostgreSQL session-level advisory lock held for the whole class: a concurrent run waits (at most
     * {@link #RUN_LOCK_TIMEOUT}) instead of dropping this run's database and flushing its Redis. PostgreSQL releases
     * it when the connection closes, also when this JVM dies.
     */
    static Connection acquireRunLock() throws SQLException, InterruptedException {
        Connection c = DriverManager.getConnection(ADMIN_URL);
        long deadline = System.nanoTime() + RUN_LOCK_TIMEOUT.toNanos();
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, RUN_LOCK);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return c;
                    }
                }
                if (System.nanoTime() > deadline) {
                    c.close();
                    throw new IllegalStateException("Another NodeServerInteropIT run held the lock on " + NAME
                            + " for " + RUN_LOCK_TIMEOUT.toMinutes() + " minutes");
                }
                Thread.sleep(1000);
            }
        } catch (SQLException | RuntimeException | InterruptedException e) {
            c.close();
            throw e;
        }
    }

    static void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + NAME + " with (force)");
            st.execute("create database " + NAME);
        }
    }

    /** Columns (name, type, nullability, default) and indexes of the public schema, sorted. */
    static List<String> schema() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(JDBC_URL); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select table_name, column_name, data_type, is_nullable, "
                    + "coalesce(column_default, '') from information_schema.columns where table_schema = 'public' "
                    + "order by 1, 2")) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " null="
                            + rs.getString(4) + " default=" + rs.getString(5));
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "select indexdef from pg_indexes where schemaname = 'public' order by indexname")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }

    /** Writes the user's {@code role} column, as an operator makes the first admin of Better Auth's admin plugin. */
    static void setRole(String userId, String role) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL);
             PreparedStatement ps = c.prepareStatement("update \"user\" set \"role\" = ? where \"id\" = ?")) {
            ps.setString(1, role);
            ps.setString(2, userId);
            assertThat(ps.executeUpdate()).as("user " + userId).isEqualTo(1);
        }
    }

    static int sessionRows(String userId) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL);
             PreparedStatement ps = c.prepareStatement("select count(*) from \"session\" where \"userId\" = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The user's accounts, described: provider, whether accountId is the user id, the password's shape. */
    static List<String> credentialRows(String userId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(JDBC_URL);
             PreparedStatement ps = c.prepareStatement("select \"providerId\", \"accountId\" = \"userId\", "
                     + "\"password\" ~ '^[0-9a-f]{32}:[0-9a-f]{128}$' from \"account\" where \"userId\" = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + (rs.getBoolean(2) ? "accountId=userId" : "accountId?")
                            + "|" + (rs.getBoolean(3) ? "scrypt" : "other"));
                }
            }
        }
        return rows;
    }
}
