package org.mwconform.report.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.cli.Main;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.RunReport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mwconform.expectations.Outcome.KNOWN_DEVIATION;
import static org.mwconform.expectations.Outcome.PASSED;
import static org.mwconform.report.matrix.Runs.deployment;
import static org.mwconform.report.matrix.Runs.result;
import static org.mwconform.report.matrix.Runs.run;

class ReportFilesAndDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    @Test
    void thePreviousRunIsTheNewestOlderOneWithResults() throws Exception {
        Path runs = reports.resolve("runs");
        write(runs.resolve("20261120T000000aaa"), run("20261120T000000aaa", "2026-11-20T00:00:00Z", deployment("d")));
        write(runs.resolve("20261121T000000bbb"), run("20261121T000000bbb", "2026-11-21T00:00:00Z", deployment("d")));
        Files.createDirectories(runs.resolve("20261121T120000ccc"));                       // interrupted: no results.json
        Files.createDirectories(runs.resolve("20261121T130000ddd"));
        Files.writeString(runs.resolve("20261121T130000ddd/results.json"), "{ not json");  // unreadable: no baseline
        write(runs.resolve("20261123T000000eee"), run("20261123T000000eee", "2026-11-23T00:00:00Z", deployment("d"))); // newer
        Path current = runs.resolve("20261122T000000zzz");
        RunReport report = run("20261122T000000zzz", "2026-11-22T00:00:00Z", deployment("d"));
        write(current, report);
        assertThat(ReportFiles.previousRun(current, report)).get()
                .satisfies(p -> assertThat(p.report().run().id()).isEqualTo("20261121T000000bbb"));
        Path first = runs.resolve("20261120T000000aaa");
        assertThat(ReportFiles.previousRun(first, ReportFiles.load(first).report())).isEmpty();
    }

    @Test
    void aRunFilteredByTagsIsNoBaselineUnlessNamed() throws Exception {
        Path runs = reports.resolve("runs");
        write(runs.resolve("20261120T000000aaa"), run("20261120T000000aaa", "2026-11-20T00:00:00Z", deployment("d")));
        RunReport filtered = new RunReport(new RunReport.Run("20261121T000000bbb", "2026-11-21T00:00:00Z", "2026-11-21T00:00:00Z",
                1.0, "@read-only", "mwconform test"), List.of(deployment("d")));
        write(runs.resolve("20261121T000000bbb"), filtered);
        Path current = runs.resolve("20261122T000000zzz");
        RunReport report = run("20261122T000000zzz", "2026-11-22T00:00:00Z", deployment("d"));
        write(current, report);
        assertThat(ReportFiles.previousRun(current, report)).get()
                .satisfies(p -> assertThat(p.report().run().id()).isEqualTo("20261120T000000aaa"));
        assertThat(RunArtifacts.write(current, report).previousRun()).isEqualTo("20261120T000000aaa");
        assertThat(RunArtifacts.write(current, report, "20261121T000000bbb").previousRun()).isEqualTo("20261121T000000bbb");
        assertThatThrownBy(() -> ReportFiles.namedRun(current, "../../elsewhere")).hasMessageContaining("no run ../../elsewhere");
    }

    @Test
    void diffFailsOnARegressionOnlyWhenAsked() throws Exception {
        Path old = write(reports.resolve("runs/a"), run("a", deployment("d", result("badretype", PASSED), result("token", PASSED))));
        Path worse = write(reports.resolve("runs/b"), run("b", deployment("d", result("badretype", Outcome.FAILED), result("token", PASSED))));
        Path better = write(reports.resolve("runs/c"), run("c", deployment("d", result("badretype", KNOWN_DEVIATION), result("token", PASSED))));
        assertThat(diff(old.toString(), worse.toString()).exit).isEqualTo(Main.OK);
        Result failing = diff("--fail-on-regression", old.toString(), worse.toString());
        assertThat(failing.exit).isEqualTo(Main.UNEXPECTED_RESULT);
        assertThat(failing.out.lines()).contains("  d  badretype  passed -> failed").last().isEqualTo("1 regression");
        assertThat(diff("--fail-on-regression", old.toString(), better.toString()).exit).isEqualTo(Main.OK);
        assertThat(diff("--fail-on-regression", worse.toString(), old.toString()).exit).isEqualTo(Main.OK);
        Path unreachable = write(reports.resolve("runs/e"), run("e", Runs.unreachable("d", "Connection refused")));
        assertThat(diff("--fail-on-regression", old.toString(), unreachable.toString()).exit).isEqualTo(Main.UNEXPECTED_RESULT);
    }

    @Test
    void notApplicableIsNotPassed_aScenarioThatStoppedApplyingOrVanishedIsARegression() throws Exception {
        Path old = write(reports.resolve("runs/a"), run("a", deployment("d", result("badretype", PASSED), result("token", PASSED),
                result("captcha", PASSED))));
        Path grey = write(reports.resolve("runs/b"), run("b", deployment("d", result("badretype", Outcome.NOT_APPLICABLE,
                "@needs:anonymous-creation: meta=userinfo rights of an anonymous visitor lack 'createaccount'"), result("token", PASSED))));
        Result r = diff("--fail-on-regression", old.toString(), grey.toString());
        assertThat(r.exit).isEqualTo(Main.UNEXPECTED_RESULT);
        assertThat(r.out.lines()).contains("  d  badretype  passed -> not-applicable", "  d  captcha    vanished (was passed)")
                .last().isEqualTo("2 regressions");
        // Coming back is no regression; a run of another --tags selection leaves scenarios out without any vanishing.
        assertThat(diff("--fail-on-regression", grey.toString(), old.toString()).exit).isEqualTo(Main.OK);
        RunReport filtered = new RunReport(new RunReport.Run("c", "2026-11-21T00:00:00Z", "2026-11-21T00:00:00Z", 1.0, "@read-only",
                "mwconform test"), List.of(deployment("d", result("token", PASSED))));
        Result other = diff("--fail-on-regression", old.toString(), write(reports.resolve("runs/c"), filtered).toString());
        assertThat(other.exit).isEqualTo(Main.OK);
        assertThat(other.out).contains("removed (was passed)");
    }

    @Test
    void aRunOfTheSameTagsIsTheBaselineOfAFilteredRun() throws Exception {
        Path runs = reports.resolve("runs");
        RunReport.Run probes = new RunReport.Run("20261120T000000aaa", "2026-11-20T00:00:00Z", "2026-11-20T00:00:01Z", 1.0,
                "@safe-probe", "mwconform test");
        write(runs.resolve("20261120T000000aaa"), new RunReport(probes, List.of(deployment("d"))));
        write(runs.resolve("20261121T000000bbb"), run("20261121T000000bbb", "2026-11-21T00:00:00Z", deployment("d")));  // all scenarios
        Path current = runs.resolve("20261122T000000zzz");
        RunReport report = new RunReport(new RunReport.Run("20261122T000000zzz", "2026-11-22T00:00:00Z", "2026-11-22T00:00:01Z", 1.0,
                "@safe-probe", "mwconform test"), List.of(deployment("d")));
        write(current, report);
        assertThat(ReportFiles.previousRun(current, report)).get()
                .satisfies(p -> assertThat(p.report().run().id()).isEqualTo("20261120T000000aaa"));
    }

    @Test
    void diffPrintsTheChangesAndACountLine() throws Exception {
        Path old = write(reports.resolve("runs/a"), run("a", deployment("local-captcha", result("badretype", PASSED), result("token", PASSED))));
        Path now = write(reports.resolve("runs/b"), run("b", deployment("local-captcha", result("badretype", KNOWN_DEVIATION), result("token", PASSED))));
        Result r = diff(old.toString(), now.resolve("results.json").toString());
        assertThat(r.exit).isEqualTo(Main.OK);
        assertThat(r.out.lines()).contains("  local-captcha  badretype  passed -> known-deviation")
                .last().isEqualTo("1 change: 1 outcome changed");
        assertThat(r.err).isEmpty();

        Result same = diff(old.toString(), old.toString());
        assertThat(same.exit).isEqualTo(Main.OK);
        assertThat(same.out.lines()).last().asString().startsWith("no changes");
    }

    @Test
    void aMissingOrInvalidReportIsOneLineAndExitTwo() throws Exception {
        Path good = write(reports.resolve("runs/a"), run("a", deployment("d")));
        Files.writeString(reports.resolve("bad.json"), "[1, 2]");
        Files.writeString(reports.resolve("nojson.json"), "<html>");
        Files.writeString(reports.resolve("empty.json"), "{}");
        Files.createDirectories(reports.resolve("emptyfolder"));
        for (String bad : List.of("no/such/folder", reports.resolve("bad.json").toString(), reports.resolve("nojson.json").toString(),
                reports.resolve("empty.json").toString(), reports.resolve("emptyfolder").toString())) {
            Result r = diff(good.toString(), bad);
            assertThat(r.exit).as(bad).isEqualTo(Main.USAGE_ERROR);
            assertThat(r.err.lines()).as(bad).singleElement().asString().startsWith("mwconform: diff NEW: ");
            assertThat(r.out).isEmpty();
        }
        Result usage = diff(good.toString());
        assertThat(usage.exit).isEqualTo(Main.USAGE_ERROR);
        assertThat(usage.err).isEqualTo("mwconform: Missing required parameter: 'NEW'; see 'mwconform diff --help'" + System.lineSeparator());
        assertThatThrownBy(() -> ReportFiles.load(reports.resolve("emptyfolder"))).hasMessageContaining("no results.json in this folder");
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result diff(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new java.util.ArrayList<>(List.of("diff"));
        argv.addAll(List.of(args));
        int exit = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path write(Path folder, RunReport report) throws Exception {
        Files.createDirectories(folder);
        JSON.writeValue(folder.resolve("results.json").toFile(), report);
        return folder;
    }
}
