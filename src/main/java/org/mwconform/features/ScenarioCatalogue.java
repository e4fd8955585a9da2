package org.mwconform.features;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scenarios of a features folder, read with Cucumber's own Gherkin parser, one per pickle (one per row
 * of an outline's examples), with their {@code @id}, tags (inherited ones included) and steps. A run knows
 * from this, before anything runs, which scenarios it owes a result for.
 */
public final class ScenarioCatalogue {
    private static final String ID_TAG = "@id:";

    /** One scenario; {@code id} is null when it carries no {@code @id} tag. */
    public record Scenario(String id, String feature, String name, Path file, List<String> tags, List<String> steps) {
        public boolean tagged(String tag) {
            return tags.contains(tag);
        }
    }

    private final List<Scenario> scenarios;

    private ScenarioCatalogue(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    public static ScenarioCatalogue load(Path features) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(features)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".feature")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the features under " + features, e);
        }
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(true).includePickles(true).build();
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files) {
            List<Envelope> envelopes;
            try (Stream<Envelope> parsed = parser.parse(file)) {
                envelopes = parsed.toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            String feature = envelopes.stream().flatMap(e -> e.getGherkinDocument().stream())
                    .flatMap(d -> d.getFeature().stream()).map(f -> f.getName()).findFirst().orElse(file.getFileName().toString());
            for (Envelope envelope : envelopes) {
                envelope.getPickle().ifPresent(pickle -> scenarios.add(scenario(file, feature, pickle)));
            }
        }
        return new ScenarioCatalogue(scenarios);
    }

    private static Scenario scenario(Path file, String feature, Pickle pickle) {
        List<String> tags = pickle.getTags().stream().map(PickleTag::getName).toList();
        String id = tags.stream().filter(t -> t.startsWith(ID_TAG)).map(t -> t.substring(ID_TAG.length())).reduce((a, b) -> b).orElse(null);
        return new Scenario(id, feature, pickle.getName(), file, tags, pickle.getSteps().stream().map(PickleStep::getText).toList());
    }

    public List<Scenario> all() {
        return scenarios;
    }

    /** The scenarios a Cucumber tag expression selects (all of them for null). */
    public List<Scenario> selected(String tagExpression) {
        if (tagExpression == null || tagExpression.isBlank()) {
            return scenarios;
        }
        Expression expression = TagExpressionParser.parse(tagExpression);
        return scenarios.stream().filter(s -> expression.evaluate(s.tags())).toList();
    }
}
