package io.betterauth.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One server's Better Auth endpoints as an interoperability scenario calls them, the same on Better Auth for Node
 * and on ours: each call checks the status it expects and otherwise fails the test with the answer. The scenarios
 * of {@link NodeServerInteropIT} read as scripts over two of these ({@link ServerPair}).
 */
final class AuthClient {

    /** The password of every user the scenarios sign up. */
    static final String PASSWORD = "interop-password-1";

    static final String GET_SESSION = "/api/auth/get-session";
    /** get-session that reads the store, whatever cookie cache the client sends. */
    static final String GET_SESSION_FROM_STORE = "/api/auth/get-session?disableCookieCache=true";

    private final String name;
    private final Http http;

    AuthClient(String name, URL base) {
        this.name = name;
        this.http = new Http(base);
    }

    static AuthClient java(PayaraMicroProcess server, String contextRoot) throws IOException {
        return new AuthClient("our server " + contextRoot, new URL(server.url(contextRoot)));
    }

    static AuthClient node(NodeBetterAuthServer node, String instance) throws IOException {
        return new AuthClient("Better Auth " + instance, new URL("http://127.0.0.1:" + node.port(instance)));
    }

    /** The origin this server is called on ({@code http://127.0.0.1:<port>}). */
    String origin() {
        return http.origin();
    }

    // ---------------------------------------------------------------------------------------------------- accounts

    /** A fresh address; the tag names the scenario in the database and in the user's name. */
    static String email(String tag) {
        return tag + "-" + System.nanoTime() + "@example.com";
    }

