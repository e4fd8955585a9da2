package org.mwconform.report.matrix;

import org.junit.jupiter.api.Test;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.expectations.Outcome.ERROR;
import static org.mwconform.expectations.Outcome.FAILED;
import static org.mwconform.expectations.Outcome.KNOWN_DEVIATION;
import static org.mwconform.expectations.Outcome.NOT_APPLICABLE;
import static org.mwconform.expectations.Outcome.PASSED;
import static org.mwconform.report.matrix.Runs.deployment;
import static org.mwconform.report.matrix.Runs.result;
import static org.mwconform.report.matrix.Runs.run;
import static org.mwconform.report.matrix.Runs.unreachable;

class RunComparisonTest {

    @Test
    void identicalRunsHaveNoChanges() {
        RunReport a = run("a", deployment("local-vanilla", result("badretype", PASSED), result("notoken", KNOWN_DEVIATION)));
        RunReport b = run("b", deployment("local-vanilla", result("badretype", PASSED), result("notoken", KNOWN_DEVIATION, "other words")));
        RunComparison c = RunComparison.compare(a, b);
        assertThat(c.isEmpty()).isTrue();
        assertThat(c.lines()).isEmpty();
        assertThat(c.countLine()).isEqualTo("no changes (2 results compared on 1 deployment)");
    }

    @Test
    void anOutcomeThatChangedIsOneAlignedLine() {
        RunReport a = run("a", deployment("local-captcha", result("badretype", PASSED), result("token-issued", PASSED)),
                deployment("local-vanilla", result("notoken", FAILED)));
        RunReport b = run("b", deployment("local-captcha", result("badretype", KNOWN_DEVIATION), result("token-issued", PASSED)),
                deployment("local-vanilla", result("notoken", KNOWN_DEVIATION)));
        RunComparison c = RunComparison.compare(a, b);
        assertThat(c.lines()).containsExactly(
                "local-captcha  badretype  passed -> known-deviation",
                "local-vanilla  notoken    failed -> known-deviation");
        assertThat(c.countLine()).isEqualTo("2 changes: 2 outcomes changed");
        assertThat(c.cellChange("local-captcha", "badretype")).get()
                .satisfies(ch -> assertThat(ch.before()).isEqualTo(PASSED))
                .satisfies(ch -> assertThat(ch.after()).isEqualTo(KNOWN_DEVIATION));
        assertThat(c.cellChange("local-captcha", "token-issued")).isEmpty();
    }

    @Test
    void scenariosAndDeploymentsAddedAndRemoved() {
        RunReport a = run("a", deployment("local-vanilla", result("old-one", PASSED), result("kept", PASSED)),
                deployment("local-gone", result("kept", PASSED)));
        RunReport b = run("b", deployment("local-vanilla", result("kept", PASSED), result("new-one", NOT_APPLICABLE)),
                deployment("local-new", result("kept", PASSED), result("other", FAILED)));
        RunComparison c = RunComparison.compare(a, b);
        assertThat(c.changes()).extracting(RunComparison.Change::kind).containsExactly(
                RunComparison.Kind.SCENARIO_ADDED, RunComparison.Kind.SCENARIO_REMOVED,
                RunComparison.Kind.DEPLOYMENT_ADDED, RunComparison.Kind.DEPLOYMENT_REMOVED);
        assertThat(c.lines()).containsExactly(
                "local-vanilla  new-one       added (not-applicable)",
                "local-vanilla  old-one       vanished (was passed)",
                "local-new      (deployment)  deployment added: 2 scenarios: 1 passed, 1 failed",
                "local-gone     (deployment)  deployment removed (had 1 scenario: 1 passed)");
        assertThat(c.countLine()).isEqualTo("4 changes: 1 scenario added, 1 scenario removed, 1 deployment added, 1 deployment removed");
        assertThat(c.cellChange("local-vanilla", "new-one")).isPresent();
        assertThat(c.deploymentChange("local-new")).isPresent();
        // Both runs looked at every scenario: one that vanished is a regression (and a new failed cell is in an added deployment).
        assertThat(c.regressions()).extracting(RunComparison.Change::key).containsExactly("old-one");
    }

    @Test
    void aPreflightErrorIsOneChangeNotAScenarioPerRow() {
        RunReport ran = run("a", deployment("local-x", result("a", PASSED), result("b", PASSED)));
        RunReport broke = run("b", unreachable("local-x", "cannot reach http://127.0.0.1:9/api.php"));
        assertThat(RunComparison.compare(ran, broke).lines())
                .containsExactly("local-x  preflight  ran -> preflight error: cannot reach http://127.0.0.1:9/api.php");
        assertThat(RunComparison.compare(broke, ran).lines())
                .containsExactly("local-x  preflight  preflight error -> ran: 2 scenarios: 2 passed");
        assertThat(RunComparison.compare(broke, broke).isEmpty()).isTrue();
    }

    @Test
    void scenariosWithoutIdAreMatchedByFeatureAndNameAndRepeatsByOrder() {
        ScenarioResult first = new ScenarioResult(null, "F", "S", List.of(), PASSED, null, null, null);
        ScenarioResult second = new ScenarioResult(null, "F", "S", List.of(), ERROR, "x", null, null);
        RunReport a = run("a", deployment("d", first, first));
        RunReport b = run("b", deployment("d", first, second));
        assertThat(RunComparison.compare(a, b).lines()).containsExactly("d  F / S #2  passed -> error");
    }
}
