package org.mwconform.report.matrix;

import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.ScenarioResult;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How two runs, and the rows of the matrix, name the same scenario: its {@code @id}, else
 * "feature / scenario". A key seen twice in one deployment gets "#2", "#3", in order.
 */
public final class ScenarioKeys {
    /** The id {@code DeploymentRunner} gives the single result of a deployment whose preflight failed. */
    public static final String PREFLIGHT_ID = "preflight";

    private ScenarioKeys() {
    }

    public static String key(ScenarioResult r) {
        if (r.id() != null && !r.id().isBlank()) {
            return r.id();
        }
        return (r.feature() == null ? "" : r.feature()) + " / " + (r.scenario() == null ? "" : r.scenario());
    }

    /** The results of one deployment by key, in their order. */
    public static Map<String, ScenarioResult> of(DeploymentResult deployment) {
        List<ScenarioResult> results = deployment.results() == null ? List.of() : deployment.results();
        Map<String, ScenarioResult> byKey = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            String key = key(r);
            String unique = key;
            for (int n = 2; byKey.containsKey(unique); n++) {
                unique = key + " #" + n;
            }
            byKey.put(unique, r);
        }
        return Collections.unmodifiableMap(byKey);
    }

    /** The deployment never ran a scenario: its target did not answer (or its process did not start). */
    public static boolean isPreflightError(DeploymentResult deployment) {
        List<ScenarioResult> results = deployment.results();
        return results != null && results.size() == 1 && PREFLIGHT_ID.equals(results.get(0).id())
                && results.get(0).outcome() == Outcome.ERROR;
    }

    /** The reason of a preflight error, or null. */
    public static String preflightError(DeploymentResult deployment) {
        return isPreflightError(deployment) ? deployment.results().get(0).reason() : null;
    }
}
