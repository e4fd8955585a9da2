package org.mwconform.run;

import org.mwconform.expectations.Outcome;
import org.mwconform.features.ScenarioCatalogue;
import org.mwconform.report.ScenarioRecord;
import org.mwconform.report.ScenarioResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A run is complete or it is an error: every scenario the features select owes exactly one result. One the
 * deployment's Cucumber run never reported (it broke, or was stopped early) is an {@code error} with the last
 * lines of the process's log as evidence; so is a scenario reported twice, and a process that ended abnormally.
 */
public final class Completeness {
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32,}\\+(\\\\|%5C)");
    static final String PROCESS_ID = "scenario-process";

    private Completeness() {
    }

    static List<ScenarioResult> missing(List<ScenarioCatalogue.Scenario> selected, List<ScenarioRecord> records,
                                        ScenarioLauncher.Launched launch) {
        Map<String, Integer> reported = new HashMap<>();
        records.forEach(r -> reported.merge(key(r.id(), r.feature(), r.scenario()), 1, Integer::sum));
        String evidence = "the deployment's Cucumber run " + launch.howItEnded() + "; last lines of its log: "
                + TOKEN.matcher(String.join(" | ", launch.logTail())).replaceAll("••••••");
        List<ScenarioResult> errors = new ArrayList<>();
        for (ScenarioCatalogue.Scenario s : selected == null ? List.<ScenarioCatalogue.Scenario>of() : selected) {
            int times = reported.getOrDefault(key(s.id(), s.feature(), s.name()), 0);
            if (times != 1) {
                errors.add(new ScenarioResult(s.id(), s.feature(), s.name(), s.tags(), Outcome.ERROR,
                        (times == 0 ? "no result" : times + " results") + " for this scenario: " + evidence, null, null));
            }
        }
        if (!launch.endedNormally() && errors.isEmpty()) {
            errors.add(new ScenarioResult(PROCESS_ID, "(Cucumber run)", "The deployment's Cucumber run ends normally", List.of(),
                    Outcome.ERROR, evidence, null, null));
        }
        return errors;
    }

    private static String key(String id, String feature, String name) {
        return id != null ? id : feature + " / " + name;
    }
}
