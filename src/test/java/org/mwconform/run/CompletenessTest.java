package org.mwconform.run;

import org.junit.jupiter.api.Test;
import org.mwconform.expectations.Outcome;
import org.mwconform.features.ScenarioCatalogue;
import org.mwconform.report.ScenarioRecord;
import org.mwconform.report.ScenarioResult;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Defect: a Cucumber run that broke gave a short run that looked green (its missing scenarios had no result). */
class CompletenessTest {
    private static final List<String> LOG = List.of("Scenario: A token", "#\n# A fatal error has been detected by the Java Runtime Environment",
            "SIGSEGV (0xb) token 0123456789abcdef0123456789abcdef+\\");

    private static ScenarioCatalogue.Scenario scenario(String id) {
        return new ScenarioCatalogue.Scenario(id, "F", "S " + id, Path.of("f.feature"), List.of("@id:" + id), List.of());
    }

    private static ScenarioRecord record(String id) {
        return new ScenarioRecord(id, "F", "S " + id, "file:f.feature", 1, List.of("@id:" + id), "PASSED", null, null, null, null,
                List.of(), 0);
    }

    @Test
    void everyScenarioWithoutARecordIsAnErrorWithTheLogsLastLines() {
        List<ScenarioResult> missing = Completeness.missing(List.of(scenario("a"), scenario("b"), scenario("c")),
                List.of(record("a")), new ScenarioLauncher.Launched(org.mwconform.report.messages.CucumberMessages.read(List.of()), null, true, 134, LOG));
        assertThat(missing).extracting(ScenarioResult::id).containsExactly("b", "c");
        assertThat(missing).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(r.reason()).contains("no result").contains("exit code 134").contains("SIGSEGV").doesNotContain("0123456789abcdef+");
        });
    }

    @Test
    void aKilledProcessAndADuplicateAreErrorsToo() {
        assertThat(Completeness.missing(List.of(scenario("a")), List.of(record("a"), record("a")),
                new ScenarioLauncher.Launched(org.mwconform.report.messages.CucumberMessages.read(List.of()), null, true, null, LOG)))
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("2 results").contains("killed"));
        assertThat(Completeness.missing(List.of(scenario("a")), List.of(record("a")),
                new ScenarioLauncher.Launched(org.mwconform.report.messages.CucumberMessages.read(List.of()), null, true, 3, LOG)))
                .singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(Completeness.PROCESS_ID));
        assertThat(Completeness.missing(List.of(scenario("a")), List.of(record("a")),
                new ScenarioLauncher.Launched(org.mwconform.report.messages.CucumberMessages.read(List.of()), null, true, 1, LOG))).isEmpty();
    }
}
