package org.mwconform.cli;

import org.mwconform.report.RunReport;
import org.mwconform.report.matrix.ReportFiles;
import org.mwconform.report.matrix.RunComparison;

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
              OLD, NEW          a run folder (reports/runs/<run id>, reports/latest) or its results.json;
                                prints each outcome that changed, scenarios and deployments added or removed""";

    private final PrintStream out;

    DiffCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
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
