/**
 * Better Auth's {@code admin} plugin (1.7.25, {@code plugins/admin}), its session part: the default roles and their
 * permissions ({@link io.betterauth.jakarta.core.plugin.admin.AdminPermissions}), the ban rule every new session
 * passes ({@link io.betterauth.jakarta.core.plugin.admin.BanVeto}), the session endpoints
 * ({@link io.betterauth.jakarta.core.plugin.admin.AdminSessionEndpoints}), the ban and role endpoints
 * ({@link io.betterauth.jakarta.core.plugin.admin.AdminUserEndpoints}) and impersonation
 * ({@link io.betterauth.jakarta.core.plugin.admin.ImpersonationEndpoints}; its {@code /list-sessions} filter is in
 * {@code SessionEndpoints}), wired together by
 * {@link io.betterauth.jakarta.core.plugin.admin.AdminPlugin}. The plugin's columns ({@code role},
 * {@code banned}, {@code banReason}, {@code banExpires}, {@code impersonatedBy}) are additional fields declared by
 * {@link io.betterauth.jakarta.config.plugin.AdminOptions} and merged with the configured ones, so they reach the
 * tables, JSON, the cookie cache and the secondary storage as any additional field does. Not yet here: the
 * other user endpoints (create-user, list-users, update-user, set-user-password, has-permission). Byte-compatible with the plugin's answers: hand-written for that reason.
 *
 * <p>May import: {@code api}, {@code spi}, {@code config} and the other {@code core} packages. Plain Java.
 */
package io.betterauth.jakarta.core.plugin.admin;
