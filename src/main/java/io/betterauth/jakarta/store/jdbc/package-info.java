/**
 * JDBC without JPA: the library's own connection pool for {@code better-auth.database.url}, and which JDBC failures
 * are database outages (503, nobody signed out) rather than unreadable data. Imports {@code spi} and {@code api}.
 */
package io.betterauth.jakarta.store.jdbc;
