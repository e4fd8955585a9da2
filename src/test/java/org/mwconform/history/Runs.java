package org.mwconform.history;

import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Synthetic runs for the history's tests: run i starts i hours after a fixed instant; ids sort as time does. */
final class Runs {
    static final Instant T0 = Instant.parse("2026-11-01T03:00:00Z");
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private Runs() {
    }

    static String id(int i) {
        return ID.format(T0.plusSeconds(3600L * i)) + "h" + String.format("%02d", i % 100);
    }

    static String started(int i) {
        return T0.plusSeconds(3600L * i).toString();
    }

    /** A deployment with the given outcomes, keyed s0, s1, ... */
    static DeploymentResult deployment(String name, String version, List<String> extensions, Outcome... outcomes) {
        List<ScenarioResult> results = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            results.add(new ScenarioResult("s" + i, "Feature", "Scenario " + i, List.of("@id:s" + i), outcomes[i],
                    outcomes[i] == Outcome.PASSED ? null : "reason " + outcomes[i].label(), outcomes[i] == Outcome.FAILED ? "api.error-code" : null, null));
        }
        return new DeploymentResult(name, "http://127.0.0.1:1/api.php", null, version, extensions, true,
                DeploymentResult.count(results), results, null, null);
    }

    static RunReport report(int i, DeploymentResult... deployments) {
        return new RunReport(new RunReport.Run(id(i), started(i), started(i), 1.0, null, "mwconform test"), List.of(deployments));
    }

    static RunRecord record(int i, DeploymentResult... deployments) {
        return RunRecord.of(report(i, deployments), null, "run");
    }

    /** A deployment record with facts given directly (the preflight's, as DeploymentFacts reads them). */
    static RunRecord record(int i, String deployment, Map<String, String> facts, Outcome... outcomes) {
        DeploymentResult d = deployment(deployment, facts.get("MediaWiki"), null, outcomes);
        RunRecord r = RunRecord.of(report(i, d), null, "run");
        RunRecord.Deployment only = r.deployments().get(0);
        return new RunRecord(r.runId(), r.startedAt(), r.finishedAt(), r.harness(), r.tags(), r.source(),
                List.of(new RunRecord.Deployment(only.name(), new TreeMap<>(facts), null, only.cells())));
    }
}
