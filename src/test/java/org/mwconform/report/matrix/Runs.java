package org.mwconform.report.matrix;

import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.util.ArrayList;
import java.util.List;

/** Small runs for the tests: {@code Runs.run("id", deployment("local-a", result("badretype", PASSED)))}. */
final class Runs {
    private Runs() {
    }

    static RunReport run(String id, String startedAt, DeploymentResult... deployments) {
        return new RunReport(new RunReport.Run(id, startedAt, startedAt, 1.5, null, "mwconform test"), List.of(deployments));
    }

    static RunReport run(String id, DeploymentResult... deployments) {
        return run(id, "2026-11-22T10:00:00Z", deployments);
    }

    static DeploymentResult deployment(String name, ScenarioResult... results) {
        List<ScenarioResult> list = new ArrayList<>(List.of(results));
        return new DeploymentResult(name, "http://127.0.0.1:8391/api.php", "a test wiki", "1.39.17", List.of("Vector"), true,
                DeploymentResult.count(list), list, "deployments/" + name + "/allure/index.html", null);
    }

    static DeploymentResult unreachable(String name, String reason) {
        List<ScenarioResult> list = List.of(new ScenarioResult("preflight", "Preflight", "The target answers the Action API",
                List.of(), Outcome.ERROR, reason, null, null));
        return new DeploymentResult(name, "http://127.0.0.1:9/api.php", null, null, null, false, DeploymentResult.count(list), list, null, null);
    }

    static ScenarioResult result(String id, Outcome outcome) {
        return result(id, outcome, outcome == Outcome.PASSED ? null : "because " + id);
    }

    static ScenarioResult result(String id, Outcome outcome, String reason) {
        return new ScenarioResult(id, "Feature of " + id, "Scenario " + id, List.of("@id:" + id), outcome, reason,
                outcome == Outcome.PASSED ? null : "api.error-code", null);
    }
}
