package org.mwconform.run;

import org.junit.jupiter.api.Test;
import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Applicability is an expectation too: what the environment file declares, and what the previous comparable run judged. */
class NotApplicableFlagsTest {
    private static final String LOST_RIGHT = "@needs:anonymous-creation: action=paraminfo: createaccount is enabled; "
            + "meta=userinfo rights of an anonymous visitor lack 'createaccount'";

    @Test
    void aWikiThatLosesTheAnonymousRightBetweenTwoRunsOfTheSameTagsRegresses() {
        Deployment d = deployment("");
        DeploymentResult before = result(ScenarioResultOf("badretype", Outcome.PASSED, null), ScenarioResultOf("token", Outcome.PASSED, null));
        DeploymentResult now = result(ScenarioResultOf("badretype", Outcome.NOT_APPLICABLE, LOST_RIGHT),
                ScenarioResultOf("token", Outcome.PASSED, null));
        NotApplicableFlags.Verdict verdict = NotApplicableFlags.judge(d, now, Optional.of(run("@safe-probe", before)), "@safe-probe", false);
        assertThat(verdict.regressions()).singleElement().asString()
                .contains("judged in the previous comparable run (r1) are not applicable now", "badretype (was passed");
        assertThat(now.withRegressions(verdict.regressions()).allExpected()).isFalse();
        // Another selection is no baseline.
        assertThat(NotApplicableFlags.judge(d, now, Optional.of(run(null, before)), "@safe-probe", false).regressions()).isEmpty();
    }

    @Test
    void aVanishedScenarioRegresses() {
        DeploymentResult before = result(ScenarioResultOf("badretype", Outcome.PASSED, null), ScenarioResultOf("token", Outcome.PASSED, null));
        DeploymentResult now = result(ScenarioResultOf("token", Outcome.PASSED, null));
        assertThat(NotApplicableFlags.judge(deployment(""), now, Optional.of(run(null, before)), null, true).regressions())
                .singleElement().asString().contains("vanished: badretype (was passed)");
    }

    @Test
    void aNotApplicableThatContradictsADeclarationIsUnexpectedWithoutAnyBaseline() {
        Deployment d = deployment("expect:\n  applicable:\n    anonymousCreation: true\n  minimumJudged: 2\n");
        assertThat(d.expect().applicable()).containsEntry("anonymous-creation", "true");
        DeploymentResult now = result(ScenarioResultOf("badretype", Outcome.NOT_APPLICABLE, LOST_RIGHT),
                ScenarioResultOf("token", Outcome.PASSED, null));
        assertThat(NotApplicableFlags.judge(d, now, Optional.empty(), null, true).regressions()).containsExactly(
                "the environment file declares expect.applicable.anonymous-creation, yet 1 scenario(s) needing it are not applicable: badretype",
                "the environment file expects at least 2 judged scenarios (expect.minimumJudged), yet 1 were judged");
        // Not applicable for another requirement's reason (not writable) does not contradict it.
        DeploymentResult readOnly = result(ScenarioResultOf("badretype", Outcome.NOT_APPLICABLE, "environment file does not mark d as writable"),
                ScenarioResultOf("token", Outcome.PASSED, null), ScenarioResultOf("userexists", Outcome.PASSED, null));
        assertThat(NotApplicableFlags.judge(d, readOnly, Optional.empty(), null, true).regressions()).isEmpty();
    }

    @Test
    void aDeclarationIsTrueOrAText() {
        assertThatThrownBy(() -> deployment("expect:\n  applicable:\n    captcha: false\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("expect.applicable.captcha");
        assertThat(deployment("expect:\n  applicable:\n    captcha: question\n").expect().applicable()).containsEntry("captcha", "question");
    }

    private static Deployment deployment(String extra) {
        try {
            Path dir = Files.createTempDirectory("mwconform-expect");
            Path file = dir.resolve("d.yml");
            Files.writeString(file, "name: d\napi: https://wiki.example/w/api.php\n" + extra);
            return new DeploymentLoader().load(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ScenarioResult ScenarioResultOf(String id, Outcome outcome, String reason) {
        return new ScenarioResult(id, "f", id, List.of("@id:" + id), outcome, reason, null, null);
    }

    private static DeploymentResult result(ScenarioResult... results) {
        List<ScenarioResult> list = List.of(results);
        return new DeploymentResult("d", "https://wiki.example/w/api.php", "d", null, null, false, DeploymentResult.count(list), list, null, null);
    }

    private static RunReport run(String tags, DeploymentResult d) {
        return new RunReport(new RunReport.Run("r1", "2026-11-20T00:00:00Z", "2026-11-20T00:00:01Z", 1.0, tags, "mwconform test"), List.of(d));
    }
}
