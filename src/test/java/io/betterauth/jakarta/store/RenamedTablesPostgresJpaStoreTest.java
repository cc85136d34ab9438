package io.betterauth.jakarta.store;

import io.betterauth.jakarta.config.ModelNames;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The JPA store contract on PostgreSQL with every table and many columns renamed (issues 17 and 20), in a schema of
 * its own (PostgresJpaStoreTest's outage checks use Better Auth's names, so this one does not extend it).
 */
class RenamedTablesPostgresJpaStoreTest extends JpaStoreContract {

    private final String schema = "ba_renamed_" + System.nanoTime();

    @Override
    protected ModelNames names() {
        return RenamedTables.NAMES;
    }

    @Override
    protected String createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresJpaStoreTest.URL, user(), "");
             Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
        }
        return PostgresJpaStoreTest.URL + "?currentSchema=" + schema;
    }

    @Override
    protected void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresJpaStoreTest.URL, user(), "");
             Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Override
    protected String user() {
        return System.getProperty("test.postgres.user", "postgres");
    }
}
