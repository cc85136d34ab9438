/**
 * Better Auth's {@code user}, {@code session}, {@code account} and {@code verification} tables through Jakarta
 * Persistence, provider-neutral (EclipseLink on Payara, Hibernate on WildFly): entities, stores and
 * transactions (the DDL and additional columns: {@code store.jpa.schema}), in a container or on the library's own JDBC URL.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config}, {@code core.*} value types, Jakarta Persistence and JDBC.
 */
package io.betterauth.jakarta.store.jpa;
