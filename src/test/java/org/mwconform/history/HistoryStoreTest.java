package org.mwconform.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Outcome;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryStoreTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(HistoryStore.FILE_NAME);
    }

    @Test
    void aRunIsRecordedOnceAndReadBack() {
        try (HistoryStore store = HistoryStore.open(file(), true)) {
            assertThat(store.record(Runs.record(1, Runs.deployment("local-vanilla", "1.39.17", List.of("Vector"), Outcome.PASSED, Outcome.FAILED)))).isTrue();
            assertThat(store.record(Runs.record(1, Runs.deployment("local-vanilla", "1.39.17", List.of("Vector"), Outcome.PASSED)))).isFalse();
            assertThat(store.runs()).extracting(HistoryStore.Run::runId).containsExactly(Runs.id(1));
        }
        try (HistoryStore store = HistoryStore.open(file(), false)) {
            HistoryView view = HistoryView.read(store, 20);
            HistoryView.DeploymentHistory d = view.deployment("local-vanilla");
            assertThat(d.facts()).containsEntry("MediaWiki", "1.39.17").containsEntry("extension Vector", "present");
            assertThat(d.cell("s1").outcome()).isEqualTo("failed");
            assertThat(d.cell("s1").outcomes().get(0).condition()).isEqualTo("api.error-code");
            assertThat(d.cell("s1").outcomes().get(0).reason()).isEqualTo("reason failed");
        }
    }

    @Test
    void runsAreOrderedByWhenTheyStartedNotWhenTheyWereRecorded() {
        try (HistoryStore store = HistoryStore.open(file(), true)) {
            store.record(Runs.record(5, Runs.deployment("d", "1", null, Outcome.FAILED)));
            store.record(Runs.record(2, Runs.deployment("d", "1", null, Outcome.PASSED)));  // imported later
            assertThat(store.runs()).extracting(HistoryStore.Run::runId).containsExactly(Runs.id(2), Runs.id(5));
            HistoryView.CellHistory c = HistoryView.read(store, 20).deployment("d").cell("s0");
            assertThat(c.outcome()).isEqualTo("failed");
            assertThat(c.since().run()).isEqualTo(Runs.id(5));
        }
    }

    @Test
    void aMissingFileIsOneLineWhenOnlyReading() {
        assertThatThrownBy(() -> HistoryStore.open(file(), false)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("no history there").hasMessageNotContaining("\n");
        assertThat(file()).doesNotExist();
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftAsItIs() throws Exception {
        byte[] text = "some notes, not a history\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file(), text);
        assertThatThrownBy(() -> HistoryStore.open(file(), true)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("not a mwconform history (not an SQLite database)").hasMessageNotContaining("\n");
        assertThat(Files.readAllBytes(file())).isEqualTo(text);
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftAsItIs() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (text TEXT)");
            s.execute("INSERT INTO notes VALUES ('mine')");
        }
        byte[] before = Files.readAllBytes(file());
        assertThatThrownBy(() -> HistoryStore.open(file(), true)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("another application").hasMessageNotContaining("\n");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void aHistoryWithANewerSchemaIsRefusedAndLeftAsItIs() throws Exception {
        HistoryStore.open(file(), true).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=" + (HistoryStore.MIGRATIONS.size() + 1));
        }
        byte[] before = Files.readAllBytes(file());
        assertThatThrownBy(() -> HistoryStore.open(file(), true)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("written by a newer mwconform").hasMessageNotContaining("\n");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void aCorruptHistoryIsOneLineAndLeftAsItIs() throws Exception {
        try (HistoryStore store = HistoryStore.open(file(), true)) {
            for (int i = 0; i < 30; i++) {
                store.record(Runs.record(i, Runs.deployment("d", "1", null, Outcome.PASSED, Outcome.FAILED, Outcome.NOT_APPLICABLE)));
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "rw")) {
            byte[] junk = new byte[(int) f.length() - 4096];
            Arrays.fill(junk, (byte) 0x5a);
            f.seek(4096);  // every page but the header's
            f.write(junk);
        }
        byte[] before = Files.readAllBytes(file());
        assertThatThrownBy(() -> {
            try (HistoryStore store = HistoryStore.open(file(), true)) {
                HistoryView.read(store, 20);
            }
        }).isInstanceOf(HistoryException.class).hasMessageContaining(file().toString()).hasMessageNotContaining("\n");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void anOlderSchemaIsMigratedInPlaceKeepingEveryRun() throws Exception {
        try (HistoryStore store = HistoryStore.open(file(), true)) {
            store.record(Runs.record(1, Runs.deployment("d", "1", null, Outcome.PASSED)));
        }
        List<HistoryStore.Migration> next = new ArrayList<>(HistoryStore.MIGRATIONS);
        next.add(s -> s.execute("ALTER TABLE runs ADD COLUMN note TEXT"));
        try (HistoryStore store = HistoryStore.open(file(), true, next)) {
            assertThat(store.runs()).extracting(HistoryStore.Run::runId).containsExactly(Runs.id(1));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement();
             var r = s.executeQuery("PRAGMA user_version")) {
            assertThat(r.getInt(1)).isEqualTo(next.size());
        }
        // and this harness, which knows one schema fewer, now refuses it
        assertThatThrownBy(() -> HistoryStore.open(file(), true)).hasMessageContaining("newer mwconform");
    }

    @Test
    void twoWritersAtOnceLoseNothing() throws Exception {
        HistoryStore.open(file(), true).close();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 15; i++) {
                        try (HistoryStore store = HistoryStore.open(file(), true)) {  // a connection of its own, as a second job has
                            store.record(Runs.record(writer * 100 + i, Runs.deployment("d" + writer, "1", null,
                                    Outcome.PASSED, Outcome.FAILED, Outcome.PASSED, Outcome.ERROR)));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (HistoryStore store = HistoryStore.open(file(), false)) {
            assertThat(store.runs()).hasSize(30);
        }
    }

    @Test
    void factsChangesReadLikeAPerson() {
        assertThat(DeploymentFacts.changes(Map.of("MediaWiki", "1.43.5", "extension Vector", "present", "CAPTCHA", "none"),
                Map.of("MediaWiki", "1.43.6", "extension Vector", "present", "extension ConfirmEdit", "1.6.0", "CAPTCHA", "question")))
                .containsExactly("MediaWiki 1.43.5 \u2192 1.43.6", "CAPTCHA: none \u2192 question", "ConfirmEdit added (1.6.0)");
        assertThat(DeploymentFacts.changes(Map.of("extension ConfirmEdit", "present"), Map.of())).containsExactly("ConfirmEdit removed");
        // an imported folder without facts.json knows only the version and extensions: the rest is not a change
        Map<String, String> read = Map.of("MediaWiki", "1.39.17", "extension Timeless", "0.9.1", "PHP", "8.2.36", "CAPTCHA", "none");
        assertThat(DeploymentFacts.changes(Map.of("MediaWiki", "1.39.17", "extension Timeless", "present"), read)).isEmpty();
        assertThat(DeploymentFacts.changes(read, Map.of("MediaWiki", "1.39.18", "extension Timeless", "present")))
                .containsExactly("MediaWiki 1.39.17 \u2192 1.39.18");
    }
}
