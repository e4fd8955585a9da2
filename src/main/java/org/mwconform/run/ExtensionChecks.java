package org.mwconform.run;

import io.cucumber.core.resource.ClasspathScanner;
import org.mwconform.applicability.Requirements;
import org.mwconform.catalogue.StepCatalogue;
import org.mwconform.catalogue.StepOrder;
import org.mwconform.deployments.Suite;
import org.mwconform.features.ScenarioCatalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What can be wrong with an extension's features, glue and classpath, found before a run sends anything and said in
 * one line with the fix: glue with no class on the classpath, a {@code @needs:} tag no requirement answers, a step
 * used before the step it needs.
 */
final class ExtensionChecks {
    private ExtensionChecks() {
    }

    /**
     * An extension's features, checked against the step catalogue before anything is sent: a step used before the
     * step it needs is one line naming the step that must come first. (The core's features are checked by a test.)
     */
    static List<String> check(Collection<Suite> suites, List<Path> classpath, Path workingFolder) {
        Map<List<String>, List<String>> featuresByGlue = new LinkedHashMap<>();
        suites.forEach(s -> s.features().stream().filter(f -> !Suite.CORE.equals(f))
                .forEach(f -> featuresByGlue.computeIfAbsent(s.allGlue(), g -> new ArrayList<>()).add(f)));
        if (featuresByGlue.isEmpty()) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        ClassLoader loader = ExtensionChecks.class.getClassLoader();
        try (URLClassLoader extensions = new URLClassLoader("mwconform-step-order",
                classpath.stream().map(ExtensionChecks::url).toArray(URL[]::new), loader)) {
            Requirements requirements = Requirements.load(extensions);
            for (Map.Entry<List<String>, List<String>> e : featuresByGlue.entrySet()) {
                glueOnClasspath(e.getKey(), extensions, workingFolder);
                StepOrder order = new StepOrder(
                        StepCatalogue.read(e.getKey(), extensions));
                List<ScenarioCatalogue> catalogues = e.getValue().stream().distinct()
                        .map(f -> ScenarioCatalogue.load(Path.of(f))).toList();
                // A @needs: tag no requirement answers: one line now, naming the classpath when that is the likely fix.
                catalogues.stream().flatMap(c -> c.all().stream()).flatMap(sc -> sc.tags().stream())
                        .filter(t -> t.startsWith(Requirements.TAG_PREFIX))
                        .filter(t -> requirements.forTag(t).isEmpty()).findFirst()
                        .ifPresent(t -> {
                            throw new UsageException(requirements.unknown(t, workingFolder));
                        });
                List<String> problems = catalogues.stream().flatMap(c -> order.problems(c).stream()).toList();
                if (!problems.isEmpty()) {
                    throw new UsageException(problems.get(0) + (problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)"));
                }
                // An extension's feature without its name would be counted as the page's documented contract.
                catalogues.stream().flatMap(c -> c.all().stream())
                        .filter(sc -> org.mwconform.report.ScenarioResult.extensionOf(sc.tags()) == null)
                        .map(ScenarioCatalogue.Scenario::file).distinct()
                        .forEach(f -> notes.add(f + ": no @extension:NAME tag on the feature, so its scenarios count as the documented"
                                + " contract of \"API:Account creation\"; tag the feature with its extension's name"));
            }
            return notes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each glue package of an extension has classes on the class path: else the classpath is what is missing. */
    private static void glueOnClasspath(List<String> glue, ClassLoader loader, Path workingFolder) {
        ClasspathScanner scanner = new ClasspathScanner(() -> loader);
        for (String g : glue) {
            if (!Suite.CORE_GLUE.equals(g) && scanner.scanForClassesInPackage(g).isEmpty()) {
                String folder = g.replace('.', '/');
                String built = List.of("target/test-classes", "target/classes").stream()
                        .filter(c -> Files.isDirectory(workingFolder.resolve(c).resolve(folder))).findFirst().orElse(null);
                throw new UsageException("glue " + g + ": no class of this package is on the classpath; " + (built != null
                        ? "it is built in " + built + ": give it with --classpath " + built + " (or classpath: [" + built + "] in mwconform.yml)"
                        : "build it (mvn test-compile) and give its folder with --classpath target/test-classes (or classpath: in mwconform.yml)"));
            }
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new UsageException("--classpath: not a usable path: " + path);
        }
    }

}
