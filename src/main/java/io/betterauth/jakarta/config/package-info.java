/**
 * The configuration as Better Auth's option tree, holding Better Auth 1.7.25's defaults, and how it is read
 * from {@code better-auth.*} keys (system properties, environment, MicroProfile Config, context parameters).
 *
 * <p>May import: {@code api}, {@code spi}, the value types of {@code core.*} it is built from, and the JDK. Never
 * {@code web}, {@code rest}, {@code runtime} or {@code store}.
 */
package io.betterauth.jakarta.config;
