package org.mwconform.features;

import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        List<Scenario> scenarios = new ArrayList<>();
        for (Map.Entry<Path, List<Envelope>> parsed : FeatureFiles.parse(features).entrySet()) {
            Path file = parsed.getKey();
            List<Envelope> envelopes = parsed.getValue();
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
