package io.betterauth.jakarta.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Against the real PostgreSQL on 127.0.0.1:5432 (database {@code test}), in schemas of its own. */
class PostgresJpaJwksStoreTest extends JpaJwksStoreContract {

    private final List<String> schemas = new ArrayList<>();

    @Override
    protected String createDatabase() throws SQLException {
        String schema = "ba_jwks_" + System.nanoTime();
        exec("create schema " + schema);
        schemas.add(schema);
        return PostgresJpaStoreTest.URL + "?currentSchema=" + schema;
    }

    @Override
    protected void dropDatabase() throws SQLException {
        for (String schema : schemas) {
            exec("drop schema if exists " + schema + " cascade");
        }
        schemas.clear();
    }

    @Override
    protected void dropSecond(String url) {
        // dropped with the test's own schema
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresJpaStoreTest.URL, user(), "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    protected String user() {
        return System.getProperty("test.postgres.user", "postgres");
    }
}
