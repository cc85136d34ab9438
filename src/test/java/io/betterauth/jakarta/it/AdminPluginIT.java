package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.AuthClient.json;
import static io.betterauth.jakarta.it.Http.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.app.PromoteServlet;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Better Auth's admin plugin ({@code better-auth.plugins=admin}) on each container, from the client side: its
 * endpoints answer under the base path (their own JAX-RS resource), a non-admin gets 403, a ban ends the user's
 * sessions and refuses the sign-in until an unban (the plugin's columns written and cleared on the container's
 * database), an impersonation swaps the browser's session and stop-impersonating puts the admin's back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPluginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("admin", Map.of(
                "better-auth.secret", Deployments.SECRET,
                "better-auth.url", "http://localhost:8080",
                "better-auth.plugins", "admin")).addClass(PromoteServlet.class);
    }

    @ArquillianResource
    URL url;

    @Test
    void anAdminBans_unbans_andImpersonates() throws Exception {
        Http http = new Http(url);
        Map<String, String> admin = signUp(http, "admin");
        Map<String, String> user = signUp(http, "user");
        String adminId = admin.remove("id");
        String userId = user.remove("id");
        String userEmail = user.remove("email");
        admin.remove("email");

        HttpResponse<String> forbidden = http.postJson("/api/auth/admin/ban-user", "{\"userId\":\"" + adminId + "\"}",
                cookie(user));
        assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
        assertThat(json(forbidden).getString("code")).isEqualTo("YOU_ARE_NOT_ALLOWED_TO_BAN_USERS");
        assertThat(http.post("/test/promote", "application/x-www-form-urlencoded",
                "userId=" + adminId + "&role=admin", null).statusCode()).isEqualTo(204);

        HttpResponse<String> ban = http.postJson("/api/auth/admin/ban-user", "{\"userId\":\"" + userId
                + "\",\"banReason\":\"spam\",\"banExpiresIn\":3600}", cookie(admin));
        assertThat(ban.statusCode()).as(ban.body()).isEqualTo(200);
        assertThat(json(ban).getJsonObject("user").getBoolean("banned")).isTrue();
        assertThat(http.get("/api/auth/get-session", cookie(user)).body()).as("sessions revoked").isEqualTo("null");
        HttpResponse<String> refused = http.postJson("/api/auth/sign-in/email", "{\"email\":\"" + userEmail
                + "\",\"password\":\"test123456\"}", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).getString("code")).isEqualTo("BANNED_USER");
        HttpResponse<String> unban = http.postJson("/api/auth/admin/unban-user", "{\"userId\":\"" + userId + "\"}",
                cookie(admin));
        assertThat(unban.statusCode()).as(unban.body()).isEqualTo(200);
        assertThat(json(unban).getJsonObject("user").isNull("banExpires")).isTrue();
        HttpResponse<String> again = http.postJson("/api/auth/sign-in/email", "{\"email\":\"" + userEmail
                + "\",\"password\":\"test123456\"}", null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);

        Map<String, String> browser = new LinkedHashMap<>(admin);
        HttpResponse<String> imp = http.postJson("/api/auth/admin/impersonate-user", "{\"userId\":\"" + userId + "\"}",
                cookie(browser));
        assertThat(imp.statusCode()).as(imp.body()).isEqualTo(200);
        keep(browser, imp);
        assertThat(browser).containsKey("better-auth.admin_session");
        HttpResponse<String> asUser = http.get("/api/auth/get-session", cookie(browser));
        assertThat(json(asUser).getJsonObject("user").getString("id")).isEqualTo(userId);
        assertThat(json(asUser).getJsonObject("session").getString("impersonatedBy")).isEqualTo(adminId);
        HttpResponse<String> stop = http.postJson("/api/auth/admin/stop-impersonating", "{}", cookie(browser));
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
        keep(browser, stop);
        assertThat(browser).doesNotContainKey("better-auth.admin_session");
        assertThat(json(http.get("/api/auth/get-session", cookie(browser))).getJsonObject("user").getString("id"))
                .isEqualTo(adminId);
        assertThat(http.get("/api/auth/admin/no-such-endpoint", cookie(browser)).statusCode()).isEqualTo(404);
    }

    /** A signed-up user's cookies, with its {@code id} and {@code email} (removed before use as cookies). */
    static Map<String, String> signUp(Http http, String tag) throws Exception {
        String email = "admin-it-" + tag + "-" + System.nanoTime() + "@example.com";
        HttpResponse<String> r = http.postJson("/api/auth/sign-up/email", "{\"name\":\"A\",\"email\":\"" + email
                + "\",\"password\":\"test123456\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, String> jar = new LinkedHashMap<>();
        keep(jar, r);
        jar.put("id", json(r).getJsonObject("user").getString("id"));
        jar.put("email", email);
        return jar;
    }

    static void keep(Map<String, String> jar, HttpResponse<String> answer) {
        for (String line : setCookies(answer)) {
            String pair = line.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            if (line.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, pair.substring(name.length() + 1));
            }
        }
    }

    static String cookie(Map<String, String> jar) {
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}
