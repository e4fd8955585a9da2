package org.mwconform.deployments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local deployments of a checkout, by name: the project's own ({@code environments/*.yml} with {@code local:}) and
 * its examples' ({@code examples/NAME/mwconform.yml}'s environment files). Every file named is read and checked before
 * anything is started: a bad one is one line naming the file and the key.
 */
public final class LocalDeployments {
    private final Path home;
    private final DeploymentLoader loader = new DeploymentLoader();

    public LocalDeployments(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** The project's own local deployments: what {@code wiki up} and {@code run} start without names. */
    public List<Deployment> own() {
        return local(files(home.resolve("environments")));
    }

    /** The project's own and its examples'. */
    public List<Deployment> all() {
        List<Deployment> all = new ArrayList<>(own());
        all.addAll(examples());
        return all;
    }

    private List<Deployment> examples() {
        List<Path> files = new ArrayList<>();
        for (Path project : list(home.resolve("examples")).stream().map(d -> d.resolve(ProjectFile.NAME)).filter(Files::isRegularFile).toList()) {
            files.addAll(ProjectFile.environmentsOf(project));
        }
        return local(files);
    }

    /**
     * The deployments named: a name (of the project's own or an example's) or an environment file's path. Unknown
     * names and non-local files are configuration errors, all found before anything is started.
     */
    public List<Deployment> named(List<String> names) {
        Map<String, Deployment> known = new LinkedHashMap<>();
        List<Deployment> selected = new ArrayList<>();
        for (String name : names) {
            Deployment d;
            if (name.endsWith(".yml") || name.endsWith(".yaml") || name.contains("/")) {
                d = loader.load(Path.of(name).toAbsolutePath().normalize());
                if (!d.isLocal()) {
                    throw new ConfigurationException(name + ": local: missing: not a deployment this machine serves (only files with local: are)");
                }
            } else if (name.matches("[a-z0-9][a-z0-9.-]*") && Files.isRegularFile(home.resolve("environments").resolve(name + ".yml"))) {
                d = loader.load(home.resolve("environments").resolve(name + ".yml"));
                if (!d.isLocal()) {
                    throw new ConfigurationException(d.source() + ": local: missing: not a deployment this machine serves (only files with local: are)");
                }
            } else {
                if (known.isEmpty()) {
                    all().forEach(k -> known.put(k.name(), k));
                }
                d = known.get(name);
                if (d == null) {
                    throw new ConfigurationException("no local deployment named '" + name + "': environments/" + name
                            + ".yml does not exist (known: " + String.join(", ", known.keySet()) + ")");
                }
            }
            if (selected.stream().noneMatch(s -> s.name().equals(name) || s.source().equals(d.source()))) {
                selected.add(d);
            }
        }
        return selected;
    }

    private List<Deployment> local(List<Path> files) {
        List<Deployment> local = new ArrayList<>();
        for (Path f : files) {
            Deployment d = loader.load(f);
            if (d.isLocal()) {
                local.add(d);
            }
        }
        return local;
    }

    private static List<Path> files(Path folder) {
        return list(folder).stream().filter(p -> p.getFileName().toString().endsWith(".yml")
                && !p.getFileName().toString().endsWith(".expectations.yml") && Files.isRegularFile(p)).toList();
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new ConfigurationException(folder + ": cannot list: " + e.getMessage());
        }
    }
}
