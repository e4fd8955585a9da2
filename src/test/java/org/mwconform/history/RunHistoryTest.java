package org.mwconform.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.RunReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Recording as run and merge do it; importing run folders; retention. */
class RunHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    private Path folder(RunReport report) throws Exception {
        Path folder = Files.createDirectories(reports.resolve("runs").resolve(report.run().id()));
        JSON.writeValue(folder.resolve("results.json").toFile(), report);
        return folder;
    }

    private static RunReport withRun(RunReport r, String tags, Boolean interrupted, String shard) {
        RunReport.Run run = r.run();
        return new RunReport(new RunReport.Run(run.id(), run.startedAt(), run.finishedAt(), run.durationSeconds(), tags,
                run.harness(), interrupted, shard), r.deployments());
    }

    @Test
    void theFirstRecordImportsTheRunFoldersAlreadyThereButNeitherShardsNorInterruptedRuns() throws Exception {
        folder(Runs.report(1, Runs.deployment("d", "1", null, Outcome.PASSED)));
        folder(withRun(Runs.report(2, Runs.deployment("d", "1", null, Outcome.PASSED)), null, true, null));
        folder(withRun(Runs.report(3, Runs.deployment("d", "1", null, Outcome.PASSED)), null, null, "1/2"));
        Files.createDirectories(reports.resolve("runs").resolve("20261102T000000bad")).resolve("results.json").toFile().createNewFile();
        RunReport now = Runs.report(4, Runs.deployment("d", "1", null, Outcome.FAILED));
        List<String> lines = RunHistory.record(reports, folder(now), now, "run");
        assertThat(lines.get(0)).contains("(2 runs; 1 earlier run folder(s) imported)");
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(reports), false)) {
            assertThat(store.runs()).extracting(HistoryStore.Run::source).containsExactly("import", "run");
            List<String> notes = new ArrayList<>();
            assertThat(RunHistory.importFolders(reports, store, notes)).isZero();
            assertThat(notes).anyMatch(n -> n.contains("was interrupted")).anyMatch(n -> n.contains("is shard 1/2"))
                    .anyMatch(n -> n.contains("20261102T000000bad"));
        }
        assertThat(Files.readString(reports.resolve("badges/d.svg"))).contains("1 unexpected");
    }

    @Test
    void aFilteredRunIsRecordedButWritesNoBadge() throws Exception {
        RunReport tagged = withRun(Runs.report(1, Runs.deployment("d", "1", null, Outcome.PASSED)), "@read-only", null, null);
        assertThat(RunHistory.record(reports, folder(tagged), tagged, "run").get(0)).contains("(1 runs)");
        assertThat(reports.resolve("badges")).doesNotExist();
    }

    @Test
    void aHistoryThatCannotBeWrittenIsOneLineAndTheRunGoesOn() throws Exception {
        Files.writeString(HistoryStore.fileIn(reports), "not sqlite");
        RunReport now = Runs.report(1, Runs.deployment("d", "1", null, Outcome.PASSED));
        assertThat(RunHistory.record(reports, folder(now), now, "run")).singleElement().asString()
                .startsWith("history: not recorded: ").contains("not a mwconform history");
        assertThat(Files.readString(HistoryStore.fileIn(reports))).isEqualTo("not sqlite");
    }

    @Test
    void retentionKeepsTheNewestTheLatestAndWhatTheHistoryDoesNotHold() throws Exception {
        List<Path> folders = new ArrayList<>();
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(reports), true)) {
            for (int i = 1; i <= 6; i++) {
                RunReport r = Runs.report(i, Runs.deployment("d", "1", null, Outcome.PASSED));
                folders.add(folder(r));
                Files.write(folders.get(i - 1).resolve("evidence.bin"), new byte[100_000]);
                if (i != 2) {
                    store.record(RunRecord.of(r, folders.get(i - 1), "run"));
                }
            }
            Files.createSymbolicLink(reports.resolve("latest"), reports.relativize(folders.get(0)));  // latest: the oldest
            Retention.Pruned pruned = new Retention(null, 250_000L).prune(reports, store);
            assertThat(pruned.removed()).containsExactly(Runs.id(4), Runs.id(3));
            assertThat(pruned.keptUnrecorded()).containsExactly(Runs.id(2));
            assertThat(folders.get(0)).exists();     // latest points there
            assertThat(folders.get(5)).exists();     // the newest
            assertThat(store.runs()).hasSize(5);     // every record stays
            assertThat(new Retention(1, null).prune(reports, store).removed()).containsExactly(Runs.id(5));
        }
        assertThat(Retention.parseSize("500M")).isEqualTo(500L << 20);
        assertThat(Retention.parseSize("2g")).isEqualTo(2L << 30);
    }
}
