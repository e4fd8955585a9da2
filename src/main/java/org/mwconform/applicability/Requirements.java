package org.mwconform.applicability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every {@link Requirement} on the class path, by name: the core's and those extensions register. */
public final class Requirements {
    public static final String TAG_PREFIX = "@needs:";
    private final Map<String, Requirement> byName;
    private final ClassLoader loader;

    private Requirements(Map<String, Requirement> byName, ClassLoader loader) {
        this.byName = byName;
        this.loader = loader;
    }

    /** The requirements registered through ServiceLoader; two with one name are a configuration error. */
    public static Requirements load(ClassLoader loader) {
        Map<String, Requirement> byName = new LinkedHashMap<>();
        for (Requirement requirement : ServiceLoader.load(Requirement.class, loader)) {
            Requirement earlier = byName.put(requirement.name(), requirement);
            if (earlier != null) {
                throw new IllegalStateException("two requirements are named '" + requirement.name() + "': "
                        + earlier.getClass().getName() + " and " + requirement.getClass().getName());
            }
        }
        return new Requirements(Map.copyOf(byName), loader);
    }

    public Optional<Requirement> forTag(String tag) {
        return tag.startsWith(TAG_PREFIX) ? Optional.ofNullable(byName.get(tag.substring(TAG_PREFIX.length()))) : Optional.empty();
    }

    /** The requirement a {@code @needs:} tag names; an unknown one is a defect of the scenario, never a pass. */
    public Requirement require(String tag) {
        return forTag(tag).orElseThrow(() -> new IllegalStateException(unknown(tag, Path.of("").toAbsolutePath())));
    }

    /**
     * Why {@code tag} names no requirement, and what to do: when a folder under {@code workingFolder} registers
     * requirements that are not on the class path (built, but not given), the likely fix is to give it.
     */
    public String unknown(String tag, Path workingFolder) {
        String services = "META-INF/services/" + Requirement.class.getName();
        List<Path> notGiven = registeredButNotGiven(services, workingFolder);
        String known = "known: " + String.join(", ", names());
        if (!notGiven.isEmpty()) {
            String folder = notGiven.get(0).toString();
            return "unknown requirement tag " + tag + " (" + known + "); " + folder + " registers requirements (" + services
                    + ") but is not on the classpath: give it with --classpath " + folder + " (or classpath: [" + folder + "] in mwconform.yml)";
        }
        return "unknown requirement tag " + tag + " (" + known + "); an extension's requirement is a class registered in " + services
                + ", built (mvn test-compile) and given with --classpath target/test-classes (or classpath: in mwconform.yml)";
    }

    /** Class folders under {@code workingFolder} (a few levels down) that hold {@code services} but are not on this class path. */
    private List<Path> registeredButNotGiven(String services, Path workingFolder) {
        java.util.Set<Path> given = new java.util.HashSet<>();
        try {
            for (java.net.URL url : java.util.Collections.list(loader.getResources(services))) {
                if ("file".equals(url.getProtocol())) {
                    given.add(Path.of(url.toURI()).toAbsolutePath().normalize());
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            // nothing known as given: every registration found on disk is named
        }
        String fileName = Requirement.class.getName();
        try (Stream<Path> files = Files.find(workingFolder, 5, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(fileName)
                && p.getParent() != null && p.getParent().endsWith("META-INF/services"))) {
            return files.map(p -> p.toAbsolutePath().normalize()).filter(p -> !given.contains(p))
                    .map(p -> workingFolder.relativize(p.getParent().getParent().getParent())).sorted().toList();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    public Collection<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
