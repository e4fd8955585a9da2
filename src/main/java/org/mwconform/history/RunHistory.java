package org.mwconform.history;

import org.mwconform.files.CannotWriteException;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.matrix.ReportFiles;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one door the commands use: check a reports folder's history before a run, record a finished run (and
 * refresh the deployments' badges), import the run folders already there. Every problem is one line.
 */
public final class RunHistory {
    private RunHistory() {
    }

    /** Before anything runs: the history there can be recorded into (or there is none yet). */
    public static void check(Path reportsRoot) {
        Path file = HistoryStore.fileIn(reportsRoot);
        if (Files.exists(file)) {
            if (!Files.isWritable(file) || !Files.isWritable(reportsRoot)) {
                throw new HistoryException(file + ": cannot be written (permission denied); the run would not be recorded");
            }
            HistoryStore.open(file, true).close();
        }
    }

    /**
     * Records a run that has been written to {@code runFolder} (results.json and each deployment's facts.json), then
     * writes the badges of a run that saw every scenario. Returns the lines to print: one saying what was recorded, or
     * one saying why not (the run's own results are never at stake).
     *
     * @param source {@code run} or {@code merge}
     */
    public static List<String> record(Path reportsRoot, Path runFolder, RunReport report, String source) {
        List<String> lines = new ArrayList<>();
        Path file = HistoryStore.fileIn(reportsRoot);
        try (HistoryStore store = HistoryStore.open(file, true)) {
            boolean fresh = store.runs().isEmpty();
            store.record(RunRecord.of(report, runFolder, source));
            int imported = fresh ? importFolders(reportsRoot, store, new ArrayList<>()) : 0;
            lines.add("history: " + file + " (" + store.runs().size() + " runs" + (imported == 0 ? ""
                    : "; " + imported + " earlier run folder(s) imported") + ")");
        } catch (HistoryException e) {
            lines.add("history: not recorded: " + e.getMessage());
            return lines;
        } catch (RuntimeException e) {
            // the run's own results are written already: a defect here costs the record, never the run
            lines.add("history: not recorded: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return lines;
        }
        if (!report.run().partial()) {
            for (DeploymentResult d : report.deployments()) {
                try {
                    Badge.write(reportsRoot.resolve(Badge.FOLDER), d);
                } catch (CannotWriteException e) {
                    // like the history file itself, a badge is never worth the run: one line, the run goes on
                    lines.add("history: no badge for " + d.name() + ": " + e.getMessage());
                }
            }
        }
        return lines;
    }

    /**
     * Imports every run folder under {@code reportsRoot/runs/} the history does not hold yet. A shard's run (its merge
     * is the run), an interrupted run and an unreadable folder are passed over, each with a line in {@code notes}.
     */
    public static int importFolders(Path reportsRoot, HistoryStore store, List<String> notes) {
        Path runs = reportsRoot.resolve("runs");
        List<Path> folders = new ArrayList<>();
        if (Files.isDirectory(runs)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(runs, Files::isDirectory)) {
                stream.forEach(folders::add);
            } catch (IOException e) {
                notes.add("cannot list " + runs + ": " + e.getMessage());
            }
        }
        folders.sort(null);
        int imported = 0;
        for (Path folder : folders) {
            String id = folder.getFileName().toString();
            if (store.contains(id) || !Files.isRegularFile(folder.resolve(ReportFiles.RESULTS))) {
                continue;
            }
            ReportFiles.LoadedRun run;
            try {
                run = ReportFiles.load(folder);
            } catch (ReportFiles.UnreadableReportException e) {
                notes.add("not imported: " + e.getMessage());
                continue;
            }
            RunReport.Run r = run.report().run();
            if (Boolean.TRUE.equals(r.interrupted())) {
                notes.add("not imported: " + id + " was interrupted (incomplete)");
            } else if (r.shard() != null) {
                notes.add("not imported: " + id + " is shard " + r.shard() + " (its merged run is the run)");
            } else if (store.record(RunRecord.of(run.report(), run.folder(), "import"))) {
                imported++;
            }
        }
        return imported;
    }
}
