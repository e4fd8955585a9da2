package org.mwconform.mutation;

import org.mwconform.features.ScenarioCatalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The scenarios of {@code features/**}/*.feature as {@link ScenarioCatalogue} reads them (Cucumber's own
 * Gherkin parser): each pickle with its {@code @id}, its tags (inherited ones included), its feature file and
 * its steps (the background's included). Every scenario must carry
 * exactly one {@code @id}, and no two the same: a scenario without one would escape the mutation tests.
 */
final class FeatureScenarios {
    private static final String ID_TAG = "@id:";

    /** One scenario: {@code file} is the feature file's name, {@code steps} the text of its steps in order. */
    record Scenario(String id, String file, String name, Set<String> tags, List<String> steps) {

        boolean tagged(String tag) {
            return tags.contains(tag);
        }

        /** A step with exactly this text (Given/When/Then are not part of a step's text). */
        boolean hasStep(String text) {
            return steps.contains(text);
        }

        /** A step whose text starts with this. */
        boolean hasStepStarting(String start) {
            return steps.stream().anyMatch(s -> s.startsWith(start));
        }
    }

    private final Map<String, Scenario> byId;

    private FeatureScenarios(Map<String, Scenario> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    static FeatureScenarios load(Path features) {
        List<ScenarioCatalogue.Scenario> all = ScenarioCatalogue.load(features).all();
        if (all.isEmpty()) {
            throw new IllegalStateException("no *.feature under " + features + " (set -Dmwconform.home to the project folder)");
        }
        Map<String, Scenario> byId = new LinkedHashMap<>();
        for (ScenarioCatalogue.Scenario s : all) {
            List<String> ids = s.tags().stream().filter(t -> t.startsWith(ID_TAG)).map(t -> t.substring(ID_TAG.length())).toList();
            if (ids.size() != 1) {
                throw new IllegalStateException(s.file() + ": scenario '" + s.name() + "' has " + ids.size()
                        + " @id tags " + ids + "; every scenario (every examples row) needs exactly one");
            }
            add(byId, new Scenario(ids.get(0), s.file().getFileName().toString(), s.name(),
                    Collections.unmodifiableSet(new LinkedHashSet<>(s.tags())), s.steps()));
        }
        return new FeatureScenarios(byId);
    }

    private static void add(Map<String, Scenario> byId, Scenario scenario) {
        Scenario before = byId.putIfAbsent(scenario.id(), scenario);
        if (before != null) {
            throw new IllegalStateException("@id:" + scenario.id() + " is used twice: '" + before.name() + "' in "
                    + before.file() + " and '" + scenario.name() + "' in " + scenario.file());
        }
    }

    Set<String> ids() {
        return byId.keySet();
    }

    Scenario get(String id) {
        Scenario scenario = byId.get(id);
        if (scenario == null) {
            throw new IllegalArgumentException("no scenario has @id:" + id);
        }
        return scenario;
    }

    /** The ids of the scenarios that match, in file order. */
    List<String> ids(Predicate<Scenario> which) {
        List<String> ids = new ArrayList<>();
        byId.values().stream().filter(which).forEach(s -> ids.add(s.id()));
        return List.copyOf(ids);
    }

    List<Scenario> all() {
        return List.copyOf(byId.values());
    }
}
