package org.mwconform.mutation;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleTag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The scenarios of {@code features/**}/*.feature, read with Cucumber's own Gherkin parser: each pickle (one
 * per scenario, one per row of an outline's examples) with its {@code @id}, its tags (inherited ones
 * included), its feature file and its steps (the background's included). Every scenario must carry
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
        List<Path> files;
        try (Stream<Path> walk = Files.walk(features)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".feature")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the features under " + features, e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no *.feature under " + features + " (set -Dmwconform.home to the project folder)");
        }
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).includePickles(true).build();
        Map<String, Scenario> byId = new LinkedHashMap<>();
        for (Path file : files) {
            List<Envelope> envelopes;
            try (Stream<Envelope> parsed = parser.parse(file)) {
                envelopes = parsed.toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (Envelope envelope : envelopes) {
                envelope.getParseError().ifPresent(error -> {
                    throw new IllegalStateException(file + ": " + error.getMessage());
                });
                envelope.getPickle().ifPresent(pickle -> add(byId, scenario(file, pickle)));
            }
        }
        return new FeatureScenarios(byId);
    }

    private static Scenario scenario(Path file, Pickle pickle) {
        Set<String> tags = new LinkedHashSet<>(pickle.getTags().stream().map(PickleTag::getName).toList());
        List<String> ids = tags.stream().filter(t -> t.startsWith(ID_TAG)).map(t -> t.substring(ID_TAG.length())).toList();
        if (ids.size() != 1) {
            throw new IllegalStateException(file + ": scenario '" + pickle.getName() + "' has " + ids.size()
                    + " @id tags " + ids + "; every scenario (every examples row) needs exactly one");
        }
        return new Scenario(ids.get(0), file.getFileName().toString(), pickle.getName(), Collections.unmodifiableSet(tags),
                pickle.getSteps().stream().map(PickleStep::getText).toList());
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
