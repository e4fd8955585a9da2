package org.mwconform.report.matrix;

import org.junit.jupiter.api.Test;
import org.mwconform.expectations.Outcome;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.report.matrix.Runs.deployment;
import static org.mwconform.report.matrix.Runs.result;
import static org.mwconform.report.matrix.Runs.run;

class VersionComparisonTest {
    @Test
    void aDeploymentOnAnotherVersionIsComparedWithItsBaseCellByCell() {
        var report = run("r1",
                deployment("local-vanilla", result("notoken", Outcome.KNOWN_DEVIATION), result("badtoken", Outcome.PASSED),
                        result("module-disabled", Outcome.NOT_APPLICABLE, "module is ApiAMCreateAccount")),
                deployment("local-captcha", result("notoken", Outcome.PASSED)),
                deployment("local-vanilla-1.43", result("notoken", Outcome.PASSED), result("badtoken", Outcome.PASSED),
                        result("module-disabled", Outcome.NOT_APPLICABLE, "module is MediaWiki\\Api\\ApiAMCreateAccount")));
        List<VersionComparison.Pair> pairs = VersionComparison.of(report);
        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(p.base().name()).isEqualTo("local-vanilla");
            assertThat(p.other().name()).isEqualTo("local-vanilla-1.43");
            assertThat(p.compared()).isEqualTo(3);
            assertThat(p.differences()).extracting(VersionComparison.Cell::key).containsExactly("notoken", "module-disabled");
        });
        assertThat(VersionComparison.lines(pairs)).contains(
                "  notoken  known-deviation -> passed",
                "  module-disabled  both not-applicable; reason: \"module is ApiAMCreateAccount\" -> \"module is MediaWiki\\Api\\ApiAMCreateAccount\"");
        assertThat(VersionComparison.lines(pairs).get(0)).contains("2 of 3 cells differ (1 in outcome)");
    }

    @Test
    void theEnvironmentFilesCounterpartDecidesThePairAndEachSideShowsItsEvidence() {
        var report = run("r3",
                deployment("local-vanilla", result("temp-user-by-edit", Outcome.NOT_APPLICABLE, "temporary accounts unknown to this wiki: warned")),
                deployment("local-vanilla-1.43", result("temp-user-by-edit", Outcome.NOT_APPLICABLE, "temporary accounts are off")),
                deployment("local-temp-1.43", result("temp-user-by-edit", Outcome.PASSED)).described("local-vanilla", "none"));
        List<VersionComparison.Pair> pairs = VersionComparison.of(report);
        // Named explicitly: local-vanilla-1.43 names no counterpart here, so it is not paired by its name.
        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(p.base().name()).isEqualTo("local-vanilla");
            assertThat(p.other().name()).isEqualTo("local-temp-1.43");
        });
        List<String> lines = VersionComparison.lines(pairs);
        assertThat(lines).contains("  temp-user-by-edit  not-applicable -> passed");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("    local-vanilla: not-applicable")
                .endsWith(": temporary accounts unknown to this wiki: warned"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("    local-temp-1.43: passed: "));
    }

    @Test
    void withoutAVersionedDeploymentThereIsNothingToCompare() {
        assertThat(VersionComparison.of(run("r2", deployment("local-vanilla"), deployment("local-captcha")))).isEmpty();
    }
}
