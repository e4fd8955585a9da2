package org.mwconform.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.mwconform.expectations.Outcome;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One deployment of a run: what it is (as the wiki itself said) and each scenario's result. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentResult(String name, String target, String description, String mediawikiVersion,
                               List<String> extensions, boolean writable, Map<Outcome, Integer> counts,
                               List<ScenarioResult> results, String allureReport) {

    public static Map<Outcome, Integer> count(List<ScenarioResult> results) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }

    public boolean allExpected() {
        return results.stream().allMatch(r -> r.outcome().isExpected());
    }

    /** "local-vanilla: 10 passed, 2 known deviations, 0 not applicable, 0 failed, 0 stale expectations, 0 errors" */
    public String summaryLine() {
        return name + (mediawikiVersion == null ? "" : " (MediaWiki " + mediawikiVersion + ")") + ": "
                + counts.get(Outcome.PASSED) + " passed, "
                + counts.get(Outcome.KNOWN_DEVIATION) + " known deviations, "
                + counts.get(Outcome.NOT_APPLICABLE) + " not applicable, "
                + counts.get(Outcome.FAILED) + " failed, "
                + counts.get(Outcome.STALE_EXPECTATION) + " stale expectations, "
                + counts.get(Outcome.ERROR) + " errors";
    }
}
