/**
 * Better Auth's endpoints under the base path as JAX-RS resources: reading requests (bounded bodies), the rate
 * limit per matched endpoint, and mapping core results and errors onto responses in Better Auth's JSON shape.
 * Holds no Better Auth rule of its own.
 *
 * <p>May import: {@code api}, {@code config}, {@code core.*}, {@code runtime}, {@code web} and JAX-RS.
 */
package io.betterauth.jakarta.rest;
