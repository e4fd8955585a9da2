package org.mwconform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.KnownDeviation;
import org.mwconform.report.ScenarioRecord;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress: states, done of total, failures as they happen (not known deviations), elapsed time; quiet when asked. */
class RunProgressTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void showsStatesCountsAndEachFailureAsItHappens() throws Exception {
        RunProgress progress = new RunProgress(out, RunProgress.Mode.LINES, List.of("local-a", "local-b"), 3, clock::get);
        Path records = dir.resolve("scenarios.ndjson");
        Expectations expectations = new Expectations(List.of(new KnownDeviation("notoken", "api.error-code",
                java.util.Map.of("error.code", "missingparam"), "documented otherwise", null)));
        progress.state("local-a", "preflight");
        clock.set(1_500_000_000L);
        progress.running("local-a", records, expectations);
        append(records, record("token", "PASSED", null), record("notoken", "FAILED", "api.error-code"));
        Files.writeString(records, "{\"id\": \"half a line", StandardOpenOption.APPEND);  // still being written
        progress.tick();
        assertThat(progress.statusLine()).isEqualTo("[1.5 s] 2/6 scenarios | local-a 2/3 | local-b waiting");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("notoken");       // a known deviation is expected

        Files.writeString(records, "\", \"feature\": \"F\", \"scenario\": \"The retyped password differs\", \"status\": \"FAILED\","
                + " \"conditionId\": \"api.error-code\", \"message\": \"expected badretype\"}\n", StandardOpenOption.APPEND);
        clock.set(2_000_000_000L);
        progress.tick();
        assertThat(progress.statusLine()).isEqualTo("[2.0 s] 3/6 scenarios, 1 unexpected | local-a 3/3 | local-b waiting");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[0.0 s] local-a: preflight",
                "[1.5 s] local-a: running",
                "[2.0 s]  failed: local-a: The retyped password differs — expected badretype");
        progress.close();
    }

    @Test
    void saysNothingWhenQuiet() throws Exception {
        RunProgress progress = new RunProgress(out, RunProgress.Mode.QUIET, List.of("local-a"), 1, clock::get);
        Path records = dir.resolve("scenarios.ndjson");
        progress.state("local-a", "preflight");
        progress.running("local-a", records, Expectations.none());
        append(records, record("x", "FAILED", "api.error-code"));
        progress.tick();
        progress.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(RunProgress.mode("auto", out)).isEqualTo(RunProgress.Mode.QUIET);   // not a terminal
        assertThat(RunProgress.mode("always", out)).isEqualTo(RunProgress.Mode.LINES);
    }

    private static ScenarioRecord record(String id, String status, String condition) {
        return new ScenarioRecord(id, "F", "Scenario " + id, "features/f.feature", 1, List.of("@id:" + id), status,
                condition == null ? null : "ConditionFailure", condition, condition == null ? null : "because", null,
                condition == null ? null : List.of(new org.mwconform.conditions.CheckedCondition(condition, "a condition", false, "because",
                        java.util.Map.of("error.code", "missingparam"))), 0);
    }

    private static void append(Path file, ScenarioRecord... records) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (ScenarioRecord r : records) {
            lines.append(JSON.writeValueAsString(r)).append('\n');
        }
        Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
