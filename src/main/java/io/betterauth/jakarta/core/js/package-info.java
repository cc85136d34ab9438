/**
 * JavaScript's rules, where bytes must match what Better Auth (Node) writes or reads: {@code JSON.stringify}
 * and number formatting, Better Auth's date reviver, base64 as {@code @better-auth/utils} does it,
 * {@code encodeURIComponent}, and the one bounded reader of client-controlled JSON. Hand-written on purpose: each
 * class names the JavaScript function it mirrors.
 *
 * <p>May import: the JDK and Jakarta JSON Processing only.
 */
package io.betterauth.jakarta.core.js;
