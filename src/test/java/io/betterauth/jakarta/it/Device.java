package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A signed-in client of an interoperability scenario: its raw session token and the cookies the server set (those
 * with a value that were not deleted), to send back whole ({@link #cookies()}), or only the session token
 * ({@link #tokenOnly()}, what a client without the cookie cache sends).
 */
record Device(String token, Map<String, String> cookieMap) {

    /** The device a sign-in or sign-up answer made; it must set {@code better-auth.session_token}. */
    static Device of(HttpResponse<String> signIn) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String line : Http.setCookies(signIn)) {
            String pair = line.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String value = pair.substring(eq + 1);
            if (!value.isEmpty() && !line.contains("Max-Age=0")) {
                cookies.put(pair.substring(0, eq), value);
            }
        }
        String token = AuthClient.json(signIn).getString("token");
        assertThat(cookies).as("Set-Cookie of the sign-in").containsKey("better-auth.session_token");
        assertThat(cookies.get("better-auth.session_token")).startsWith(token + ".");
        return new Device(token, cookies);
    }

    /** Every cookie, as a {@code Cookie} header. */
    String cookies() {
        return cookieMap.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The session token cookie alone, as a {@code Cookie} header. */
    String tokenOnly() {
        return "better-auth.session_token=" + cookieMap.get("better-auth.session_token");
    }

    /** The names of the {@code session_data} cookies (the cookie cache), chunks included. */
    List<String> cacheCookies() {
        return cookieMap.keySet().stream().filter(k -> k.startsWith("better-auth.session_data")).toList();
    }
}
