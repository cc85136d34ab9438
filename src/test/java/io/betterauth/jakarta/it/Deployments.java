package io.betterauth.jakarta.it;

import io.betterauth.jakarta.it.app.GuardedResource;
import io.betterauth.jakarta.it.app.MeResource;
import io.betterauth.jakarta.it.app.SessionClockServlet;
import io.betterauth.jakarta.it.app.TestApi;
import java.io.File;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Builds the small WARs the container tests deploy: the library as a real JAR in {@code WEB-INF/lib} (so its
 * {@code web-fragment.xml}, {@code beans.xml} and persistence unit are found as in a user's app), its runtime
 * dependencies, and a {@code web.xml} carrying the scenario's configuration as context parameters.
 */
public final class Deployments {

    public static final String SECRET = "it-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    private Deployments() {
    }

    public static JavaArchive library() {
        return ShrinkWrap.create(ExplodedImporter.class, "better-auth-jakarta.jar")
                .importDirectory(new File("target/classes"))
                .as(JavaArchive.class);
    }

    /** A WAR with the library, the demo's who-am-i servlet (also behind a constraint), and the test app. */
    public static WebArchive war(String name, Map<String, String> config) {
        return war(name, config, Map.of());
    }

    /** The same, with MicroProfile Config properties as well (a higher source than context parameters). */
    public static WebArchive war(String name, Map<String, String> config, Map<String, String> microProfileConfig) {
        File[] runtime = Maven.resolver().loadPomFromFile("pom.xml")
                .importCompileAndRuntimeDependencies().resolve().withTransitivity().asFile();
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(library())
                .addAsLibraries(runtime)
                .addClasses(TestApi.class, MeResource.class, GuardedResource.class, SessionClockServlet.class)
                .setWebXML(new StringAsset(webXml(config)))
                .addAsResource(new StringAsset(microProfileConfig.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"))),
                        "META-INF/microprofile-config.properties");
    }

    /**
     * A copy of a WAR built by {@link #war(String, Map)} under another name and with another configuration, without
     * resolving the dependencies again (for tests that deploy one application in several configurations).
     */
    public static WebArchive reconfigured(WebArchive war, String name, Map<String, String> config) {
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(war)
                .setWebXML(new StringAsset(webXml(config)));
    }

    private static String webXml(Map<String, String> scenario) {
        Map<String, String> config = new java.util.TreeMap<>(scenario);
        // Tests reach the server at 127.0.0.1:<random port> and send that as their Origin.
        config.putIfAbsent("better-auth.trusted-origins", "http://127.0.0.1:*");
        String params = config.entrySet().stream()
                .map(e -> "  <context-param><param-name>" + e.getKey() + "</param-name><param-value>" + e.getValue()
                        + "</param-value></context-param>")
                .collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s
                  <servlet>
                    <servlet-name>whoami</servlet-name>
                    <servlet-class>io.betterauth.jakarta.demo.WhoAmIServlet</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>whoami</servlet-name>
                    <url-pattern>/whoami</url-pattern>
                    <url-pattern>/protected/whoami</url-pattern>
                    <url-pattern>/guarded/whoami</url-pattern>
                    <url-pattern>/guarded-fresh/whoami</url-pattern>
                  </servlet-mapping>
                  <filter>
                    <filter-name>guard</filter-name>
                    <filter-class>io.betterauth.jakarta.web.RequireSessionFilter</filter-class>
                  </filter>
                  <filter-mapping><filter-name>guard</filter-name><url-pattern>/guarded/*</url-pattern></filter-mapping>
                  <filter>
                    <filter-name>fresh-guard</filter-name>
                    <filter-class>io.betterauth.jakarta.web.RequireSessionFilter</filter-class>
                    <init-param><param-name>fresh</param-name><param-value>true</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>fresh-guard</filter-name><url-pattern>/guarded-fresh/*</url-pattern></filter-mapping>
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>protected</web-resource-name>
                      <url-pattern>/protected/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>user</role-name></auth-constraint>
                  </security-constraint>
                </web-app>
                """.formatted(params);
    }
}
