package io.betterauth.jakarta.store.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Creates Better Auth's tables when they are missing, from the DDL shipped in the JAR under
 * {@code META-INF/better-auth/schema/<database>.sql} (PostgreSQL, MariaDB/MySQL, H2). The DDL is what Better
 * Auth's own migration creates, so either side can create the database and the other uses it unchanged. Tables
 * that exist are never altered.
 */
public final class SchemaInstaller {

    private static final Logger LOG = System.getLogger(SchemaInstaller.class.getName());

    private SchemaInstaller() {
    }

    /** Runs the DDL for this database unless a {@code session} table already exists. Returns whether it ran. */
    public static boolean installIfMissing(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return installIfMissing(c);
        }
    }

    public static boolean installIfMissing(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        if (tableExists(c, meta, "session")) {
            return false;
        }
        String dialect = dialect(meta.getDatabaseProductName());
        String ddl = read("META-INF/better-auth/schema/" + dialect + ".sql");
        boolean autoCommit = c.getAutoCommit();
        try (Statement st = c.createStatement()) {
            String withoutComments = ddl.replaceAll("(?m)^--.*$", "");
            for (String statement : withoutComments.split(";\\s*(\\n|$)")) {
                String sql = statement.strip();
                if (!sql.isEmpty()) {
                    st.execute(sql);
                }
            }
        } finally {
            if (!autoCommit && !c.isClosed()) {
                c.commit();
            }
        }
        LOG.log(Level.INFO, "Created Better Auth tables (user, session, account, verification) for " + dialect);
        return true;
    }

    static String dialect(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return "postgresql";
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return "mysql";
        }
        if (p.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("No Better Auth DDL for " + productName
                + "; create the tables with Better Auth's migration and set better-auth.database.auto-migrate=false");
    }

    private static boolean tableExists(Connection c, DatabaseMetaData meta, String table) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
