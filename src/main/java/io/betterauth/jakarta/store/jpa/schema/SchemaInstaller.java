package io.betterauth.jakarta.store.jpa.schema;

import io.betterauth.jakarta.config.ModelNames;
import io.betterauth.jakarta.core.session.ColumnLimits;
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
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Creates Better Auth's tables when they are missing, from the DDL shipped in the JAR under
 * {@code META-INF/better-auth/schema/<database>.sql} (PostgreSQL, MariaDB/MySQL, H2). The DDL is what Better
 * Auth's own migration creates, so either side can create the database and the other uses it unchanged. Tables
 * that exist only get the columns of declared additional fields they lack (the plugins' and the app's).
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

    /** {@link #installIfMissing(Connection, ModelNames)} with Better Auth's default names. */
    public static boolean installIfMissing(Connection c) throws SQLException {
        return installIfMissing(c, ModelNames.defaults());
    }

    /**
     * Runs the DDL for this database, with these table and column names, unless the session table already exists.
     * Returns whether it ran.
     */
    public static boolean installIfMissing(Connection c, ModelNames names) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        if (tableExists(c, meta, names.session().modelName())) {
            return false;
        }
        String dialect = dialect(meta.getDatabaseProductName());
        run(c, read("META-INF/better-auth/schema/" + dialect + ".sql"), names);
        LOG.log(Level.INFO, "Created Better Auth tables (" + names.user().modelName() + ", " + names.session().modelName()
                + ", " + names.account().modelName() + ", " + names.verification().modelName() + ") for " + dialect);
        return true;
    }

    /**
     * {@link #installIfMissing(Connection, ModelNames)}, then, when the {@code jwt} plugin is on, Better Auth's
     * {@code jwks} table if it is missing (also on a database whose core tables exist: the plugin switched on later).
     * Returns whether the core tables were created.
     */
    public static boolean installIfMissing(Connection c, ModelNames names, boolean jwtPlugin) throws SQLException {
        boolean created = installIfMissing(c, names);
        if (jwtPlugin) {
            installJwksIfMissing(c);
        }
        return created;
    }

    /**
     * Creates the {@code jwt} plugin's {@code jwks} table from {@code META-INF/better-auth/schema/jwks-<database>.sql}
     * unless it exists. Returns whether it ran.
     */
    public static boolean installJwksIfMissing(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        if (tableExists(c, meta, "jwks")) {
            return false;
        }
        String dialect = dialect(meta.getDatabaseProductName());
        run(c, read("META-INF/better-auth/schema/jwks-" + dialect + ".sql"), null);
        LOG.log(Level.INFO, "Created Better Auth's jwks table for " + dialect);
        return true;
    }

    /** Runs each statement of {@code ddl}, with the tables renamed to {@code names} (null: as written). */
    private static void run(Connection c, String ddl, ModelNames names) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        try (Statement st = c.createStatement()) {
            String withoutComments = ddl.replaceAll("(?m)^--.*$", "");
            for (String statement : withoutComments.split(";\\s*(\\n|$)")) {
                String sql = statement.strip();
                if (!sql.isEmpty()) {
                    st.execute(names == null ? sql : SchemaDdl.rename(sql, names));
                }
            }
        } finally {
            if (!autoCommit && !c.isClosed()) {
                c.commit();
            }
        }
    }

    /**
     * Adds a column for every declared additional field the table lacks ({@code alter table … add column}), with
     * the type Better Auth's migration would give it, and, as its migration does for a column added to an existing
     * table, a database default for a boolean or number field that declares one (the admin plugin's {@code banned}:
     * {@code boolean default false}), so rows already there read it. Existing columns are never altered.
     */
    public static void addMissingColumns(Connection c, String table, io.betterauth.jakarta.core.session.AdditionalFields fields)
            throws SQLException {
        if (fields.isEmpty()) {
            return;
        }
        DatabaseMetaData meta = c.getMetaData();
        String dialect = dialect(meta.getDatabaseProductName());
        String quote = quote(dialect);
        try (Statement st = c.createStatement()) {
            for (io.betterauth.jakarta.config.AdditionalField f : fields.all()) {
                if (!columnExists(c, meta, table, f.fieldName())) {
                    st.execute("alter table " + quote + table + quote + " add column " + quote + f.fieldName() + quote
                            + " " + columnType(dialect, f.type()) + columnDefault(f));
                    LOG.log(Level.INFO, "Added column " + table + "." + f.fieldName());
                }
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /**
     * What this database's columns hold, from the DDL above: the dates of its timestamp columns (MariaDB/MySQL's
     * {@code timestamp}: 1970-01-01 00:00:01 to 2038-01-19 03:14:07.999 UTC; PostgreSQL's {@code timestamptz}: 4714 BC
     * to 294276 AD; H2's and an unknown database's: a JavaScript {@code Date}'s range). The strings' limits are the
     * same on every database ({@link ColumnLimits}).
     */
    public static ColumnLimits columnLimits(String dialect) {
        return switch (dialect) {
            case "mysql" -> new ColumnLimits(Instant.parse("1970-01-01T00:00:01Z"), Instant.parse("2038-01-19T03:14:07.999Z"),
                    ColumnLimits.VARCHAR_LENGTH, ColumnLimits.VARCHAR_LENGTH);
            case "postgresql" -> new ColumnLimits(Instant.parse("-4713-11-24T00:00:00Z"),
                    Instant.parse("+294276-12-31T23:59:59.999Z"));
            case "h2" -> new ColumnLimits(ColumnLimits.JAVASCRIPT_DATES.earliest(), ColumnLimits.JAVASCRIPT_DATES.latest(),
                    ColumnLimits.TEXT, ColumnLimits.VARCHAR_LENGTH);
            default -> ColumnLimits.JAVASCRIPT_DATES;
        };
    }

    /** The identifier quote of a dialect: a backtick for MariaDB/MySQL, a double quote elsewhere. */
    public static String quote(String dialect) {
        return "mysql".equals(dialect) ? "`" : "\"";
    }

    static String columnType(String dialect, io.betterauth.jakarta.config.AdditionalField.Type type) {
        return switch (type) {
            case STRING -> dialect.equals("mysql") ? "text" : dialect.equals("h2") ? "varchar" : "text";
            case NUMBER -> dialect.equals("postgresql") ? "double precision" : "double";
            case BOOLEAN -> "boolean";
            case DATE -> dialect.equals("postgresql") ? "timestamptz" : "timestamp(3)";
        };
    }

    /**
     * Better Auth's {@code defaultTo} on an added column ({@code dist/db/get-migration.mjs:312,619}) for booleans and
     * numbers. Its string defaults are left out: MySQL refuses a literal default on a {@code text} column.
     */
    static String columnDefault(io.betterauth.jakarta.config.AdditionalField f) {
        Object v = f.defaultValue();
        if (f.type() == io.betterauth.jakarta.config.AdditionalField.Type.BOOLEAN && v instanceof Boolean b) {
            return " default " + b;
        }
        if (f.type() == io.betterauth.jakarta.config.AdditionalField.Type.NUMBER && v instanceof Number n
                && Double.isFinite(n.doubleValue())) {
            return " default " + (v instanceof Double || v instanceof Float ? Double.toString(n.doubleValue())
                    : Long.toString(n.longValue()));
        }
        return "";
    }

    private static boolean columnExists(Connection c, DatabaseMetaData meta, String table, String column)
            throws SQLException {
        for (String t : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), t, null)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The dialect of the database behind this connection: {@code postgresql}, {@code mysql} or {@code h2}. */
    public static String dialect(Connection c) throws SQLException {
        return dialect(c.getMetaData().getDatabaseProductName());
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
