package org.mwconform.catalogue;

import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import org.mwconform.features.ScenarioCatalogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether each scenario's steps come in an order that can work: a step that needs what an earlier step gives
 * ({@link StepCatalogue.Precondition}) has one before it, in the scenario or its Background. Checked from the
 * feature files and the step catalogue before anything is sent, so a forgotten Given is one line naming the step
 * that must come first, not a NullPointerException in the middle of a scenario.
 */
public final class StepOrder {
    private final Map<StepCatalogue.Step, Expression> expressions = new LinkedHashMap<>();

    public StepOrder(List<StepCatalogue.Step> steps) {
        ExpressionFactory factory = new ExpressionFactory(new ParameterTypeRegistry(Locale.ENGLISH));
        for (StepCatalogue.Step step : steps) {
            try {
                expressions.put(step, factory.createExpression(step.text()));
            } catch (RuntimeException customParameterType) {
                // a parameter type of the extension's own: such a step is not checked here
            }
        }
    }

    /** One line per scenario whose step needs what no earlier step gave; empty when every scenario can run. */
    public List<String> problems(ScenarioCatalogue scenarios) {
        List<String> problems = new ArrayList<>();
        for (ScenarioCatalogue.Scenario scenario : scenarios.all()) {
            Set<StepCatalogue.Precondition> given = EnumSet.noneOf(StepCatalogue.Precondition.class);
            for (String text : scenario.steps()) {
                StepCatalogue.Step step = definition(text);
                if (step == null) {
                    continue;  // undefined: Cucumber says so, with its snippet
                }
                String missing = step.needs().stream().filter(p -> !given.contains(p)).findFirst()
                        .map(p -> "the step \"" + step.keyword() + " " + text + "\" needs " + p.what() + " first: put \""
                                + p.usualStep() + "\" before it (or in the feature's Background)")
                        .orElse(null);
                if (missing != null) {
                    problems.add(scenario.file() + ": scenario \"" + scenario.name() + "\": " + missing);
                    break;
                }
                given.addAll(step.gives());
            }
        }
        return problems.stream().distinct().toList();
    }

    private StepCatalogue.Step definition(String text) {
        for (Map.Entry<StepCatalogue.Step, Expression> e : expressions.entrySet()) {
            if (e.getValue().match(text) != null) {
                return e.getKey();
            }
        }
        return null;
    }
}
