package io.betterauth.jakarta.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a Better Auth session on a JAX-RS resource or CDI bean method (or every method of a class): without
 * one the call fails with 401 {@code {"message":"Unauthorized","code":"UNAUTHORIZED"}}; with {@code fresh = true}
 * a session older than {@code freshAge} fails with 403 {@code SESSION_NOT_FRESH}. For servlets, map
 * {@link io.betterauth.jakarta.web.RequireSessionFilter} instead.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequireSession {

    /** Also require a fresh session (created less than {@code freshAge} ago). */
    @Nonbinding
    boolean fresh() default false;
}
