package io.betterauth.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples compile against the library as built (as jjwt runs its README examples): every
 * {@code ```java} block of {@code README.md} is wrapped as its marker says and compiled with {@code javax.tools}
 * against the test class path, in a package of its own, so an example can use the public API only. A class or
 * method an example names that does not exist (renamed, moved, never written) fails the build here.
 *
 * <p>Each block carries a marker on the line above it, an HTML comment that Markdown does not show:
 * {@code <!-- example: NAME ... -->}. {@link #WRAPPERS} says, per NAME, what the block is:
 * <ul>
 *   <li>{@link Shape#COMPILATION_UNIT}: type declarations, compiled as a file of their own;</li>
 *   <li>{@link Shape#MEMBERS}: methods and fields of a class;</li>
 *   <li>{@link Shape#STATEMENTS}: statements of a method; leading lines that start with an annotation
 *       ({@code @Inject BetterAuthApi auth;}) are fields of the class around it.</li>
 * </ul>
 * and which declarations the example takes as given ({@code request}, a {@code log}, …). Every example gets the
 * wildcard imports of the public API ({@link #PUBLIC_API}: {@code api}, {@code spi} and their sub-packages, found on
 * the class path, so a class moving between them needs no change here) and of the Jakarta and JDK packages the
 * README's snippets use; {@code …} in a block stands for elided code.
 *
 * <p>Besides the blocks, every fully qualified {@code io.betterauth.jakarta…Class} name anywhere in the README (prose,
 * XML) must name a class that exists.
 */
class ReadmeExamplesTest {

    static final Path README = Path.of("README.md");

    /** The packages a README example may use unqualified: the library's public API and the platform's. */
    static final List<String> PUBLIC_API = List.of("io.betterauth.jakarta.api", "io.betterauth.jakarta.spi",
            "io.betterauth.jakarta.jsonb");
    static final List<String> PLATFORM_IMPORTS = List.of("jakarta.inject", "jakarta.enterprise.context",
            "jakarta.enterprise.event", "jakarta.ws.rs", "jakarta.ws.rs.core", "jakarta.ws.rs.ext", "jakarta.json.bind",
            "jakarta.servlet.http", "java.util");

    /** How each README example is compiled, by the name in its marker. */
    static final Map<String, Wrapper> WRAPPERS = merged(Map.of(
            "own-mechanism", new Wrapper(Shape.COMPILATION_UNIT,
                    "class ApiKeys { boolean isValid(String key) { return false; } }"),
            "password-hasher", new Wrapper(Shape.COMPILATION_UNIT, "")), Map.of(
            "api-calls", new Wrapper(Shape.STATEMENTS,
                    "HttpServletRequest request; HttpServletResponse response; String email; String password;"),
            "require-session", new Wrapper(Shape.COMPILATION_UNIT, ""),
            "session-customizer", new Wrapper(Shape.COMPILATION_UNIT, ""),
            "customizer-record", new Wrapper(Shape.COMPILATION_UNIT, ""),
            "jsonb-provider", new Wrapper(Shape.COMPILATION_UNIT, ""),
            "jsonb-endpoint", new Wrapper(Shape.COMPILATION_UNIT, ""),
            "event-observers", new Wrapper(Shape.MEMBERS,
                    "java.util.logging.Logger log; boolean blocked(String ipAddress) { return false; }"),
            "admin-api", new Wrapper(Shape.STATEMENTS, "String userId; String sessionId;"),
            "server-form", new Wrapper(Shape.STATEMENTS,
                    "HttpServletRequest request; HttpServletResponse response; String userId;"),
            "storage-contract", new Wrapper(Shape.COMPILATION_UNIT, """
                    class MyStorage implements io.betterauth.jakarta.spi.SecondaryStorage {
                        MyStorage(String address) { }
                        public java.util.Optional<String> get(String key) { return java.util.Optional.empty(); }
                        public void set(String key, String value, java.time.Duration ttl) { }
                        public void delete(String key) { }
                    }
                    """)));

    @SafeVarargs
    static Map<String, Wrapper> merged(Map<String, Wrapper>... parts) {
        Map<String, Wrapper> all = new java.util.HashMap<>();
        for (Map<String, Wrapper> part : parts) {
            all.putAll(part);
        }
        return Map.copyOf(all);
    }

    enum Shape { COMPILATION_UNIT, MEMBERS, STATEMENTS }

    /**
     * What a block is, and the declarations it takes as given: fields and methods of the class around it, or, for a
     * compilation unit, other top-level types.
     */
    record Wrapper(Shape shape, String given) {
    }

    /** One {@code ```java} block: its marker's name (null without one), the README line of its first code line. */
    record Block(String name, int firstLine, List<String> lines) {
    }

    static final Pattern MARKER = Pattern.compile("^<!--\\s*example:\\s*([\\w-]+).*-->\\s*$");
    static final Pattern QUALIFIED_CLASS =
            Pattern.compile("io\\.betterauth\\.jakarta(?:\\.[a-z][a-z0-9_]*)*\\.[A-Z][A-Za-z0-9_]*");

    @TempDir
    Path classes;

    // ---------------------------------------------------------------------------------------------------- the tests

    @Test
    void everyJavaBlock_hasAMarker_andEveryWrapperAnExample() throws IOException {
        List<Block> blocks = javaBlocks(Files.readAllLines(README, StandardCharsets.UTF_8));
        assertThat(blocks).as("```java blocks in README.md").isNotEmpty();
        for (Block b : blocks) {
            assertThat(b.name()).as("README.md:" + b.firstLine() + ": a ```java block needs a marker on the line"
                    + " above it, <!-- example: NAME -->, and ReadmeExamplesTest.WRAPPERS a wrapper for NAME")
                    .isNotNull();
            assertThat(WRAPPERS).as("README.md:" + b.firstLine() + ": no wrapper in ReadmeExamplesTest.WRAPPERS")
                    .containsKey(b.name());
        }
        assertThat(blocks.stream().map(Block::name).toList()).as("example names").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(WRAPPERS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyJavaExample_compiles() throws IOException {
        return javaBlocks(Files.readAllLines(README, StandardCharsets.UTF_8)).stream()
                .filter(b -> WRAPPERS.containsKey(b.name()))
                .map(b -> DynamicTest.dynamicTest("README.md:" + b.firstLine() + " " + b.name(), () -> {
                    List<String> errors = compile(b, WRAPPERS.get(b.name()), classes.resolve(b.name()));
                    assertThat(errors).as("README.md:%d (example %s) does not compile against the library",
                            b.firstLine(), b.name()).isEmpty();
                }));
    }

    @Test
    void everyQualifiedClassName_inTheReadme_exists() throws IOException {
        Set<String> missing = new TreeSet<>();
        Matcher m = QUALIFIED_CLASS.matcher(Files.readString(README, StandardCharsets.UTF_8));
        int found = 0;
        while (m.find()) {
            found++;
            try {
                Class.forName(m.group(), false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                missing.add(m.group());
            }
        }
        assertThat(found).as("qualified class names in README.md").isPositive();
        assertThat(missing).as("classes README.md names that do not exist").isEmpty();
    }

    /** The harness itself: an example naming a class or a method that does not exist does not compile. */
    @Test
    void anExampleNamingAMissingClassOrMethod_failsToCompile() throws IOException {
        Wrapper statements = WRAPPERS.get("api-calls");
        assertThat(compile(block("@Inject BetterAuthApi auth;",
                "ApiResult<List<Session>> devices = auth.listSessions(request, GetSessionOptions.DEFAULT);"),
                statements, classes.resolve("fine"))).as("the same example with names that exist").isEmpty();
        assertThat(compile(block("@Inject BetterAuthApi auth;",
                "ApiResult<List<Session>> devices = auth.listAllSessions(request, GetSessionOptions.DEFAULT);"),
                statements, classes.resolve("method"))).singleElement().asString()
                .startsWith("README.md:2:").contains("cannot find symbol").contains("listAllSessions");
        assertThat(compile(block("@ApplicationScoped", "public class Guard implements SessionGuard {", "}"),
                WRAPPERS.get("session-customizer"), classes.resolve("class"))).isNotEmpty()
                .anySatisfy(e -> assertThat(e).contains("cannot find symbol").contains("SessionGuard"));
        assertThat(compile(block("void audit(@Observes SessionEvent e) { log.info(e.sessionToken()); }"),
                WRAPPERS.get("event-observers"), classes.resolve("member"))).singleElement().asString()
                .contains("cannot find symbol").contains("sessionToken");
    }

    // ------------------------------------------------------------------------------------------------ the README

    /** The {@code ```java} blocks, each with the name of the marker right above its fence (blank lines between allowed). */
    static List<Block> javaBlocks(List<String> readme) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (!readme.get(i).strip().equals("```java")) {
                continue;
            }
            String name = null;
            for (int j = i - 1; j >= 0 && name == null; j--) {
                if (readme.get(j).isBlank()) {
                    continue;
                }
                Matcher m = MARKER.matcher(readme.get(j).strip());
                name = m.matches() ? m.group(1) : "";
                if (name.isEmpty()) {
                    break;
                }
            }
            int start = i + 1;
            int end = start;
            while (end < readme.size() && !readme.get(end).strip().startsWith("```")) {
                end++;
            }
            blocks.add(new Block(name == null || name.isEmpty() ? null : name, start + 1,
                    List.copyOf(readme.subList(start, end))));
            i = end;
        }
        return blocks;
    }

    static Block block(String... lines) {
        return new Block("synthetic", 1, List.of(lines));
    }

    // ----------------------------------------------------------------------------------------------- compilation

    /**
     * Compiles the block as its wrapper says: the errors, each as {@code README.md:<line>: <message>} (the line of
     * the block it is on, or of the wrapper's code when the error is there).
     */
    static List<String> compile(Block block, Wrapper wrapper, Path out) throws IOException {
        Source source = source(block, wrapper);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler (javax.tools)").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(out);
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none",
                    "-implicit:none", "-Xlint:none", "-nowarn", "-encoding", "UTF-8");
            javac.getTask(null, files, diagnostics, options, null, List.of(source)).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                long line = d.getLineNumber();
                Integer readmeLine = source.readmeLines().get((int) line);
                errors.add((readmeLine != null ? "README.md:" + readmeLine : "wrapper line " + line) + ": "
                        + d.getMessage(Locale.ROOT) + "\n--- as compiled ---\n" + source.numbered());
            }
        }
        return errors;
    }

    /** A generated source file, with the README line of each of its lines that came from the block. */
    static final class Source extends SimpleJavaFileObject {

        private final String code;
        private final Map<Integer, Integer> readmeLines;

        Source(String className, String code, Map<Integer, Integer> readmeLines) {
            super(URI.create("string:///readme/example/" + className + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
            this.readmeLines = readmeLines;
        }

        Map<Integer, Integer> readmeLines() {
            return readmeLines;
        }

        String numbered() {
            String[] lines = code.split("\n", -1);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                b.append(String.format(Locale.ROOT, "%3d| %s%n", i + 1, lines[i]));
            }
            return b.toString();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    static final Pattern PUBLIC_TYPE =
            Pattern.compile("^public\\s+(?:(?:final|abstract|sealed)\\s+)*(?:class|interface|record|enum|@interface)"
                    + "\\s+(\\w+)", Pattern.MULTILINE);

    static Source source(Block block, Wrapper wrapper) {
        List<String> code = new ArrayList<>();
        Map<Integer, Integer> readmeLines = new LinkedHashMap<>();
        code.add("package readme.example;");
        for (String p : imports()) {
            code.add("import " + p + ".*;");
        }
        List<String> lines = block.lines().stream().map(l -> l.replace("…", "/* … */")).toList();
        String className = "Example";
        switch (wrapper.shape()) {
            case COMPILATION_UNIT -> {
                Matcher m = PUBLIC_TYPE.matcher(String.join("\n", lines));
                if (m.find()) {
                    className = m.group(1);
                }
                add(code, readmeLines, block, lines, 0, lines.size());
                code.add(wrapper.given());
            }
            case MEMBERS -> {
                code.add("class Example { " + wrapper.given());
                add(code, readmeLines, block, lines, 0, lines.size());
                code.add("}");
            }
            case STATEMENTS -> {
                int fields = 0;
                while (fields < lines.size() && (lines.get(fields).strip().startsWith("@")
                        || lines.get(fields).isBlank())) {
                    fields++;
                }
                code.add("class Example { " + wrapper.given());
                add(code, readmeLines, block, lines, 0, fields);
                code.add("void example() throws Exception {");
                add(code, readmeLines, block, lines, fields, lines.size());
                code.add("} }");
            }
            default -> throw new IllegalStateException(wrapper.shape().toString());
        }
        return new Source(className, String.join("\n", code) + "\n", readmeLines);
    }

    private static void add(List<String> code, Map<Integer, Integer> readmeLines, Block block, List<String> lines,
                            int from, int to) {
        for (int i = from; i < to; i++) {
            code.add(lines.get(i));
            readmeLines.put(code.size(), block.firstLine() + i);
        }
    }

    /** The public API's packages and sub-packages present on the class path, then the platform's. */
    static List<String> imports() {
        List<String> packages = new ArrayList<>();
        for (String root : PUBLIC_API) {
            packages.addAll(packagesUnder(root));
        }
        assertThat(packages).as("the public API packages " + PUBLIC_API + " on the class path").isNotEmpty();
        packages.addAll(PLATFORM_IMPORTS);
        return packages;
    }

    /** {@code root} and its sub-packages that hold classes, from the directory the build compiled them to. */
    static List<String> packagesUnder(String root) {
        URL url = ReadmeExamplesTest.class.getClassLoader().getResource(root.replace('.', '/'));
        if (url == null) {
            return List.of();
        }
        if (!url.getProtocol().equals("file")) {
            return List.of(root); // from a jar: the root only
        }
        try (Stream<Path> dirs = Files.walk(Path.of(url.toURI()))) {
            Path base = Path.of(url.toURI());
            return dirs.filter(Files::isDirectory).filter(ReadmeExamplesTest::holdsClasses)
                    .map(d -> root + (d.equals(base) ? "" : "." + base.relativize(d).toString()
                            .replace(File.separatorChar, '.')))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean holdsClasses(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class path: Surefire's (its JVM may see only a manifest-only booter jar), else this JVM's. */
    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
