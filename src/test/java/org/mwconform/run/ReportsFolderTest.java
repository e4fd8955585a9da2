package org.mwconform.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsFolderTest {
    @TempDir
    Path root;

    private List<String> runs() throws IOException {
        try (Stream<Path> all = Files.list(root.resolve("runs"))) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunIsHiddenUntilPublishedAndLatestMovesOnlyThen() throws IOException {
        ReportsFolder reports = ReportsFolder.check(root, null);
        try (ReportsFolder.Reservation r = reports.reserve(() -> "20261206T010101abc")) {
            Files.writeString(r.folder().resolve("results.json"), "{}");
            assertThat(runs()).containsExactly(".20261206T010101abc.incomplete", ".20261206T010101abc.lock");
            assertThat(root.resolve("latest")).doesNotExist();
            Path published = r.publish();
            reports.pointLatest(published);
        }
        assertThat(runs()).containsExactly("20261206T010101abc");
        assertThat(root.resolve("latest").toRealPath()).isEqualTo(root.resolve("runs/20261206T010101abc").toRealPath());
    }

    @Test
    void twoRunsDrawingTheSameIdGetDistinctOnes() {
        ReportsFolder reports = ReportsFolder.check(root, null);
        Iterator<String> ids = List.of("same", "same", "other").iterator();
        try (ReportsFolder.Reservation a = reports.reserve(ids::next); ReportsFolder.Reservation b = reports.reserve(ids::next)) {
            assertThat(a.runId()).isEqualTo("same");
            assertThat(b.runId()).isEqualTo("other");
        }
    }

    @Test
    void anAbandonedRunLeavesNothing() throws IOException {
        ReportsFolder reports = ReportsFolder.check(root, null);
        try (ReportsFolder.Reservation r = reports.reserve(() -> "x1")) {
            Files.writeString(r.folder().resolve("results.json"), "{\"half\"");
            r.abandon();
        }
        assertThat(runs()).isEmpty();
    }

    @Test
    void leftoversOfAKilledRunAreRemovedAndARunUnderWayIsLeftAlone() throws IOException {
        ReportsFolder reports = ReportsFolder.check(root, null);
        // A run killed with SIGKILL: its folder and an unlocked lock file; another killed before its lock file existed;
        // and a half-made latest link.
        Files.createDirectories(root.resolve("runs/.dead.incomplete/deployments"));
        Files.writeString(root.resolve("runs/.dead.lock"), "");
        Files.createDirectories(root.resolve("runs/.nolock.incomplete"));
        Files.createSymbolicLink(root.resolve(".latest-dead"), Path.of("runs/dead"));
        try (ReportsFolder.Reservation alive = reports.reserve(() -> "alive")) {
            reports.removeLeftovers();
            assertThat(runs()).containsExactly(".alive.incomplete", ".alive.lock");
            assertThat(root.resolve(".latest-dead")).doesNotExist();
        }
    }
}
