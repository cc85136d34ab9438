package io.betterauth.jakarta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A missing optional artifact is a start-up error naming it, checked before anything links against it. */
class OptionalDependenciesTest {

    /** The test class path, with the packages given hidden, as an application without those JARs sees it. */
    private static ClassLoader hiding(String... packages) {
        return new ClassLoader(OptionalDependenciesTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                for (String p : packages) {
                    if (name.startsWith(p)) {
                        throw new ClassNotFoundException(name);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
    }

    @Test
    void aRedisUrlWithoutJedis_namesTheArtifactToAdd() {
        assertThatThrownBy(() -> new OptionalDependencies(hiding("redis.clients.")).requireJedis())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("better-auth.secondary-storage.redis-url is set, but Jedis is not on the class path: add "
                        + "redis.clients:jedis:8.0.2 to the application (WEB-INF/lib), or remove the Redis URL");
        assertThatCode(() -> OptionalDependencies.ofLibrary().requireJedis()).doesNotThrowAnyException();
    }

    @Test
    void theJedisNamed_isThePomsJedis() throws Exception {
        Matcher m = Pattern.compile("<jedis.version>([^<]+)</jedis.version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        assertThat(OptionalDependencies.JEDIS).isEqualTo("redis.clients:jedis:" + m.group(1));
    }

    @Test
    void aDatabaseUrlWithoutItsDriver_namesTheDriversArtifact() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader hiding = hiding("org.sqlite.");
        thread.setContextClassLoader(hiding);
        try {
            assertThatThrownBy(() -> new OptionalDependencies(hiding).requireJdbcDriver("jdbc:sqlite:/tmp/app.db"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("better-auth.database.url is a jdbc:sqlite: URL, but its driver org.sqlite.JDBC is "
                            + "not on the class path: add org.xerial:sqlite-jdbc to the application (WEB-INF/lib) or "
                            + "to the server");
        } finally {
            thread.setContextClassLoader(previous);
        }
        OptionalDependencies library = OptionalDependencies.ofLibrary();
        assertThatCode(() -> library.requireJdbcDriver("jdbc:postgresql://127.0.0.1:5432/test"))
                .doesNotThrowAnyException();
        assertThatCode(() -> library.requireJdbcDriver("jdbc:h2:mem:x")).doesNotThrowAnyException();
        // A driver the library does not know is left to the connection, which names the URL's scheme.
        assertThatCode(() -> library.requireJdbcDriver("jdbc:unheardof://db")).doesNotThrowAnyException();
    }

    @Test
    void withoutJakartaPersistence_theLibrarysTablesNameAProvider() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader hiding = hiding("jakarta.persistence.");
        thread.setContextClassLoader(hiding);
        try {
            assertThatThrownBy(() -> new OptionalDependencies(hiding).requireJpaProvider())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("org.hibernate.orm:hibernate-core or org.eclipse.persistence:eclipselink")
                    .hasMessageContaining("jakarta.persistence:jakarta.persistence-api");
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertThatCode(() -> OptionalDependencies.ofLibrary().requireJpaProvider()).doesNotThrowAnyException();
    }
}
