package org.mwconform.expectations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mwconform.deployments.ConfigFiles;
import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.FileShape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A deployment's expectations file: {@code deviations:} keyed by scenario id and condition id, each with a reason. */
public final class Expectations {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The expectations file's shape: checked up front, and published as environments/schema/expectations.schema.json. */
    public static final FileShape.Obj SHAPE = FileShape.object("Known deviations of a deployment from the documentation: environments/NAME.expectations.yml")
            .key("include", FileShape.listOf("other expectations files, relative to this one (deviations of a MediaWiki version)",
                    FileShape.text("a path")))
            .key("deviations", FileShape.listOf("reviewed differences from the documentation", FileShape.object("one known deviation")
                    .requiredKey("scenario", FileShape.text("the scenario's @id"))
                    .requiredKey("condition", FileShape.text("the condition that fails (ids in org.mwconform.conditions.Conditions)"))
                    .requiredKey("reason", FileShape.text("why, with the MediaWiki source that causes it"))
                    .key("link", FileShape.text("a bug report or source reference"))));

    private final List<KnownDeviation> deviations;

    public Expectations(List<KnownDeviation> deviations) {
        this.deviations = List.copyOf(deviations);
    }

    public static Expectations none() {
        return new Expectations(List.of());
    }

    static final class File {
        /** Other expectations files, relative to this one: deviations that belong to a MediaWiki version, not a deployment. */
        public List<String> include = new ArrayList<>();
        public List<Entry> deviations = new ArrayList<>();
    }

    static final class Entry {
        public String scenario;
        public String condition;
        public String reason;
        public String link;
    }

    public static Expectations load(Path file) {
        if (file == null || !Files.exists(file)) {
            return none();
        }
        return new Expectations(read(file, new ArrayList<>()));
    }

    private static List<KnownDeviation> read(Path file, List<Path> including) {
        Path normalized = file.toAbsolutePath().normalize();
        if (including.contains(normalized)) {
            throw new ConfigurationException(file + ": includes itself (through " + including + ")");
        }
        if (!Files.exists(file)) {
            throw new ConfigurationException(file + ": included expectations file does not exist");
        }
        including.add(normalized);
        File parsed;
        try {
            JsonNode tree = ConfigFiles.read(file, "expectations file", SHAPE);
            parsed = tree.isMissingNode() ? null : YAML.treeToValue(tree, File.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(file + ": not a valid expectations file: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<KnownDeviation> deviations = new ArrayList<>();
        for (String include : parsed == null ? List.<String>of() : parsed.include) {
            deviations.addAll(read(file.resolveSibling(include), including));
        }
        for (Entry e : parsed == null ? List.<Entry>of() : parsed.deviations) {
            if (e.scenario == null || e.condition == null || e.reason == null || e.reason.isBlank()) {
                throw new ConfigurationException(file + ": every deviation needs scenario, condition and a reason (" + e.scenario + ")");
            }
            deviations.add(new KnownDeviation(e.scenario, e.condition, e.reason.strip(), e.link));
        }
        including.remove(normalized);
        return deviations;
    }

    /** The deployment's own entry wins over an included one: the last entry for a scenario counts. */
    public Optional<KnownDeviation> forScenario(String scenarioId) {
        return deviations.stream().filter(d -> d.scenario().equals(scenarioId)).reduce((first, last) -> last);
    }

    public List<KnownDeviation> all() {
        return deviations;
    }
}
