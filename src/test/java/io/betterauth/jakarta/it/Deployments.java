package io.betterauth.jakarta.it;

import io.betterauth.jakarta.demo.WhoAmIServlet;
import io.betterauth.jakarta.it.app.EarlyFlushServlet;
import io.betterauth.jakarta.it.app.GuardedResource;
import io.betterauth.jakarta.it.app.HttpSessionServlet;
import io.betterauth.jakarta.it.app.MeResource;
import io.betterauth.jakarta.it.app.RateLimitProbeServlet;
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
 * dependencies, and a {@code web.xml} carrying the scenario's configuration as context parameters. On Tomcat
 * ({@code -Ptomcat}) each WAR also carries the bundle the profile lists (CDI, JAX-RS, Jakarta Security, JPA), a
 * {@code WEB-INF/beans.xml}, Weld's {@code META-INF/context.xml} and an in-memory H2 database of its own, as a
 * Tomcat application would.
 */
public final class Deployments {

    public static final String SECRET = "it-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    /**
     * Weld's usual Tomcat setup: the BeanManager in JNDI, where Soteria looks for it. The JarScanner line is for
     * embedded Tomcat only: the test JVM's class path is no part of the application.
     */
    static final String TOMCAT_CONTEXT_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Context>
              <Resource name="BeanManager" auth="Container" type="jakarta.enterprise.inject.spi.BeanManager"
                        factory="org.jboss.weld.resources.ManagerObjectFactory"/>
              <JarScanner scanClassPath="false"/>
            </Context>
            """;

    static final String TOMCAT_BEANS_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    private Deployments() {
    }

    /** True when the suite runs on embedded Tomcat (the {@code tomcat} Maven profile). */
    public static boolean onTomcat() {
        return "tomcat".equals(System.getProperty("arquillian.launch"));
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
        return war(name, config, microProfileConfig, "");
    }

    /** The same, with the app's own {@code web.xml} elements (security constraints, roles) after the test app's. */
    public static WebArchive war(String name, Map<String, String> config, Map<String, String> microProfileConfig,
                                 String webXmlElements) {
        // With -Ptomcat the profile's runtime dependencies (the Tomcat bundle) are part of this list.
        File[] runtime = Maven.resolver().loadPomFromFile("pom.xml", onTomcat() ? new String[] {"tomcat"} : new String[0])
                .importCompileAndRuntimeDependencies().resolve().withTransitivity().asFile();
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(library())
                .addAsLibraries(runtime)
                .addClasses(WhoAmIServlet.class, TestApi.class, MeResource.class, GuardedResource.class,
                        SessionClockServlet.class,
                        HttpSessionServlet.class, EarlyFlushServlet.class, RateLimitProbeServlet.class)
                .setWebXML(new StringAsset(webXml(name, config).replace("</web-app>", webXmlElements + "</web-app>")))
                .addAsResource(new StringAsset(microProfileConfig.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"))),
                        "META-INF/microprofile-config.properties");
        if (onTomcat()) {
            // Weld binds the BeanManager in JNDI only for a WAR that is a bean archive of its own.
            war.addAsManifestResource(new StringAsset(TOMCAT_CONTEXT_XML), "context.xml")
                    .addAsWebInfResource(new StringAsset(TOMCAT_BEANS_XML), "beans.xml");
        }
        return war;
    }

    /**
     * A copy of a WAR built by {@link #war(String, Map)} under another name and with another configuration, without
     * resolving the dependencies again (for tests that deploy one application in several configurations).
     */
    public static WebArchive reconfigured(WebArchive war, String name, Map<String, String> config) {
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(war)
                .setWebXML(new StringAsset(webXml(name, config)));
    }

    /** The same, with more {@code web.xml} elements (servlets, mappings) inside {@code <web-app>}. */
    public static WebArchive reconfigured(WebArchive war, String name, Map<String, String> config, String webXmlElements) {
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(war)
                .setWebXML(new StringAsset(webXml(name, config).replace("</web-app>", webXmlElements + "\n</web-app>")));
    }

    /** A scenario's value for an option it leaves to the library's default (not set in web.xml at all). */
    public static final String UNSET = "(unset)";

    private static String webXml(String name, Map<String, String> scenario) {
        Map<String, String> config = new java.util.TreeMap<>(scenario);
        if (onTomcat()) {
            // Tomcat has no default data source: the library opens its own, one in-memory database per WAR.
            config.putIfAbsent("better-auth.database.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
        // Tests reach the server at 127.0.0.1:<random port> and send that as their Origin.
        config.putIfAbsent("better-auth.trusted-origins", "http://127.0.0.1:*");
        // Tests sign in many times from 127.0.0.1; a test that checks the rate limit opts in.
        config.putIfAbsent("better-auth.rate-limit.enabled", "false");
        // Email and password and the sessions page are off by default (Better Auth's default; ours): the scenarios
        // sign in with them, a test that checks the defaults sets them itself.
        config.putIfAbsent("better-auth.email-and-password.enabled", "true");
        config.putIfAbsent("better-auth.sessions-page.enabled", "true");
        config.values().removeIf(UNSET::equals);
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
