package org.mwconform.cli;

import org.mwconform.run.*;
import org.mwconform.report.RunReport;
import org.mwconform.report.matrix.ReportFiles;
import org.mwconform.report.matrix.RunComparison;
import org.mwconform.report.matrix.VersionComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code mwconform diff OLD NEW}: what changed between two runs, per deployment and scenario.
 * OLD and NEW are run folders (holding results.json) or results.json files.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Compares two runs scenario by scenario: each outcome that changed, scenarios and deployments added or removed."},
        footer = {"", "Exit codes: 0 whatever changed (unless --fail-on-regression); 1 a regression, with",
                "--fail-on-regression; 2 a missing file or one that is not a results.json."})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "OLD", description = "a run folder (reports/runs/<run id>, reports/latest) or its results.json")
    String oldRun;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NEW", description = "the run to compare with OLD, the same way")
    String newRun;

    @Option(names = "--versions", arity = "0..1", fallbackValue = "reports/latest", paramLabel = "RUN",
            description = "within one run (default reports/latest): each deployment beside the counterpart its environment file names "
                    + "(e.g. local-temp-1.43 beside local-vanilla), cell by cell: outcome, condition, reason, and each side's evidence")
    String versions;

    @Option(names = "--fail-on-regression", description = "exit 1 when an expected outcome became unexpected "
            + "(e.g. passed -> failed), a judged scenario is not applicable now (passed -> not-applicable), a scenario "
            + "vanished (runs of the same --tags), a new scenario is unexpected, a deployment now fails its preflight, "
            + "or NEW itself records a regression of applicability")
    boolean failOnRegression;

    private final PrintStream out;

    DiffCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (versions != null) {
            if (oldRun != null) {
                throw new UsageException("diff --versions takes one run, not OLD and NEW: mwconform diff --versions [RUN]");
            }
            return versions();
        }
        if (oldRun == null || newRun == null) {
            // Worded as picocli words its own missing parameters (they are optional only because of --versions).
            throw new UsageException((oldRun == null ? "Missing required parameters: 'OLD', 'NEW'" : "Missing required parameter: 'NEW'")
                    + "; see 'mwconform diff --help'");
        }
        ReportFiles.LoadedRun before = load(oldRun, "OLD");
        ReportFiles.LoadedRun after = load(newRun, "NEW");
        RunComparison comparison = RunComparison.compare(before.report(), after.report());
        out.println("mwconform diff: run " + describe(before.report()) + " -> run " + describe(after.report()));
        comparison.lines().forEach(line -> out.println("  " + line));
        out.println(comparison.countLine());
        // NEW's own regressions of applicability (declarations in its environment files, its run's baseline) count too.
        List<String> recorded = after.report().deployments().stream()
                .flatMap(d -> d.regressionList().stream().map(r -> d.name() + ": " + r)).toList();
        recorded.forEach(r -> out.println("  regression recorded by NEW: " + r));
        int regressions = comparison.regressions().size() + recorded.size();
        if (regressions > 0) {
            out.println(regressions + " regression" + (regressions == 1 ? "" : "s"));
        }
        return failOnRegression && regressions > 0 ? Main.UNEXPECTED_RESULT : Main.OK;
    }

    private int versions() {
        ReportFiles.LoadedRun run = load(versions, "RUN");
        List<VersionComparison.Pair> pairs = VersionComparison.of(run.report());
        out.println("mwconform diff --versions: run " + describe(run.report()));
        if (pairs.isEmpty()) {
            out.println("  no deployment in this run names a counterpart (counterpart: in its environment file) that ran too");
        }
        VersionComparison.lines(pairs).forEach(line -> out.println("  " + line));
        return Main.OK;
    }

    private static ReportFiles.LoadedRun load(String arg, String which) {
        try {
            return ReportFiles.load(java.nio.file.Path.of(arg));
        } catch (ReportFiles.UnreadableReportException e) {
            throw new UsageException("diff " + which + ": " + e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("diff " + which + ": not a path: " + arg);
        }
    }

    private static String describe(RunReport report) {
        RunReport.Run run = report.run();
        return run.id() + (run.startedAt() == null ? "" : " (" + run.startedAt() + ")")
                + (run.tags() == null ? "" : " [--tags " + run.tags() + "]");
    }
}
