package org.mwconform.run;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The features a run uses: the project's {@code features/} folder, or, when the jar runs on its own
 * ({@code java -jar mwconform.jar} outside the repository), the copy packaged in the jar, unpacked once.
 * Counts the scenarios a tag expression selects, with Cucumber's own parsers, before anything runs.
 */
public final class FeatureCatalog {
    private final Path folder;

    private FeatureCatalog(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Any folder of features, or one feature file (an extension's, given with --features). */
    static FeatureCatalog of(Path folderOrFile) {
        return new FeatureCatalog(folderOrFile);
    }

    public static FeatureCatalog locate(Path home) {
        Path inProject = home.resolve("features");
        if (Files.isDirectory(inProject)) {
            return new FeatureCatalog(inProject);
        }
        return new FeatureCatalog(unpackFromJar());
    }

    /** One selected scenario: its feature file and the line Cucumber selects it by (an examples row's own line). */
    record Selected(Path file, long line) {
        String argument() {
            return file + ":" + line;
        }
    }

    /** The number of scenarios (pickles: one per example row) that {@code tags} selects; all when null. */
    public int count(String tags) {
        return select(tags).size();
    }

    /** The scenarios {@code tags} selects (all when null), in file and line order, read with Cucumber's own parsers. */
    List<Selected> select(String tags) {
        Expression expression = tags == null ? null : TagExpressionParser.parse(tags);
        GherkinParser parser = GherkinParser.builder().includeSource(false).build();
        List<Selected> selected = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(p -> p.getFileName().toString().endsWith(".feature")).sorted().toList()) {
                List<Envelope> envelopes;
                try (Stream<Envelope> parsed = parser.parse(file)) {
                    envelopes = parsed.toList();
                }
                Map<String, Long> lines = new HashMap<>();
                envelopes.forEach(e -> e.getGherkinDocument().flatMap(GherkinDocument::getFeature).ifPresent(f -> lines(f.getChildren(), lines)));
                for (Envelope envelope : envelopes) {
                    Pickle pickle = envelope.getPickle().orElse(null);
                    if (pickle != null && (expression == null
                            || expression.evaluate(pickle.getTags().stream().map(PickleTag::getName).toList()))) {
                        List<String> nodes = pickle.getAstNodeIds();
                        selected.add(new Selected(file, lines.getOrDefault(nodes.get(nodes.size() - 1), 0L)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the features in " + folder, e);
        }
        return selected;
    }

    private static void lines(List<FeatureChild> children, Map<String, Long> lines) {
        for (FeatureChild child : children) {
            child.getScenario().ifPresent(s -> {
                lines.put(s.getId(), s.getLocation().getLine());
                s.getExamples().forEach(x -> x.getTableBody().forEach(row -> lines.put(row.getId(), row.getLocation().getLine())));
            });
            child.getRule().ifPresent(r -> r.getChildren().forEach(rc -> rc.getScenario().ifPresent(s -> {
                lines.put(s.getId(), s.getLocation().getLine());
                s.getExamples().forEach(x -> x.getTableBody().forEach(row -> lines.put(row.getId(), row.getLocation().getLine())));
            })));
        }
    }

    private static Path unpackFromJar() {
        URL marker = FeatureCatalog.class.getResource("/org/mwconform/features");
        if (marker == null) {
            throw new UsageException("no features/ folder here and none packaged in the jar; run from the project folder");
        }
        try {
            URI uri = marker.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            Path target = Files.createTempDirectory("mwconform-features-");
            FileSystem jar;
            try {
                jar = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                jar = FileSystems.newFileSystem(uri, Map.of());
            }
            Path source = jar.getPath("/org/mwconform/features");
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        try (InputStream in = Files.newInputStream(p)) {
                            Files.copy(in, to);
                        }
                    }
                }
            }
            deleteOnExit(target);
            return target;
        } catch (IOException | URISyntaxException e) {
            throw new UsageException("cannot unpack the features packaged in the jar: " + e.getMessage());
        }
    }

    private static void deleteOnExit(Path root) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary copy left behind is harmless
            }
        }));
    }

}
