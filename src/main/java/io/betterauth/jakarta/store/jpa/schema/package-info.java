/**
 * Better Auth's tables as the database sees them, apart from the entities: the DDL (Better Auth's own migration,
 * with the configured {@code modelName} and {@code fields}), the additional-field columns added at start-up, and
 * their native SQL reads and writes; get-session's read as one JDBC statement.
 *
 * <p>May import: {@code config} (the names and additional fields), {@code api} and {@code core.*} value types,
 * {@code spi}'s {@code StoreUnavailableException}, Jakarta Persistence
 * ({@code EntityManager} for native queries) and JDBC. Not the entities of {@code store.jpa}.
 */
package io.betterauth.jakarta.store.jpa.schema;
