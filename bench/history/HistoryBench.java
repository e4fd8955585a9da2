import org.mwconform.expectations.Outcome;
import org.mwconform.history.HistoryStore;
import org.mwconform.history.HistoryView;
import org.mwconform.history.RunRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opening a history of RUNS runs (default 1000) of 11 deployments x 57 scenarios, as the matrix has today: how long
 * HistoryStore.open plus HistoryView.read (the last 20 runs of each deployment, since, flaky, fact changes) take,
 * the first time in this JVM and then warm. The file is built once (target/bench/history-RUNS.sqlite) and reused.
 * Run with bench/history/run.
 */
public final class HistoryBench {
    private static final String[] OUTCOMES = {"passed", "passed", "passed", "not-applicable", "known-deviation"};

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path file = Path.of(args.length > 1 ? args[1] : "target/bench/history-" + runs + ".sqlite");
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            long t = System.nanoTime();
            try (HistoryStore store = HistoryStore.open(file, true)) {
                for (int i = 0; i < runs; i++) {
                    store.record(run(i, runs));
                }
            }
            System.out.printf("built %s: %d runs in %.1f s, %.1f MiB%n", file, runs, (System.nanoTime() - t) / 1e9,
                    Files.size(file) / 1048576.0);
        }
        // Wall time, and this thread's CPU time (SQLite runs in it, through JNI): on a machine shared with other work
        // the wall time waits for the CPU, the CPU time does not.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] times = new double[8];
        double[] cpu = new double[8];
        int cells = 0;
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            try (HistoryStore store = HistoryStore.open(file, false)) {
                HistoryView view = HistoryView.read(store, 20);
                cells = view.deployments().stream().mapToInt(d -> d.cells().size()).sum();
            }
            times[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(times, 1, times.length);
        double[] warmCpu = Arrays.copyOfRange(cpu, 1, cpu.length);
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        System.out.printf("open + read (last 20 runs of %d cells) of %d runs: first %.0f ms wall (%.0f ms CPU), then median %.0f ms wall "
                        + "(%.0f ms CPU; wall min %.0f, max %.0f); load average %.1f%n",
                cells, runs, times[0], cpu[0], warm[warm.length / 2], warmCpu[warmCpu.length / 2], warm[0], warm[warm.length - 1],
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        page(file, runs);
    }

    /** The matrix page of one more run with that history beside it: strips, timelines and history.html. */
    private static void page(Path history, int runs) throws Exception {
        Path reports = Files.createTempDirectory(Path.of("target/bench"), "page-");
        Files.copy(history, reports.resolve(HistoryStore.FILE_NAME));
        RunRecord next = run(runs, runs);
        Path folder = Files.createDirectories(reports.resolve("runs").resolve(next.runId()));
        List<org.mwconform.report.DeploymentResult> deployments = new ArrayList<>();
        for (RunRecord.Deployment d : next.deployments()) {
            List<org.mwconform.report.ScenarioResult> results = d.cells().stream().map(c -> new org.mwconform.report.ScenarioResult(
                    c.key(), c.feature(), c.scenario(), List.of("@id:" + c.key()), outcome(c.outcome()), c.reason(), c.condition(), null)).toList();
            deployments.add(new org.mwconform.report.DeploymentResult(d.name(), "http://127.0.0.1:1/api.php", null, "1.43.6",
                    List.of("Vector", "ConfirmEdit"), true, org.mwconform.report.DeploymentResult.count(results), results, null, null));
        }
        org.mwconform.report.RunReport report = new org.mwconform.report.RunReport(new org.mwconform.report.RunReport.Run(
                next.runId(), next.startedAt(), next.finishedAt(), 60, null, "mwconform bench"), deployments);
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            Path page = new org.mwconform.report.matrix.MatrixPage(report, folder, null).write();
            System.out.printf("matrix page with the history's strips (%d cells) and history.html: %.0f ms; index.html %.1f MiB, history.html %.1f MiB%n",
                    deployments.size() * 57, (System.nanoTime() - t) / 1e6, Files.size(page) / 1048576.0,
                    Files.size(folder.resolve("history.html")) / 1048576.0);
        }
    }

    private static Outcome outcome(String label) {
        return Arrays.stream(Outcome.values()).filter(o -> o.label().equals(label)).findFirst().orElseThrow();
    }

    /** Run i: 11 deployments, 57 cells; MediaWiki changes at the middle run, a few cells flap, one changes with it. */
    private static RunRecord run(int i, int runs) {
        Instant started = Instant.parse("2024-01-01T03:00:00Z").plusSeconds(86_400L * i);
        String id = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(started) + "b" + (i % 100);
        List<RunRecord.Deployment> deployments = new ArrayList<>();
        for (int d = 0; d < 11; d++) {
            Map<String, String> facts = new TreeMap<>();
            facts.put("MediaWiki", i < runs / 2 ? "1.43.5" : "1.43.6");
            facts.put("extension Vector", "present");
            facts.put("extension ConfirmEdit", "1.6.0");
            facts.put("PHP", "8.2.36");
            facts.put("CAPTCHA", d % 3 == 0 ? "question" : "none");
            facts.put("anonymous createaccount right", "yes");
            List<RunRecord.Cell> cells = new ArrayList<>();
            for (int s = 0; s < 57; s++) {
                String outcome = OUTCOMES[(s + d) % OUTCOMES.length];
                if (s == 7 && (i + d) % 9 == 0) {
                    outcome = "failed";   // flaps now and then
                }
                if (s == 11 && i >= runs / 2) {
                    outcome = "failed";   // came with the MediaWiki update
                }
                cells.add(new RunRecord.Cell("scenario-" + s, "Feature " + s / 6, "Scenario " + s, outcome,
                        "failed".equals(outcome) ? "api.error-code" : null,
                        "passed".equals(outcome) ? null : "the reason this scenario was " + outcome + " on deployment " + d));
            }
            deployments.add(new RunRecord.Deployment("deployment-" + d, facts, null, cells));
        }
        return new RunRecord(id, started.toString(), started.plusSeconds(60).toString(), "mwconform bench", null, "run", deployments);
    }
}
