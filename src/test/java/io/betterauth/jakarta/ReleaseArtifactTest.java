package io.betterauth.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The published artifacts as {@code package} built them (issue 18): the library JAR holds the library only, with its
 * licence and an {@code Automatic-Module-Name}; the sources and javadoc JARs exist beside it; the README's "Install"
 * section and the CHANGELOG name the POM's version and dependency versions. Run by the {@code release-artifacts}
 * execution in {@code verify} (after {@code package}); on its own it needs {@code mvn -DskipTests package} first.
 */
class ReleaseArtifactTest {

    private static final Path POM = Path.of("pom.xml");
    private static final Path TARGET = Path.of("target");
    private static final String ARTIFACT = "better-auth-jakarta";

    private static String pom() throws IOException {
        return Files.readString(POM, StandardCharsets.UTF_8);
    }

    /** The project's own version: the {@code <version>} right after its {@code <artifactId>}. */
    private static String version() throws IOException {
        Matcher m = Pattern.compile("<artifactId>" + ARTIFACT + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom());
        assertThat(m.find()).as("pom.xml names the project's version").isTrue();
        return m.group(1);
    }

    private static String property(String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom());
        assertThat(m.find()).as("pom.xml property " + name).isTrue();
        return m.group(1);
    }

    private static Path artifact(String classifier) throws IOException {
        Path jar = TARGET.resolve(ARTIFACT + "-" + version() + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
        assertThat(jar).as("%s: built by `mvn package` (run `mvn -DskipTests package` before this test alone)", jar)
                .isRegularFile();
        return jar;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void theJarCarriesTheLicenceAndAnAutomaticModuleName() throws IOException {
        try (JarFile jar = new JarFile(artifact("").toFile())) {
            ZipEntry licence = jar.getEntry("META-INF/LICENSE");
            assertThat(licence).as("META-INF/LICENSE in the JAR").isNotNull();
            String text = new String(jar.getInputStream(licence).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).isEqualTo(Files.readString(Path.of("LICENSE"), StandardCharsets.UTF_8))
                    .contains("Copyright (c) 2026 the better-auth-jakarta authors")
                    .contains("Portions derived from Better Auth")
                    .contains("Copyright (c) 2024 - present, Bereket Engida");
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("io.betterauth.jakarta");
            // WildFly gives Hibernate's module to the library's persistence unit only through this line.
            assertThat(manifest.getMainAttributes().getValue("Dependencies")).isEqualTo("org.hibernate optional");
        }
    }

    @Test
    void theJarHoldsTheLibraryOnly() throws IOException {
        List<String> entries = entries(artifact(""));
        assertThat(entries).as("library classes").contains("io/betterauth/jakarta/api/Session.class",
                "META-INF/web-fragment.xml", "META-INF/beans.xml", "META-INF/better-auth/schema/postgresql.sql");
        assertThat(entries).as("demo classes, webapp files or test classes in the library JAR")
                .noneMatch(e -> e.startsWith("io/betterauth/jakarta/demo/"))
                .noneMatch(e -> e.startsWith("WEB-INF/"))
                .noneMatch(e -> e.equals("index.html"))
                .noneMatch(e -> e.endsWith("Test.class") || e.endsWith("IT.class") || e.endsWith("Contract.class"));
        assertThat(entries).as("everything is the library's package or META-INF")
                .allMatch(e -> e.startsWith("io/betterauth/jakarta/") || e.startsWith("META-INF/")
                        || e.equals("io/") || e.equals("io/betterauth/"));
    }

    @Test
    void sourcesAndJavadocJarsAreBuiltBesideIt() throws IOException {
        assertThat(entries(artifact("sources"))).contains("io/betterauth/jakarta/api/Session.java",
                        "io/betterauth/jakarta/api/package-info.java", "META-INF/LICENSE")
                .noneMatch(e -> e.startsWith("io/betterauth/jakarta/demo/"));
        assertThat(entries(artifact("javadoc"))).contains("index.html",
                "io/betterauth/jakarta/api/Session.html", "io/betterauth/jakarta/spi/package-summary.html");
    }

    @Test
    void readmeInstallAndChangelogNameThePomsVersions() throws IOException {
        String version = version();
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("## Install")
                .contains("<artifactId>" + ARTIFACT + "</artifactId>\n  <version>" + version + "</version>")
                .contains("implementation(\"io.betterauth.jakarta:" + ARTIFACT + ":" + version + "\")")
                .contains("`org.bouncycastle:bcprov-jdk18on:" + property("bouncycastle.version") + "`")
                .contains("`com.nimbusds:nimbus-jose-jwt:" + property("nimbus-jose.version") + "`")
                .contains("`redis.clients:jedis:" + property("jedis.version") + "`")
                .doesNotContain("one runtime dependency");
        assertThat(readme.indexOf("## Install")).as("Install comes right after Quick start")
                .isGreaterThan(readme.indexOf("## Quick start"))
                .isLessThan(readme.indexOf("## What you get"));
        // every version of the artifact the README shows is the POM's
        Matcher shown = Pattern.compile("<artifactId>" + ARTIFACT + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(readme);
        while (shown.find()) {
            assertThat(shown.group(1)).as("README.md: a better-auth-jakarta version").isEqualTo(version);
        }
        String changelog = Files.readString(Path.of("CHANGELOG.md"), StandardCharsets.UTF_8);
        assertThat(changelog).contains("## [Unreleased]").containsPattern("(?m)^## \\[" + Pattern.quote(version)
                + "\\] - \\d{4}-\\d{2}-\\d{2}$");
    }
}
