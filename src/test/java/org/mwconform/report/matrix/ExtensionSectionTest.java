package org.mwconform.report.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.ScenarioResult;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.expectations.Outcome.PASSED;
import static org.mwconform.report.matrix.Runs.deployment;
import static org.mwconform.report.matrix.Runs.result;
import static org.mwconform.report.matrix.Runs.run;

/** An extension's scenarios (@extension:NAME) are its own: counted apart from the documented contract, a matrix section of their own. */
class ExtensionSectionTest {
    private static ScenarioResult own(String id) {
        return new ScenarioResult(id, "Accounts need the terms", "Scenario " + id, List.of("@extension:accept-terms", "@id:" + id),
                PASSED, null, null, null);
    }

    @Test
    void anExtensionsScenariosAreCountedUnderItsNameAndShownInASectionAfterTheCore(@TempDir Path runFolder) {
        DeploymentResult d = deployment("local-accept-terms", own("accept-terms-announced"), result("create-account-pass", PASSED));
        assertThat(d.documented().get(PASSED)).isEqualTo(1);
        assertThat(d.byExtension()).containsOnlyKeys("accept-terms");
        assertThat(d.byExtension().get("accept-terms").get(PASSED)).isEqualTo(1);
        assertThat(d.summaryLine()).endsWith("; extension accept-terms: 1 passed, 0 known deviations, 0 not applicable, 0 failed,"
                + " 0 stale expectations, 0 errors");

        String html = new MatrixPage(run("r", d), runFolder, null).render();
        int section = html.indexOf("<tr class=\"extension-row\" data-extension=\"accept-terms\">");
        assertThat(section).isPositive().isGreaterThan(html.indexOf("data-key=\"create-account-pass\""));
        assertThat(html.indexOf("data-key=\"accept-terms-announced\"")).isGreaterThan(section);
        assertThat(html).contains("data-contract=\"extension\"", "<span class=\"extension\" data-extension=\"accept-terms\">extension accept-terms: ");
    }
}
