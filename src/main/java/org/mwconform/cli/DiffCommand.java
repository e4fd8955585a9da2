package org.mwconform.cli;

import org.mwconform.report.RunReport;
import org.mwconform.report.matrix.ReportFiles;
import org.mwconform.report.matrix.RunComparison;
import org.mwconform.report.matrix.VersionComparison;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code mwconform diff OLD NEW}: what changed between two runs, per deployment and scenario.
 * OLD and NEW are run folders (holding results.json) or results.json files. Exit 0 whatever changed;
 * 2 with one line when a file is missing or not a results.json.
 */
final class DiffCommand {
    static final String USAGE = """
            usage: mwconform diff OLD NEW
                   mwconform diff --versions [RUN]
              OLD, NEW          a run folder (reports/runs/<run id>, reports/latest) or its results.json;
                                prints each outcome that changed, scenarios and deployments added or removed
              --versions RUN    within one run (default reports/latest): each deployment NAME-VERSION beside NAME
                                (e.g. local-vanilla-1.43 beside local-vanilla), cell by cell: outcome, condition, reason""";

    private final PrintStream out;

    DiffCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("--versions")) {
            if (args.size() > 2) {
                throw new UsageException("diff --versions takes at most one run folder or results.json: mwconform diff --versions [RUN]");
            }
            ReportFiles.LoadedRun run = load(args.size() == 2 ? args.get(1) : "reports/latest", "RUN");
            List<VersionComparison.Pair> pairs = VersionComparison.of(run.report());
            out.println("mwconform diff --versions: run " + describe(run.report()));
            if (pairs.isEmpty()) {
                out.println("  no deployment NAME-VERSION beside a deployment NAME in this run");
            }
            VersionComparison.lines(pairs).forEach(line -> out.println("  " + line));
            return Main.OK;
        }
        if (args.size() != 2 || args.stream().anyMatch(a -> a.startsWith("--"))) {
            throw new UsageException("diff takes two run folders or results.json files: mwconform diff OLD NEW");
        }
        ReportFiles.LoadedRun before = load(args.get(0), "OLD");
        ReportFiles.LoadedRun after = load(args.get(1), "NEW");
        RunComparison comparison = RunComparison.compare(before.report(), after.report());
        out.println("mwconform diff: run " + describe(before.report()) + " -> run " + describe(after.report()));
        comparison.lines().forEach(line -> out.println("  " + line));
        out.println(comparison.countLine());
        return Main.OK;
    }

    private static ReportFiles.LoadedRun load(String arg, String which) {
        try {
            return ReportFiles.load(Path.of(arg));
        } catch (ReportFiles.UnreadableReportException e) {
            throw new UsageException("diff " + which + ": " + e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("diff " + which + ": not a path: " + arg);
        }
    }

    private static String describe(RunReport report) {
        RunReport.Run run = report.run();
        return run.id() + (run.startedAt() == null ? "" : " (" + run.startedAt() + ")");
    }
}
