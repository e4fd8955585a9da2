package org.mwconform.features;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The .feature files under a folder, in file-name order, each parsed by Cucumber's own Gherkin parser. */
public final class FeatureFiles {
    private FeatureFiles() {
    }

    /** Each file's envelopes: its Gherkin document and its pickles. */
    public static Map<Path, List<Envelope>> parse(Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".feature")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the features under " + folder, e);
        }
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(true).includePickles(true).build();
        Map<Path, List<Envelope>> parsed = new LinkedHashMap<>();
        for (Path file : files) {
            try (Stream<Envelope> envelopes = parser.parse(file)) {
                parsed.put(file, envelopes.toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return parsed;
    }
}
