package io.betterauth.jakarta.store.jdbc;

import java.util.List;
import java.util.Locale;

/**
 * Recognizes a database that lives in the server's memory by its JDBC URL (as {@code DatabaseMetaData.getURL()}
 * reports it): H2 (WildFly's {@code ExampleDS}), HSQLDB, Derby and SQLite in memory. Its users and sessions vanish
 * when the server stops.
 */
public final class InMemoryDatabase {

    private static final List<String> PREFIXES = List.of("jdbc:h2:mem:", "jdbc:hsqldb:mem:", "jdbc:derby:memory:",
            "jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:");

    private InMemoryDatabase() {
    }

    /** True when {@code jdbcUrl} names an in-memory database. */
    public static boolean isInMemory(String jdbcUrl) {
        if (jdbcUrl == null) {
            return false;
        }
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return PREFIXES.stream().anyMatch(url::startsWith) || url.equals("jdbc:sqlite::memory");
    }
}
