/**
 * JSON-B for application objects: {@link io.betterauth.jakarta.jsonb.BetterAuthJsonb} writes {@code Session},
 * {@code User} and {@code SessionAndUser} in Better Auth's JSON shape (for an application's own JAX-RS endpoints),
 * and {@link io.betterauth.jakarta.jsonb.ApplicationValues} turns what a {@code SessionCustomizer} returns — records
 * and POJOs included — into the plain values {@code core.js.JsJson} writes as {@code JSON.stringify} would.
 *
 * <p>May import: {@code api}, {@code core.js} and JSON-P/JSON-B (the container's; Yasson on Payara, WildFly and in
 * the README's Tomcat bundle).
 */
package io.betterauth.jakarta.jsonb;
