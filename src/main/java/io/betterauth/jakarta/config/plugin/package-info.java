/**
 * Better Auth's {@code plugins} option: which of the plugins this library speaks are switched on
 * ({@code better-auth.plugins}), and one record of options per plugin ({@code better-auth.plugins.<name>.*}), named
 * as Better Auth names them. Values only; {@link io.betterauth.jakarta.config.ConfigLoader} reads the keys.
 * Imports {@code config} and {@code config.option}.
 */
package io.betterauth.jakarta.config.plugin;
