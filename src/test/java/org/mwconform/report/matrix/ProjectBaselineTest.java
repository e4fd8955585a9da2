package org.mwconform.report.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.report.RunReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.report.matrix.Runs.deployment;

/** Runs of different projects in one reports folder are never each other's baseline ("11 deployments removed"). */
class ProjectBaselineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    @Test
    void theBaselineIsTheLastRunOfTheSameProject() throws Exception {
        Path runs = reports.resolve("runs");
        write(runs.resolve("20261120T000000aaa"), run("20261120T000000aaa", "2026-11-20T00:00:00Z", "accept-terms"));
        write(runs.resolve("20261121T000000bbb"), run("20261121T000000bbb", "2026-11-21T00:00:00Z", null));  // the harness's own
        Path current = runs.resolve("20261122T000000zzz");
        RunReport report = run("20261122T000000zzz", "2026-11-22T00:00:00Z", "accept-terms");
        write(current, report);
        assertThat(ReportFiles.previousRun(current, report)).get()
                .satisfies(p -> assertThat(p.report().run().id()).isEqualTo("20261120T000000aaa"));
        RunReport harness = run("20261122T000000zzz", "2026-11-22T00:00:00Z", null);
        assertThat(ReportFiles.previousRun(current, harness)).get()
                .satisfies(p -> assertThat(p.report().run().id()).isEqualTo("20261121T000000bbb"));
        RunReport other = run("20261122T000000zzz", "2026-11-22T00:00:00Z", "no-bot-names");
        assertThat(ReportFiles.previousRun(current, other)).isEmpty();
    }

    private static RunReport run(String id, String startedAt, String project) {
        return new RunReport(new RunReport.Run(id, startedAt, startedAt, 1.0, null, "mwconform test", null, null, project),
                List.of(deployment("d")));
    }

    private static void write(Path folder, RunReport report) throws Exception {
        Files.createDirectories(folder);
        JSON.writeValue(folder.resolve("results.json").toFile(), report);
    }
}
