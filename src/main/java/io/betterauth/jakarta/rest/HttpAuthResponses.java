package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Turns core results and errors into JAX-RS responses: JSON bodies, one {@code Set-Cookie} header per cookie, and
 * {@code Cache-Control: no-store} on every answer that sets or clears a cookie, so no cache keeps or replays a
 * session cookie (T-11; Better Auth sends it on get-session only, and an extra header changes nothing for clients).
 */
final class HttpAuthResponses {

    private HttpAuthResponses() {
    }

    static Response of(AuthResult result) {
        return build(result.status(), result.json(), result.setCookies(), result.headers());
    }

    static Response of(AuthException error) {
        return of(AuthResult.of(error));
    }

    static Response build(int status, String json, List<String> setCookies, Map<String, String> headers) {
        Response.ResponseBuilder b = Response.status(status).entity(json).type(MediaType.APPLICATION_JSON_TYPE);
        for (String line : setCookies) {
            b.header("Set-Cookie", line);
        }
        if (!setCookies.isEmpty()) {
            b.header("Cache-Control", "no-store");
        }
        headers.forEach(b::header);
        return b.build();
    }
}
