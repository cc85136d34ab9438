package io.betterauth.jakarta.it;

import static io.betterauth.jakarta.it.Http.cookiePair;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.it.app.AdminGroups;
import io.betterauth.jakarta.it.app.EjbRolesResource;
import io.betterauth.jakarta.it.app.RoleGuardedBean;
import io.betterauth.jakarta.it.app.RoleGuardedEjb;
import io.betterauth.jakarta.it.app.RolesResource;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the README's role claims are on each container, checked for real with the library's mechanism: a signed-in
 * caller's role {@code user} and a {@code CallerGroups} group {@code admin} in {@code @RolesAllowed} on a JAX-RS
 * method, a plain CDI bean's method and an EJB's, and in {@code SecurityContext.isCallerInRole},
 * {@code HttpServletRequest.isUserInRole} and JAX-RS's {@code SecurityContext.isUserInRole}. The app protects
 * {@code /*} with the auth endpoints excluded (the README's setup), and one auth endpoint left under a constraint
 * shows what happens without the exclusion.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleClaimsIT {

    static final String CONTAINER = System.getProperty("arquillian.launch", "payara-micro");

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.war("roles", Map.of(
                        "better-auth.secret", Deployments.SECRET,
                        "better-auth.url", "http://localhost:8080",
                        // RESTEasy (WildFly) enforces @RolesAllowed on resources only when asked to
                        "resteasy.role.based.security", "true"), Map.of(),
                CoexistenceIT.PROTECT_ALL_BUT_AUTH + """
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>an auth endpoint not excluded</web-resource-name>
                              <url-pattern>/api/auth/list-sessions</url-pattern>
                            </web-resource-collection>
                            <auth-constraint><role-name>user</role-name></auth-constraint>
                          </security-constraint>
                          <security-role><role-name>admin</role-name></security-role>
                        """)
                .addClasses(AdminGroups.class, RolesResource.class, RoleGuardedBean.class);
        if (!Deployments.onTomcat()) {
            war.addClasses(RoleGuardedEjb.class, EjbRolesResource.class);
        }
        return war;
    }

    @ArquillianResource
    URL url;

    Map<String, String> observe(Http http, String cookie) throws Exception {
        Map<String, String> seen = new java.util.TreeMap<>();
        List<String> paths = List.of("/api/roles/jaxrs-user", "/api/roles/jaxrs-admin", "/api/roles/cdi-user",
                "/api/roles/cdi-admin", "/api/ejb-roles/user", "/api/ejb-roles/admin", "/api/roles/checks",
                "/api/auth/list-sessions");
        for (String path : paths) {
            if (path.contains("ejb") && Deployments.onTomcat()) {
                continue;
            }
            HttpResponse<String> r = http.get(path, cookie);
            seen.put(path.substring("/api/".length()), r.statusCode() == 200 ? "200 " + r.body() : "" + r.statusCode());
        }
        return seen;
    }

    String signUp(Http http, String email) throws Exception {
        HttpResponse<String> r = http.postJson("/api/auth/sign-up/email",
                "{\"name\":\"R\",\"email\":\"" + email + "\",\"password\":\"test123456\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return cookiePair(r, "better-auth.session_token");
    }

    @Test
    void rolesOfASignedInUser_andOfAnAdmin_perContainer() throws Exception {
        Http http = new Http(url);
        Map<String, String> user = observe(http, signUp(http, "roles-" + System.nanoTime() + "@example.com"));
        Map<String, String> admin = observe(http, signUp(http, "admin-roles-" + System.nanoTime() + "@example.com"));
        Map<String, String> anonymous = observe(http, null);
        assertThat(user).as(CONTAINER).isEqualTo(expected(Map.of(
                "roles/jaxrs-user", "200 ok",
                "roles/jaxrs-admin", "403",
                "roles/cdi-user", "200 ok",
                "roles/cdi-admin", "200 ok", // not enforced on a plain CDI bean, by any of the three
                "ejb-roles/user", "200 ok",
                "ejb-roles/admin", "200 denied EJBAccessException",
                "roles/checks", "200 security:true,false servlet:true,false rest:true,false",
                "auth/list-sessions", "401"))); // an auth endpoint under a constraint: the mechanism's 401
        assertThat(admin).as(CONTAINER).isEqualTo(expected(Map.of(
                "roles/jaxrs-user", "200 ok",
                "roles/jaxrs-admin", "200 ok",
                "roles/cdi-user", "200 ok",
                "roles/cdi-admin", "200 ok",
                "ejb-roles/user", "200 ok",
                "ejb-roles/admin", "200 ok",
                "roles/checks", "200 security:true,true servlet:true,true rest:true,true",
                "auth/list-sessions", "401")));
        assertThat(anonymous.values()).as(CONTAINER + " " + anonymous).containsOnly("401");
        // the excluded auth endpoints stay reachable without a caller
        assertThat(http.get("/api/auth/get-session", null).body()).isEqualTo("null");
    }

    /** The same on Payara, WildFly and Tomcat, where Tomcat has no EJB. */
    static Map<String, String> expected(Map<String, String> all) {
        Map<String, String> expected = new java.util.TreeMap<>(all);
        if (Deployments.onTomcat()) {
            expected.keySet().removeIf(k -> k.startsWith("ejb-"));
        }
        return expected;
    }
}
