package io.betterauth.jakarta.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Against the real PostgreSQL on 127.0.0.1:5432 (database {@code test}), in a schema of its own. */
class PostgresJpaStoreTest extends JpaStoreContract {

    static final String URL = System.getProperty("test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String schema = "ba_store_" + System.nanoTime();

    @Override
    protected String createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, user(), ""); Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
        }
        return URL + "?currentSchema=" + schema;
    }

    @Override
    protected void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, user(), ""); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Override
    protected String user() {
        return System.getProperty("test.postgres.user", "postgres");
    }
}
