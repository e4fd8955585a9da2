package org.mwconform.docs;

import org.mwconform.features.FeatureFiles;

import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleStepType;
import io.cucumber.messages.types.PickleTableRow;
import io.cucumber.messages.types.PickleTag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The features as documentation: each feature with its opening sentence, each scenario with its steps and tags. */
record FeatureBook(List<Chapter> chapters) {
    private static final Pattern CODE = Pattern.compile("(?:messagecode|error code) [\"']([A-Za-z0-9_-]+)[\"']");

    record Chapter(String file, String name, String description, List<String> tags, List<Entry> entries) {
        /** The extension whose living documentation this feature is ({@code @extension:NAME}), or null for the page's. */
        String extension() {
            return org.mwconform.report.ScenarioResult.extensionOf(tags);
        }
    }

    /** The core's features and those of {@code more} folders (an extension's), one book. */
    static FeatureBook read(Path features, List<Path> more) {
        List<Chapter> chapters = new ArrayList<>(read(features).chapters());
        more.forEach(m -> chapters.addAll(read(m).chapters()));
        return new FeatureBook(chapters);
    }

    /** One scenario (one per examples row): {@code steps} are "Given ..." lines, a table's rows indented. */
    record Entry(String id, String name, List<String> tags, List<String> steps) {

        /** The error codes the scenario checks ("fails with messagecode \"badretype\"", "error code \"notoken\""). */
        Set<String> codes() {
            Set<String> codes = new LinkedHashSet<>();
            for (String step : steps) {
                Matcher m = CODE.matcher(step);
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
            return codes;
        }
    }

    static FeatureBook read(Path features) {
        List<Chapter> chapters = new ArrayList<>();
        for (Map.Entry<Path, List<Envelope>> parsed : FeatureFiles.parse(features).entrySet()) {
            Path file = parsed.getKey();
            List<Envelope> envelopes = parsed.getValue();
            Feature feature = envelopes.stream().map(Envelope::getGherkinDocument).flatMap(java.util.Optional::stream)
                    .map(GherkinDocument::getFeature).flatMap(java.util.Optional::stream).findFirst().orElse(null);
            if (feature == null) {
                continue;
            }
            List<Entry> entries = new ArrayList<>();
            for (Envelope e : envelopes) {
                e.getPickle().ifPresent(p -> entries.add(entry(p)));
            }
            chapters.add(new Chapter(file.getFileName().toString(), feature.getName(), feature.getDescription().strip(),
                    feature.getTags().stream().map(t -> t.getName()).toList(), entries));
        }
        return new FeatureBook(chapters);
    }

    private static Entry entry(Pickle pickle) {
        List<String> tags = pickle.getTags().stream().map(PickleTag::getName).toList();
        String id = tags.stream().filter(t -> t.startsWith("@id:")).map(t -> t.substring(4)).findFirst().orElse(pickle.getName());
        List<String> steps = new ArrayList<>();
        PickleStepType previous = null;
        for (PickleStep step : pickle.getSteps()) {
            PickleStepType type = step.getType().orElse(PickleStepType.UNKNOWN);
            String keyword = type == previous ? "And" : switch (type) {
                case CONTEXT -> "Given";
                case ACTION -> "When";
                case OUTCOME -> "Then";
                default -> "*";
            };
            previous = type;
            steps.add(keyword + " " + step.getText());
            step.getArgument().flatMap(a -> a.getDataTable()).ifPresent(table -> {
                for (PickleTableRow row : table.getRows()) {
                    steps.add("    | " + String.join(" | ", row.getCells().stream().map(c -> c.getValue()).toList()) + " |");
                }
            });
        }
        return new Entry(id, pickle.getName(), tags, steps);
    }

    /** Every error code a scenario checks, with the scenarios that check it, in the order first seen. */
    Map<String, List<Entry>> byCode() {
        Map<String, List<Entry>> codes = new LinkedHashMap<>();
        for (Chapter c : chapters) {
            for (Entry e : c.entries()) {
                e.codes().forEach(code -> codes.computeIfAbsent(code, k -> new ArrayList<>()).add(e));
            }
        }
        return codes;
    }
}
