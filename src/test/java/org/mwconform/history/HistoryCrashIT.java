package org.mwconform.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real processes on the history file: one killed (SIGKILL) while it records, again and again, leaves a history that
 * opens and holds every run committed before; two recording at once both get every run in.
 */
class HistoryCrashIT {
    private static final int CELLS = 3000;  // 12,000 results a run: a write takes long enough to be killed inside

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(HistoryStore.FILE_NAME);
    }

    private static Process writer(Path file, int first, int count) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HistoryWriter.class.getName(),
                file.toString(), String.valueOf(first), String.valueOf(count), String.valueOf(CELLS))
                .redirectErrorStream(true).start();
    }

    @Test
    void killingAWriterMidWriteLeavesAHistoryThatOpensWithEveryEarlierRun() throws Exception {
        Random random = new Random(23);
        Map<String, Integer> committed = new LinkedHashMap<>();
        int killedWithAJournal = 0;
        int next = 0;
        for (int round = 0; round < 6; round++) {
            Process p = writer(file(), next, 1000);
            java.util.concurrent.LinkedBlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (java.io.IOException closedByTheKill) {
                    // what it said before it died is in the queue
                }
            });
            reader.start();
            for (int seen = 0; seen < 2; seen++) {   // let it commit two runs, then kill it inside a later one
                String line = lines.poll(2, TimeUnit.MINUTES);
                assertThat(line).as("round " + round).startsWith("committed ");
                committed.put(line.split(" ")[1], Integer.parseInt(line.split(" ")[2]));
            }
            Thread.sleep(20 + random.nextInt(250));
            p.destroyForcibly();   // SIGKILL: no shutdown hook, no rollback by the writer
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            for (String line : lines) {   // a commit it announced before dying counts too
                if (line.startsWith("committed ")) {
                    committed.put(line.split(" ")[1], Integer.parseInt(line.split(" ")[2]));
                }
            }
            Path journal = dir.resolve(HistoryStore.FILE_NAME + "-journal");
            if (Files.exists(journal) && Files.size(journal) > 0) {
                killedWithAJournal++;   // it died inside a transaction: the next open rolls it back
            }
            next += 1000;

            try (HistoryStore store = HistoryStore.open(file(), false)) {
                List<String> ids = store.runs().stream().map(HistoryStore.Run::runId).toList();
                assertThat(ids).as("round " + round).containsAll(committed.keySet());
                HistoryView.read(store, 20);   // and it reads
            }
            assertThat(integrity()).as("round " + round).isEqualTo("ok");
            assertThat(resultCounts()).as("every run whole or absent").allSatisfy((run, n) -> assertThat(n).isEqualTo(4 * CELLS));
        }
        System.out.printf("HistoryCrashIT: %d runs committed across 6 kills; %d kills landed inside a transaction%n",
                committed.size(), killedWithAJournal);
        assertThat(killedWithAJournal).as("kills that landed inside a write").isPositive();
    }

    /**
     * The command itself killed inside its history write: {@code mwconform history --import} of large run folders,
     * SIGKILLed part-way; the history opens, every run in it is whole, and importing again completes it.
     */
    @Test
    void killingTheCommandDuringItsHistoryWriteLeavesAWholeHistory() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path reports = dir.resolve("reports");
        for (int i = 0; i < 12; i++) {
            RunRecord big = HistoryWriter.big(i, CELLS);
            List<ScenarioResult> results = big.deployments().get(0).cells().stream().map(c -> new ScenarioResult(c.key(), c.feature(),
                    c.scenario(), List.of(), "failed".equals(c.outcome()) ? Outcome.FAILED : Outcome.PASSED, c.reason(), c.condition(), null)).toList();
            List<DeploymentResult> deployments = new ArrayList<>();
            for (int d = 0; d < 4; d++) {
                deployments.add(new DeploymentResult("deployment-" + d, "http://127.0.0.1:1/api.php", null, "1.39.17", List.of(), true,
                        DeploymentResult.count(results), results, null, null));
            }
            Path folder = Files.createDirectories(reports.resolve("runs").resolve(big.runId()));
            json.writeValue(folder.resolve("results.json").toFile(), new RunReport(new RunReport.Run(big.runId(), big.startedAt(),
                    big.finishedAt(), 1, null, "mwconform test"), deployments));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.mwconform.cli.Main",
                "history", "--reports", reports.toString(), "--import").redirectErrorStream(true).start();
        Path file = reports.resolve(HistoryStore.FILE_NAME);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(file) || Files.size(file) < 2_000_000) {   // a few runs in, then kill it inside the next
            assertThat(System.nanoTime()).as("the import never got going").isLessThan(deadline);
            Thread.sleep(5);
        }
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int recorded;
        try (HistoryStore store = HistoryStore.open(file, false)) {
            recorded = store.runs().size();
            HistoryView.read(store, 20);
        }
        assertThat(recorded).isBetween(1, 11);
        assertThat(integrity(file)).isEqualTo("ok");
        assertThat(resultCounts(file)).allSatisfy((run, n) -> assertThat(n).isEqualTo(4 * CELLS));
        Process again = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.mwconform.cli.Main",
                "history", "--reports", reports.toString(), "--import", "--json").redirectErrorStream(true).start();
        String out = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(out).isZero();
        try (HistoryStore store = HistoryStore.open(file, false)) {
            assertThat(store.runs()).hasSize(12);
        }
        System.out.printf("HistoryCrashIT: the import was killed after %d of 12 runs; the history opened whole%n", recorded);
    }

    @Test
    void twoWritersAtOnceBothGetEveryRunIn() throws Exception {
        Process a = writer(file(), 0, 6);
        Process b = writer(file(), 100, 6);
        assertThat(a.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(b.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String outA = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String outB = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(a.exitValue()).as(outA).isZero();
        assertThat(b.exitValue()).as(outB).isZero();
        try (HistoryStore store = HistoryStore.open(file(), false)) {
            assertThat(store.runs()).hasSize(12);
        }
        assertThat(integrity()).isEqualTo("ok");
    }

    private String integrity() throws Exception {
        return integrity(file());
    }

    private static String integrity(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            return r.getString(1);
        }
    }

    /** run id -> how many results it has */
    private Map<String, Integer> resultCounts() throws Exception {
        return resultCounts(file());
    }

    private static Map<String, Integer> resultCounts(Path file) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT r.run_id, count(x.cell) FROM runs r LEFT JOIN results x ON x.run = r.seq GROUP BY r.run_id")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getInt(2));
            }
        }
        return counts;
    }
}
