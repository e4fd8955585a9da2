package org.mwconform.report.matrix;

import org.mwconform.files.AtomicFiles;
import org.mwconform.files.CannotWriteException;
import org.mwconform.report.RunReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code mwconform run} writes next to results.json: the matrix page ({@code index.html}, compared
 * with the previous run of the same reports folder) and {@code junit.xml}. A page that cannot be
 * written costs the page, never the run: the problem comes back as one line.
 */
public final class RunArtifacts {
    public static final String JUNIT_FILE = "junit.xml";

    /** The files written, and a one-line problem for each one that was not. */
    public record Written(Path page, Path junit, String previousRun, List<String> problems) {
    }

    private RunArtifacts() {
    }

    public static Written write(Path runFolder, RunReport report) {
        return write(runFolder, report, null);
    }

    /** As {@link #write(Path, RunReport)}, comparing with the run {@code baselineRunId} when it is not null. */
    public static Written write(Path runFolder, RunReport report, String baselineRunId) {
        List<String> problems = new ArrayList<>();
        Path junit = null;
        try {
            junit = runFolder.resolve(JUNIT_FILE);
            AtomicFiles.writeString(junit, JunitXml.render(report));
        } catch (CannotWriteException e) {
            throw e;  // the disk, not the page: the run cannot keep anything
        } catch (RuntimeException e) {
            junit = null;
            problems.add("no " + JUNIT_FILE + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Path page = null;
        String previousRun = null;
        try {
            ReportFiles.LoadedRun previous = baselineRunId != null ? ReportFiles.namedRun(runFolder, baselineRunId)
                    : ReportFiles.previousRun(runFolder, report).orElse(null);
            previousRun = previous == null ? null : previous.report().run().id();
            page = new MatrixPage(report, runFolder, previous).write();
        } catch (CannotWriteException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            problems.add("no matrix page: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new Written(page, junit, previousRun, List.copyOf(problems));
    }
}
