package org.mwconform.deployments;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mwconform.yml}: what an extension's repository adds to a run, so {@code mwconform run} needs no options
 * there. Paths are relative to the file.
 * <pre>
 * name: accept-terms                               # the project's name (default: its folder's); runs of other projects are no baseline
 * reports: reports                                 # where its runs are written (default: reports, beside this file)
 * features: [core, src/test/resources/features]   # 'core' also runs the core contract
 * glue: [org.example.acceptterms]                  # beside the core's org.mwconform.steps
 * classpath: [target/test-classes]                 # where the glue's classes are (built by mvn test-compile)
 * environments: [environments/accept-terms.yml]    # the default --env files
 * </pre>
 *
 * @param classpath    absolute folders or jars where the project's glue is
 * @param environments absolute environment files
 * @param name         the project's name, recorded with each of its runs
 * @param reports      the absolute reports folder of its runs
 */
public record ProjectFile(Path source, Suite suite, List<Path> classpath, List<Path> environments, String name, Path reports) {
    public static final String NAME = "mwconform.yml";
    /** The reports folder of a project that names none, beside its mwconform.yml. */
    public static final String DEFAULT_REPORTS = "reports";

    public static final FileShape.Obj SHAPE = FileShape.object("What an extension's repository adds to a mwconform run: mwconform.yml")
            .key("name", FileShape.text("the project's name, recorded with its runs (default: the folder's name); "
                    + "runs of other projects are never compared with its runs"))
            .key("reports", FileShape.text("where its runs are written, relative to this file (default: reports)"))
            .key("features", FileShape.listOf("feature folders or files, relative to this file; 'core' names the core contract",
                    FileShape.text("a folder, a .feature file, or core")))
            .key("glue", FileShape.listOf("glue packages beside the core's org.mwconform.steps", FileShape.text("a Java package")))
            .key("classpath", FileShape.listOf("folders or jars holding the glue's classes, relative to this file",
                    FileShape.text("a folder or a jar")))
            .key("environments", FileShape.listOf("the environment files run by default, relative to this file",
                    FileShape.text("an environment file")));

    /** The project file in {@code folder}, if there is one. */
    public static java.util.Optional<ProjectFile> in(Path folder) {
        Path file = folder.resolve(NAME);
        return Files.isRegularFile(file) ? java.util.Optional.of(load(file)) : java.util.Optional.empty();
    }

    /** Only the environment files a project file names (its glue need not be built yet). */
    public static List<Path> environmentsOf(Path file) {
        return environments(file, ConfigFiles.read(file, "project file", SHAPE));
    }

    private static List<Path> environments(Path file, JsonNode tree) {
        Path folder = file.toAbsolutePath().getParent();
        List<Path> environments = new ArrayList<>();
        tree.path("environments").forEach(e -> {
            Path env = folder.resolve(e.asText()).normalize();
            if (!Files.isRegularFile(env)) {
                throw new ConfigurationException(file + ": environments: no file '" + e.asText() + "'");
            }
            environments.add(env);
        });
        return List.copyOf(environments);
    }

    public static ProjectFile load(Path file) {
        JsonNode tree = ConfigFiles.read(file, "project file", SHAPE);
        Path folder = file.toAbsolutePath().getParent();
        List<String> features = new ArrayList<>();
        tree.path("features").forEach(f -> features.add(DeploymentLoader.feature(file, f.asText())));
        List<String> glue = new ArrayList<>();
        tree.path("glue").forEach(g -> glue.add(DeploymentLoader.glue(file, g.asText())));
        List<Path> classpath = new ArrayList<>();
        tree.path("classpath").forEach(c -> {
            Path entry = folder.resolve(c.asText()).normalize();
            if (!Files.exists(entry)) {
                throw new ConfigurationException(file + ": classpath: '" + c.asText() + "' does not exist yet: build it first (mvn test-compile)");
            }
            classpath.add(entry);
        });
        String name = tree.path("name").asText(folder.getFileName() == null ? "project" : folder.getFileName().toString());
        Path reports = folder.resolve(tree.path("reports").asText(DEFAULT_REPORTS)).normalize();
        return new ProjectFile(file, new Suite(features, glue), List.copyOf(classpath), environments(file, tree), name, reports);
    }
}
