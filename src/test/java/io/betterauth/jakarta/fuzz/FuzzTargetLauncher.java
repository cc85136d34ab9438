package io.betterauth.jakarta.fuzz;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the fuzz targets outside Surefire for {@code bin/fuzz}: {@code list} prints every {@code @FuzzTest} method of
 * the {@code *FuzzTest} classes as {@code Class#method}; {@code run Class#method} runs one of them (Jazzer fuzzes
 * only one target per JVM, so {@code bin/fuzz} starts one JVM per target with {@code JAZZER_FUZZ=1}) and exits
 * non-zero when it failed, i.e. when Jazzer reported a finding.
 */
public final class FuzzTargetLauncher {

    private FuzzTargetLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Launcher launcher = LauncherFactory.create();
        if (args.length == 1 && args[0].equals("list")) {
            for (String target : targets(launcher)) {
                System.out.println(target);
            }
            return;
        }
        if (args.length != 2 || !args[0].equals("run")) {
            System.err.println("usage: FuzzTargetLauncher list | run <class>#<method>");
            System.exit(2);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(Class.forName(args[1].split("#")[0]), fuzzTest(args[1]))).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.printFailuresTo(new PrintWriter(System.out, true), 50);
        summary.printTo(new PrintWriter(System.out, true));
        boolean ok = summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0;
        System.exit(ok ? 0 : 1);
    }

    /** The {@code @FuzzTest} method named by {@code Class#method} (fuzz targets are not overloaded). */
    private static Method fuzzTest(String target) throws ClassNotFoundException {
        String[] parts = target.split("#", 2);
        for (Method m : Class.forName(parts[0]).getDeclaredMethods()) {
            if (m.getName().equals(parts[1]) && m.isAnnotationPresent(FuzzTest.class)) {
                return m;
            }
        }
        throw new IllegalArgumentException("No @FuzzTest method " + target);
    }

    private static List<String> targets(Launcher launcher) throws ClassNotFoundException {
        TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("io.betterauth.jakarta"))
                .filters(includeClassNamePatterns(".*FuzzTest")).build());
        List<String> out = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            collect(plan, root, out);
        }
        return out;
    }

    private static void collect(TestPlan plan, TestIdentifier id, List<String> out) throws ClassNotFoundException {
        if (id.getSource().orElse(null) instanceof MethodSource m) {
            Method method = m.getJavaMethod();
            if (method.isAnnotationPresent(FuzzTest.class)) {
                out.add(m.getClassName() + "#" + m.getMethodName());
            }
            return;
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            collect(plan, child, out);
        }
    }
}
