package org.mwconform.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A process that records runs into a history, one after another, saying "committed RUN CELLS" after each: the crash
 * and concurrency tests start it, kill it, or start two. Each run is large (so a kill lands inside a write).
 * Arguments: FILE FIRST-INDEX COUNT CELLS-PER-DEPLOYMENT
 */
public final class HistoryWriter {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int cells = Integer.parseInt(args[3]);
        for (int i = first; i < first + count; i++) {
            RunRecord run = big(i, cells);
            try (HistoryStore store = HistoryStore.open(file, true)) {
                store.record(run);
            }
            System.out.println("committed " + run.runId() + " " + run.deployments().stream().mapToInt(d -> d.cells().size()).sum());
            System.out.flush();
        }
    }

    static RunRecord big(int i, int cellsPerDeployment) {
        List<RunRecord.Deployment> deployments = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            List<RunRecord.Cell> cells = new ArrayList<>();
            for (int s = 0; s < cellsPerDeployment; s++) {
                String outcome = (s + i) % 7 == 0 ? "failed" : "passed";
                cells.add(new RunRecord.Cell("scenario-" + s, "Feature", "Scenario " + s, outcome,
                        "failed".equals(outcome) ? "api.error-code" : null, "failed".equals(outcome) ? "run " + i + " cell " + s : null));
            }
            deployments.add(new RunRecord.Deployment("deployment-" + d, Map.of("MediaWiki", "1.39." + (i % 3)), null, cells));
        }
        return new RunRecord(Runs.id(i), Runs.started(i), Runs.started(i), "mwconform test", null, "run", deployments);
    }
}
