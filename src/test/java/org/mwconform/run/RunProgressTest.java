package org.mwconform.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.KnownDeviation;

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
    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void showsStatesCountsAndEachFailureAsItHappens() throws Exception {
        RunProgress progress = new RunProgress(out, RunProgress.Mode.LINES, List.of("local-a", "local-b"), 3, clock::get);
        Path records = dir.resolve("messages.ndjson");
        Expectations expectations = new Expectations(List.of(new KnownDeviation("notoken", "api.error-code",
                java.util.Map.of("error.code", "missingparam"), "documented otherwise", null)));
        progress.state("local-a", "preflight");
        clock.set(1_500_000_000L);
        progress.running("local-a", records, expectations);
        append(records, scenario("token", "Scenario token", "PASSED", null), scenario("notoken", "Scenario notoken", "FAILED", "api.error-code"));
        List<String> third = scenario("badretype", "The retyped password differs", "FAILED", "api.error-code");
        String last = third.get(third.size() - 1);
        append(records, third.subList(0, third.size() - 1));
        Files.writeString(records, last.substring(0, 20), StandardOpenOption.APPEND);  // still being written
        progress.tick();
        assertThat(progress.statusLine()).isEqualTo("[1.5 s] 2/6 scenarios | local-a 2/3 | local-b waiting");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("notoken");       // a known deviation is expected

        Files.writeString(records, last.substring(20) + "\n", StandardOpenOption.APPEND);
        clock.set(2_000_000_000L);
        progress.tick();
        assertThat(progress.statusLine()).isEqualTo("[2.0 s] 3/6 scenarios, 1 unexpected | local-a 3/3 | local-b waiting");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[0.0 s] local-a: preflight",
                "[1.5 s] local-a: running",
                "[2.0 s]  failed: local-a: The retyped password differs — [api.error-code] expected badretype");
        progress.close();
    }

    @Test
    void saysNothingWhenQuiet() throws Exception {
        RunProgress progress = new RunProgress(out, RunProgress.Mode.QUIET, List.of("local-a"), 1, clock::get);
        Path records = dir.resolve("messages.ndjson");
        progress.state("local-a", "preflight");
        progress.running("local-a", records, Expectations.none());
        append(records, scenario("x", "Scenario x", "FAILED", "api.error-code"));
        progress.tick();
        progress.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(RunProgress.mode("auto", out)).isEqualTo(RunProgress.Mode.QUIET);   // not a terminal
        assertThat(RunProgress.mode("always", out)).isEqualTo(RunProgress.Mode.LINES);
    }

    /** One scenario's envelopes as Cucumber's message formatter writes them. */
    private static List<String> scenario(String id, String name, String status, String condition) {
        String result = condition == null ? "{\"status\":\"" + status + "\",\"duration\":{\"seconds\":0,\"nanos\":0}}"
                : "{\"status\":\"" + status + "\",\"duration\":{\"seconds\":0,\"nanos\":0},\"exception\":{\"type\":"
                + "\"org.mwconform.conditions.ConditionFailure\",\"message\":\"[" + condition + "] expected " + id + "\"}}";
        return List.of(
                "{\"pickle\":{\"id\":\"p-" + id + "\",\"uri\":\"f.feature\",\"name\":\"" + name + "\",\"steps\":[{\"id\":\"ps-" + id
                        + "\",\"text\":\"a step\"}],\"tags\":[{\"name\":\"@id:" + id + "\"}],\"astNodeIds\":[]}}",
                "{\"testCase\":{\"id\":\"t-" + id + "\",\"pickleId\":\"p-" + id + "\",\"testSteps\":[{\"id\":\"s-" + id
                        + "\",\"pickleStepId\":\"ps-" + id + "\"}]}}",
                "{\"testCaseStarted\":{\"id\":\"a-" + id + "\",\"testCaseId\":\"t-" + id + "\",\"timestamp\":{\"seconds\":1,\"nanos\":0}}}",
                "{\"testStepFinished\":{\"testCaseStartedId\":\"a-" + id + "\",\"testStepId\":\"s-" + id + "\",\"testStepResult\":" + result + "}}",
                // The evidence the core's hooks attach: the failed condition with what was observed.
                "{\"attachment\":{\"testCaseStartedId\":\"a-" + id + "\",\"fileName\":\"mwconform-evidence\",\"mediaType\":"
                        + "\"application/json\",\"contentEncoding\":\"IDENTITY\",\"body\":\"{\\\"conditions\\\":["
                        + (condition == null ? "" : "{\\\"id\\\":\\\"" + condition + "\\\",\\\"summary\\\":\\\"s\\\",\\\"held\\\":false,"
                        + "\\\"observed\\\":{\\\"error.code\\\":\\\"missingparam\\\"}}") + "]}\"}}",
                "{\"testCaseFinished\":{\"testCaseStartedId\":\"a-" + id + "\",\"willBeRetried\":false,\"timestamp\":{\"seconds\":2,\"nanos\":0}}}");
    }

    @SafeVarargs
    private static void append(Path file, List<String>... scenarios) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (List<String> envelopes : scenarios) {
            envelopes.forEach(e -> lines.append(e).append('\n'));
        }
        Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
