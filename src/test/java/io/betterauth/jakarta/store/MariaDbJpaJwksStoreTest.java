package io.betterauth.jakarta.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Against the real MariaDB on 127.0.0.1:3306 (user root), in databases of its own. */
class MariaDbJpaJwksStoreTest extends JpaJwksStoreContract {

    private final List<String> databases = new ArrayList<>();

    @Override
    protected String createDatabase() throws SQLException {
        String database = "ba_jwks_" + System.nanoTime();
        exec("create database " + database + " character set utf8mb4");
        databases.add(database);
        return MariaDbJpaStoreTest.SERVER + database;
    }

    @Override
    protected void dropDatabase() throws SQLException {
        for (String database : databases) {
            exec("drop database if exists " + database);
        }
        databases.clear();
    }

    @Override
    protected void dropSecond(String url) {
        // dropped with the test's own database
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(MariaDbJpaStoreTest.SERVER + "test", user(), "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    protected String user() {
        return "root";
    }
}
