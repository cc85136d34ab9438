package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.ModelNames;
import io.betterauth.jakarta.config.plugin.Plugin;
import io.betterauth.jakarta.store.jdbc.InMemoryDatabase;
import io.betterauth.jakarta.store.jpa.schema.SchemaInstaller;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.naming.NamingException;

/**
 * Prepares the library's database at start-up: creates missing tables and additional-field columns (with
 * {@code better-auth.database.auto-migrate}, the default) from the DDL shipped in the JAR, and finds the database's
 * dialect, which the additional columns' native SQL and the columns' limits depend on. Warns when that database is
 * in memory.
 */
final class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** Opens a connection to the library's database. */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException, NamingException;
    }

    private SchemaMigration() {
    }

    /**
     * Migrates (when configured) and answers the dialect, {@code ""} for a database the library has no DDL for.
     *
     * @param where  the database as the messages name it: the data source's JNDI name or
     *               {@code better-auth.database.url}
     * @param option the option that chooses this database, for the in-memory warning
     */
    static String prepare(BetterAuthConfig config, ConnectionOpener database, String where, String option) {
        try {
            try (Connection c = database.open()) {
                String url = c.getMetaData().getURL();
                if (InMemoryDatabase.isInMemory(url)) {
                    LOG.warning("Better Auth stores its users and sessions in " + where + ", an in-memory database: "
                            + "they vanish when the server stops. Set " + option + " to a persistent database.");
                }
                if (config.database().autoMigrate()) {
                    ModelNames names = config.database().models();
                    SchemaInstaller.installIfMissing(c, names, config.plugins().on(Plugin.JWT));
                    SchemaInstaller.addMissingColumns(c, names.session().modelName(), config.session().additionalFields());
                    SchemaInstaller.addMissingColumns(c, names.user().modelName(), config.user().additionalFields());
                }
                try {
                    return SchemaInstaller.dialect(c);
                } catch (IllegalStateException unknownDatabase) {
                    return ""; // the SQL standard's quote; dates as a JavaScript Date holds them
                }
            }
        } catch (NamingException e) {
            throw new IllegalStateException("Could not find " + where + ": this container has no such data source "
                    + "(Tomcat?). Set better-auth.database.jndi-name to a data source's JNDI name, or "
                    + "better-auth.database.url (BETTER_AUTH_DATABASE_URL) to a JDBC URL, or "
                    + "better-auth.database=memory for development", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare Better Auth's tables in " + where
                    + " (set better-auth.database.auto-migrate=false if you create them yourself)", e);
        }
    }
}
