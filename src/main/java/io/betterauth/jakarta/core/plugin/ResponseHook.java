package io.betterauth.jakarta.core.plugin;

import io.betterauth.jakarta.core.endpoint.AuthResult;

/**
 * A plugin's after-hook: Better Auth runs it on every answer of an endpoint, errors included, and it may add
 * headers or cookies, or replace the answer. Here it also runs on the cookies the mechanism or the server-side API
 * write on an ordinary request ({@link Exchange#path()} null there), where only what the cookies imply applies
 * ({@code set-auth-token}).
 */
public interface ResponseHook {

    /** The answer after this hook: {@code result} itself when the hook has nothing to do. */
    AuthResult after(Exchange exchange, AuthResult result);
}
