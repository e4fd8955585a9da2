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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/** A deployment's expectations file: {@code deviations:} keyed by scenario id and condition id, each with a reason. */
public final class Expectations {
    /** Side-effect guards: a wiki that fails one of these never gets a reviewed pass. */
    public static final Set<String> NEVER_A_DEVIATION = Set.of("users.no-account");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The expectations file's shape: checked up front, and published as environments/schema/expectations.schema.json. */
    public static final FileShape.Obj SHAPE = FileShape.object("Known deviations of a deployment from the documentation: environments/NAME.expectations.yml")
            .key("include", FileShape.listOf("the harness's reviewed deviations of a MediaWiki version by name (mediawiki-1.39),"
                    + " or other expectations files, relative to this one", FileShape.text("mediawiki-X.Y, or a path")))
            .key("deviations", FileShape.listOf("reviewed differences from the documentation", FileShape.object("one known deviation")
                    .requiredKey("scenario", FileShape.text("the scenario's @id"))
                    .requiredKey("condition", FileShape.text("the condition that fails (ids in org.mwconform.conditions.Conditions)"))
                    .requiredKey("observed", FileShape.mapOf("what the wiki answers at that condition, compared exactly"
                            + " (e.g. {error.code: missingparam}); any other answer stays a failure", FileShape.text("an observed value")))
                    .requiredKey("reason", FileShape.text("why, with the MediaWiki source that causes it"))
                    .key("link", FileShape.text("a bug report or source reference"))));

    /** An include naming the harness's reviewed deviations of a MediaWiki version, found inside its jar. */
    private static final java.util.regex.Pattern REVIEWED = java.util.regex.Pattern.compile("mediawiki-\\d+\\.\\d+");
    /** Where the reviewed files are inside the jar (the build copies environments/expectations/ there). */
    private static final String REVIEWED_RESOURCES = "/org/mwconform/expectations/";

    private final List<KnownDeviation> deviations;
    /** Whether a MediaWiki version's reviewed file was included: then no other is added for the wiki's version. */
    private final boolean versionChosen;

    public Expectations(List<KnownDeviation> deviations) {
        this(deviations, false);
    }

    private Expectations(List<KnownDeviation> deviations, boolean versionChosen) {
        this.deviations = List.copyOf(deviations);
        this.versionChosen = versionChosen;
    }

    /** The version's reviewed deviations, with what this came with. */
    public record ForVersion(Expectations expectations, String note) {
    }

    /**
     * These expectations for a wiki that reports {@code mediawikiVersion}: unless a version's reviewed file is already
     * included, the harness's reviewed deviations of that version come first (the deployment's own entries win). The
     * note says, in one line, when the harness has none for that version.
     */
    public ForVersion forVersion(String mediawikiVersion) {
        if (versionChosen || mediawikiVersion == null) {
            return new ForVersion(this, null);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+\\.\\d+)").matcher(mediawikiVersion);
        if (!m.find()) {
            // A generator that names no MediaWiki release (the harness's own stand-in wiki, a fork): no release's reviews apply.
            return new ForVersion(this, null);
        }
        String name = "mediawiki-" + m.group(1);
        Path reviewed = reviewedFile(name);
        if (reviewed == null) {
            return new ForVersion(this, "MediaWiki " + mediawikiVersion + ": the harness has no reviewed deviations for this version,"
                    + " so every difference from the documentation counts as failed (review them in this deployment's expectations file)");
        }
        List<KnownDeviation> all = new ArrayList<>(read(reviewed, new ArrayList<>()));
        all.addAll(deviations);
        return new ForVersion(new Expectations(all, true), null);
    }

    /** The reviewed deviations file {@code name} (mediawiki-1.39) inside the harness, or null when it has none. */
    static Path reviewedFile(String name) {
        java.net.URL url = Expectations.class.getResource(REVIEWED_RESOURCES + name + ".yml");
        if (url == null) {
            return null;
        }
        try {
            java.net.URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            // Inside the jar: a copy of its own (a zip file system left open would be in Cucumber's way, which opens the jar too).
            Path copy = Files.createTempDirectory("mwconform-reviewed-").resolve(name + ".yml");
            try (java.io.InputStream in = url.openStream()) {
                Files.copy(in, copy);
            }
            copy.getParent().toFile().deleteOnExit();  // deleted after the file: the last registered goes first
            copy.toFile().deleteOnExit();
            return copy;
        } catch (java.net.URISyntaxException | IOException e) {
            return null;
        }
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
        /** What the wiki answers at that condition, as the evidence names it: {@code {error.code: missingparam}}. */
        public Map<String, Object> observed;
        public String reason;
        public String link;
    }

    public static Expectations load(Path file) {
        if (file == null || !Files.exists(file)) {
            return none();
        }
        boolean[] versionChosen = {false};
        return new Expectations(read(file, new ArrayList<>(), versionChosen), versionChosen[0]);
    }

    private static List<KnownDeviation> read(Path file, List<Path> including) {
        return read(file, including, new boolean[1]);
    }

    private static List<KnownDeviation> read(Path file, List<Path> including, boolean[] versionChosen) {
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
            Path included;
            if (REVIEWED.matcher(include).matches()) {
                included = reviewedFile(include);
                if (included == null) {
                    throw new ConfigurationException(file + ": include: the harness has no reviewed deviations named '" + include
                            + "' (it has them for the MediaWiki versions it tests, e.g. mediawiki-1.39)");
                }
            } else {
                included = file.resolveSibling(include);
            }
            versionChosen[0] |= REVIEWED.matcher(included.getFileName().toString().replaceFirst("\\.ya?ml$", "")).matches();
            deviations.addAll(read(included, including, versionChosen));
        }
        for (Entry e : parsed == null ? List.<Entry>of() : parsed.deviations) {
            if (e.scenario == null || e.condition == null || e.reason == null || e.reason.isBlank()) {
                throw new ConfigurationException(file + ": every deviation needs scenario, condition and a reason (" + e.scenario + ")");
            }
            if (e.observed == null || e.observed.isEmpty()) {
                throw new ConfigurationException(file + ": the deviation of " + e.scenario + " needs 'observed': what the wiki answers at "
                        + e.condition + " (e.g. {error.code: missingparam}); any other answer stays a failure");
            }
            if (NEVER_A_DEVIATION.contains(e.condition)) {
                throw new ConfigurationException(file + ": " + e.condition + " (" + e.scenario + ") cannot be a known deviation:"
                        + " an account created by a rejected request is always a failure");
            }
            Map<String, String> observed = new LinkedHashMap<>();
            e.observed.forEach((k, v) -> observed.put(k, v == null ? "(none)" : String.valueOf(v)));
            deviations.add(new KnownDeviation(e.scenario, e.condition, observed, e.reason.strip(), e.link));
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
