package io.betterauth.jakarta.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Against the real MariaDB on 127.0.0.1:3306 (user root), in a database of its own. */
class MariaDbJpaStoreTest extends JpaStoreContract {

    static final String SERVER = System.getProperty("test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
    private final String database = "ba_store_" + System.nanoTime();

    @Override
    protected String createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "test", user(), ""); Statement st = c.createStatement()) {
            st.execute("create database " + database + " character set utf8mb4");
        }
        return SERVER + database;
    }

    @Override
    protected void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "test", user(), ""); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database);
        }
    }

    @Override
    protected String user() {
        return "root";
    }
}
