package io.betterauth.jakarta.rest;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.core.cookie.ResponseCookies;
import io.betterauth.jakarta.core.endpoint.AuthResult;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Turns core results and errors into JAX-RS responses: the JSON body, the cookies as {@link ResponseCookies} writes
 * them, then the result's other headers (each replacing one of its name).
 */
final class HttpAuthResponses {

    private HttpAuthResponses() {
    }

    static Response of(AuthResult result) {
        Response response = Response.status(result.status()).entity(result.json())
                .type(MediaType.APPLICATION_JSON_TYPE).build();
        MultivaluedMap<String, Object> headers = response.getHeaders();
        ResponseCookies.Headers out = ResponseCookies.Headers.of(headers::add, headers::putSingle);
        ResponseCookies.write(result.setCookies(), out);
        result.headers().forEach(out::set);
        return response;
    }

    static Response of(AuthException error) {
        return of(AuthResult.of(error));
    }
}
