package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.endpoint.AuthResult;
import io.betterauth.jakarta.api.AuthException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** An {@link AuthException} written to a servlet response in Better Auth's JSON shape, outside JAX-RS. */
final class ServletErrorResponse {

    private ServletErrorResponse() {
    }

    static void send(HttpServletResponse response, AuthException error) throws IOException {
        response.setStatus(error.status());
        error.headers().forEach(response::setHeader);
        response.setContentType("application/json");
        response.getOutputStream().write(AuthResult.of(error).json().getBytes(StandardCharsets.UTF_8));
    }
}
