package io.betterauth.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout the README's "Architecture" section describes, checked on the sources: which package may import which,
 * that plain-Java {@code core} sees no Servlet, JAX-RS, CDI, JPA or JDBC type, and that classes and packages stay
 * small enough to read. A change that breaks the map fails here with the offending file named.
 */
class LayoutTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final String ROOT = "io.betterauth.jakarta";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)(?:\\.\\*)?;", Pattern.MULTILINE);

    /** The library's packages each package may import (its own always allowed), by package prefix, first match wins. */
    private static final Map<String, List<String>> MAY_IMPORT = new java.util.LinkedHashMap<>();

    static {
        MAY_IMPORT.put("api.event", List.of("api"));
        MAY_IMPORT.put("api", List.of("api"));
        MAY_IMPORT.put("spi", List.of("api"));
        MAY_IMPORT.put("core.js", List.of());
        MAY_IMPORT.put("core.plugin.jwt.verify", List.of("api", "config", "core.plugin.jwt"));
        MAY_IMPORT.put("core", List.of("api", "spi", "config", "core"));
        MAY_IMPORT.put("config", List.of("api", "spi", "config", "core"));
        MAY_IMPORT.put("jsonb", List.of("api", "core.js"));
        MAY_IMPORT.put("store.memory", List.of("api", "spi"));
        MAY_IMPORT.put("store.redis", List.of("spi"));
        MAY_IMPORT.put("store", List.of("api", "spi", "config", "core", "store"));
        MAY_IMPORT.put("runtime", List.of("api", "spi", "config", "core", "store", "web", "rest"));
        MAY_IMPORT.put("web.tomcat", List.of("api", "web"));
        MAY_IMPORT.put("web", List.of("api", "spi", "config", "core", "runtime", "web"));
        MAY_IMPORT.put("rest", List.of("api", "spi", "config", "core", "runtime", "web", "jsonb"));
        MAY_IMPORT.put("health", List.of("spi", "runtime"));
        MAY_IMPORT.put("metrics", List.of("spi"));
    }

    /** Optional container APIs, each seen by one package only (beans.xml excludes it where the API is absent). */
    private static final Map<String, String> OPTIONAL_API_USERS = Map.of(
            "org.eclipse.microprofile.health", "health",
            "org.eclipse.microprofile.metrics", "metrics.mp",
            "io.micrometer", "metrics.micrometer");

    /** What plain-Java packages must not see: the container's APIs and JDBC. */
    private static final List<String> CONTAINER_APIS = List.of("jakarta.servlet", "jakarta.ws.rs",
            "jakarta.enterprise", "jakarta.inject", "jakarta.interceptor", "jakarta.persistence", "java.sql",
            "jakarta.security");

    /** Classes allowed past the size limit, each with the reason it is one job. */
    private static final Map<String, String> LONG_CLASSES = Map.of();

    private static final int MAX_LINES = 400;
    private static final int MAX_CLASSES_PER_PACKAGE = 15;

    @Test
    void everyPackage_importsOnlyWhatTheArchitectureMapAllows() {
        List<String> violations = new ArrayList<>();
        for (Source source : sources()) {
            String rel = source.relativePackage();
            List<String> allowed = allowedFor(rel);
            for (String imported : source.imports()) {
                if (!imported.startsWith(ROOT + ".")) {
                    continue;
                }
                String target = imported.substring(ROOT.length() + 1);
                if (target.startsWith(rel + ".") && Character.isUpperCase(target.charAt(rel.length() + 1))) {
                    continue;
                }
                boolean ok = allowed.stream().anyMatch(p -> target.startsWith(p + "."));
                if (!ok) {
                    violations.add(source.path() + " imports " + imported);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void plainJavaPackages_seeNoContainerApiAndNoJdbc() {
        List<String> violations = new ArrayList<>();
        for (Source source : sources()) {
            String rel = source.relativePackage();
            if (!(rel.startsWith("core") || rel.equals("spi") || rel.startsWith("config")
                    || rel.equals("api.event"))) {
                continue;
            }
            for (String imported : source.imports()) {
                if (CONTAINER_APIS.stream().anyMatch(api -> imported.startsWith(api + "."))) {
                    violations.add(source.path() + " imports " + imported);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void optionalContainerApis_areSeenOnlyByTheirOwnPackage() {
        List<String> violations = new ArrayList<>();
        for (Source source : sources()) {
            for (String imported : source.imports()) {
                OPTIONAL_API_USERS.forEach((api, owner) -> {
                    if (imported.startsWith(api + ".") && !source.relativePackage().equals(owner)) {
                        violations.add(source.path() + " imports " + imported);
                    }
                });
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void classesStayReadable_andLongOnesSayWhy() {
        List<String> tooLong = new ArrayList<>();
        for (Source source : sources()) {
            String name = source.relativePackage() + "." + source.simpleName();
            if (source.lines() > MAX_LINES && !LONG_CLASSES.containsKey(name)) {
                tooLong.add(name + " has " + source.lines() + " lines");
            }
        }
        assertThat(tooLong).isEmpty();
    }

    @Test
    void packagesStaySmall_andEachSaysItsPurpose() {
        Map<String, Integer> classes = new TreeMap<>();
        for (Source source : sources()) {
            if (!source.simpleName().equals("package-info")) {
                classes.merge(source.relativePackage(), 1, Integer::sum);
            }
        }
        assertThat(classes).allSatisfy((pkg, count) -> assertThat(count).as(pkg).isLessThanOrEqualTo(
                MAX_CLASSES_PER_PACKAGE));
        assertThat(classes.keySet()).allSatisfy(pkg -> assertThat(MAIN.resolve(
                (ROOT + "." + pkg).replace('.', '/')).resolve("package-info.java")).as(pkg).exists());
    }

    @Test
    void theReadmesArchitectureMap_namesEveryPackage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Architecture");
        assertThat(start).as("README has an Architecture section").isNotNegative();
        String map = readme.substring(start, readme.indexOf("**One request", start));
        java.util.Set<String> named = new java.util.HashSet<>();
        Matcher m = Pattern.compile("`([a-z][a-z.]*)`").matcher(map);
        while (m.find()) {
            named.add(m.group(1));
        }
        java.util.Set<String> packages = new java.util.TreeSet<>();
        for (Source source : sources()) {
            packages.add(source.relativePackage());
        }
        assertThat(packages).allSatisfy(pkg -> assertThat(named).as("README map names " + pkg).contains(pkg));
        assertThat(named.stream().filter(n -> n.contains(".") && MAY_IMPORT.keySet().stream()
                .anyMatch(k -> n.startsWith(k.split("\\.")[0] + "."))).toList())
                .as("every dotted package the map names exists").allSatisfy(n -> assertThat(packages).contains(n));
    }

    private static List<String> allowedFor(String pkg) {
        return MAY_IMPORT.entrySet().stream()
                .filter(e -> pkg.equals(e.getKey()) || pkg.startsWith(e.getKey() + "."))
                .findFirst().map(Map.Entry::getValue)
                .orElseThrow(() -> new AssertionError("package " + pkg + " is not on the architecture map"));
    }

    private record Source(Path path, String relativePackage, String simpleName, List<String> imports, long lines) {
    }

    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Source> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(p);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    throw new AssertionError(p + " has no package");
                }
                List<String> imports = new ArrayList<>();
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    imports.add(m.group(1));
                }
                String name = p.getFileName().toString().replace(".java", "");
                out.add(new Source(p, pkg.group(1).substring(ROOT.length() + 1), name, imports,
                        text.lines().count()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