    HttpResponse<String> signUp(String email) throws Exception {
        return expect(200, http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"Interop " + email.substring(0, email.indexOf('-')) + "\",\"email\":\"" + email
                        + "\",\"password\":\"" + PASSWORD + "\"}", null));
    }

    HttpResponse<String> signIn(String email) throws Exception {
        return expect(200, signInAnswer(email, PASSWORD));
    }

    /** A sign-in with {@code rememberMe} (false: Better Auth's signed {@code dont_remember} cookie, one day). */
    HttpResponse<String> signIn(String email, boolean rememberMe) throws Exception {
        return expect(200, http.postJson("/api/auth/sign-in/email", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"rememberMe\":" + rememberMe + "}", null));
    }

    /** A sign-in that must be refused with 401: its error code. */
    String signInRefused(String email, String password) throws Exception {
        return json(expect(401, signInAnswer(email, password))).getString("code");
    }

    private HttpResponse<String> signInAnswer(String email, String password) throws Exception {
        return http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
    }

    Device signedUp(String email) throws Exception {
        return Device.of(signUp(email));
    }

    Device signedIn(String email) throws Exception {
        return Device.of(signIn(email));
    }

    /** delete-user as this device, with this body: 200. */
    HttpResponse<String> deleteUser(Device caller, String body) throws Exception {
        return expect(200, http.postJson("/api/auth/delete-user", body, caller.cookies()));
    }

    /** delete-user as this device, answered with this status. */
    HttpResponse<String> deleteUser(Device caller, int status) throws Exception {
        return expect(status, http.postJson("/api/auth/delete-user", "{}", caller.cookies()));
    }

    // ---------------------------------------------------------------------------------------------------- sessions

    /** get-session with this {@code Cookie} header, the way a browser asks: the body. */
    String getSession(String cookie) throws Exception {
        return getSessionAnswer(cookie).body();
    }

    HttpResponse<String> getSessionAnswer(String cookie) throws Exception {
        return expect(200, http.get(GET_SESSION, cookie));
    }

    /** get-session reading the store ({@code ?disableCookieCache=true}): the body. */
    String getSessionFromStore(String cookie) throws Exception {
        return expect(200, http.get(GET_SESSION_FROM_STORE, cookie)).body();
    }

    /** The token of the session get-session answers with this {@code Cookie} header. */
    String sessionToken(String cookie) throws Exception {
        return json(getSession(cookie)).getJsonObject("session").getString("token");
    }

    /** The id of the device's user, read from the store. */
    String userId(Device d) throws Exception {
        return json(getSessionFromStore(d.tokenOnly())).getJsonObject("user").getString("id");
    }

    /** revoke-session of {@code token} as {@code caller}: the body. */
    String revokeSession(Device caller, String token) throws Exception {
        return expect(200, http.postJson("/api/auth/revoke-session", "{\"token\":\"" + token + "\"}",
                caller.cookies())).body();
    }

    void revokeSessions(Device caller) throws Exception {
        expect(200, http.postJson("/api/auth/revoke-sessions", "{}", caller.cookies()));
    }

    /** revoke-other-sessions as this device, refused with 401: the error code. */
    String revokeOtherSessionsRefused(Device caller) throws Exception {
        return json(expect(401, http.postJson("/api/auth/revoke-other-sessions", "{}", caller.cookies())))
                .getString("code");
    }

    HttpResponse<String> signOut(Device d) throws Exception {
        return signOut(d.cookies());
    }

    /** sign-out with this {@code Cookie} header. */
    HttpResponse<String> signOut(String cookie) throws Exception {
        return expect(200, http.postJson("/api/auth/sign-out", "{}", cookie));
    }

    /** sign-in from a browser that already holds these cookies ({@code Cookie} header, or null). */
    HttpResponse<String> signInWith(String email, String cookie) throws Exception {
        return expect(200, http.postJson("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", cookie));
    }

    /** The multi-session plugin's list-device-sessions with this {@code Cookie} header: the body. */
    String listDeviceSessions(String cookie) throws Exception {
        return expect(200, http.get("/api/auth/multi-session/list-device-sessions", cookie)).body();
    }

    /** An admin plugin endpoint ({@code POST /api/auth/admin/<path>}) with this body and {@code Cookie} header. */
    HttpResponse<String> admin(String path, String body, String cookie) throws Exception {
        return http.postJson("/api/auth/admin/" + path, body, cookie);
    }

    /** A sign-in with the interop password, whatever its answer. */
    HttpResponse<String> signInAttempt(String email) throws Exception {
        return signInAnswer(email, PASSWORD);
    }

    /** list-sessions with this {@code Cookie} header: the tokens listed. */
    Set<String> listedTokens(String cookie) throws Exception {
        return Json.createReader(new StringReader(expect(200, http.get("/api/auth/list-sessions", cookie)).body()))
                .readArray().getValuesAs(JsonObject.class).stream().map(o -> o.getString("token"))
                .collect(Collectors.toSet());
    }

    /** The jwt plugin's {@code GET /token} with this {@code Cookie} header: the JWT. */
    String jwt(String cookie) throws Exception {
        return json(expect(200, http.get("/api/auth/token", cookie))).getString("token");
    }

    /** The jwt plugin's {@code GET /jwks}: the body. */
    String jwks() throws Exception {
        return expect(200, http.get("/api/auth/jwks", null)).body();
    }

    /** get-session with {@code Authorization: Bearer} and no cookie (Better Auth's bearer plugin). */
    HttpResponse<String> getSessionWithBearer(String authToken) throws Exception {
        return expect(200, http.get(GET_SESSION, null, java.util.Map.of("Authorization", "Bearer " + authToken)));
    }

    /** sign-out with {@code Authorization: Bearer} alone: no cookie, no {@code Origin}. */
    HttpResponse<String> signOutWithBearer(String authToken) throws Exception {
        return expect(200, http.post("/api/auth/sign-out", "application/json", "{}", null, null,
                java.util.Map.of("Authorization", "Bearer " + authToken)));
    }

    /** list-sessions as a set of JSON objects (each server lists in its own order). */
    Set<JsonObject> listed(Device d) throws Exception {
        return Set.copyOf(Json.createReader(new StringReader(
                expect(200, http.get("/api/auth/list-sessions", d.cookies())).body())).readArray()
                .getValuesAs(JsonObject.class));
    }

    /** The tokens list-sessions lists for this device. */
    Set<String> listedTokens(Device d) throws Exception {
        return listed(d).stream().map(o -> o.getString("token")).collect(Collectors.toSet());
    }

    /** get-session reading the store, with and without the cache cookie: no session. */
    void assertNoSession(Device d) throws Exception {
        assertThat(getSessionFromStore(d.cookies())).as(name + ": get-session from the store").isEqualTo("null");
        assertThat(getSession(d.tokenOnly())).as(name + ": get-session").isEqualTo("null");
    }

    // --------------------------------------------------------------------------------------------------------- JSON

    static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri() + " answered " + r.body())
                .isEqualTo(status);
        return r;
    }

    static JsonObject json(HttpResponse<String> r) {
        return json(r.body());
    }

    static JsonObject json(String body) {
        JsonValue v = Json.createReader(new StringReader(body)).readValue();
        assertThat(v.getValueType()).as(body).isEqualTo(JsonValue.ValueType.OBJECT);
        return v.asJsonObject();
    }

    /** Each Set-Cookie line without its value: {@code name=…; attributes}. */
    static List<String> cookieAttributes(HttpResponse<?> r) {
        return Http.setCookies(r).stream().map(l -> l.replaceFirst("=[^;]*", "=…")).toList();
    }

    /** Every cookie an answer set, deleted ones included, as a {@code Cookie} header. */
    static String everyCookie(HttpResponse<?> r) {
        return Http.setCookies(r).stream().map(l -> l.split(";", 2)[0]).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return name;
    }
}
