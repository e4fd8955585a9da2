package org.mwconform.report.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Outcome;
import org.mwconform.history.HistoryStore;
import org.mwconform.history.RunRecord;
import org.mwconform.report.RunReport;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.report.matrix.Runs.deployment;
import static org.mwconform.report.matrix.Runs.result;
import static org.mwconform.report.matrix.Runs.run;

/** The matrix page's history fragments, without a browser (MatrixPageBrowserIT looks at them in one). */
class HistoryStripsTest {
    @TempDir
    Path reports;

    private RunReport report(String id, String day, Outcome badretype) {
        return run(id, "2026-11-" + day + "T10:00:00Z", deployment("local-a", result("token-issued", Outcome.PASSED),
                result("badretype", badretype)), Runs.unreachable("local-b", "Connection refused"));
    }

    @Test
    void withoutAHistoryThePageHasNoStripsAndNoHistoryPage() throws Exception {
        Path dir = Files.createDirectories(reports.resolve("runs/20261122T100000aaa"));
        Path page = new MatrixPage(report("20261122T100000aaa", "22", Outcome.PASSED), dir, null).write();
        assertThat(Files.readString(page)).doesNotContain("class=\"hstrip").doesNotContain("id=\"history\"");
        assertThat(dir.resolve(HistoryStrips.PAGE)).doesNotExist();
    }

    @Test
    void thePageShowsTheRunsBeforeItsOwnAndNeverLaterOnes() throws Exception {
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(reports), true)) {
            store.record(RunRecord.of(report("20261120T100000aaa", "20", Outcome.PASSED), null, "run"));
            store.record(RunRecord.of(report("20261121T100000aaa", "21", Outcome.FAILED), null, "run"));
            store.record(RunRecord.of(report("20261122T100000aaa", "22", Outcome.PASSED), null, "run"));  // this page's own
            store.record(RunRecord.of(report("20261123T100000aaa", "23", Outcome.ERROR), null, "run"));   // later: never shown
        }
        Path dir = Files.createDirectories(reports.resolve("runs/20261122T100000aaa"));
        Path page = new MatrixPage(report("20261122T100000aaa", "22", Outcome.PASSED), dir, null).write();
        String html = Files.readString(page);
        assertThat(html).contains("href=\"history.html#h-local-a--badretype\" data-runs=\"3\" data-outcomes=\"passed failed passed\"")
                .contains("class=\"hstrip flaky\"")
                .contains("data-outcomes=\"passed passed passed\"")
                .doesNotContain("error passed")
                .contains("4 run(s) recorded in history.sqlite");
        String cellPage = Files.readString(dir.resolve(HistoryStrips.PAGE));
        assertThat(cellPage).contains("id=\"h-local-a--badretype\"").contains("<strong>this run</strong>")
                .doesNotContain("20261123T100000aaa").contains("20261121T100000aaa")
                .contains("style-src 'sha256-").doesNotContain("<script");
    }

    @Test
    void anUnreadableHistoryIsOneLineOnThePageAndLeftAsItIs() throws Exception {
        Files.writeString(HistoryStore.fileIn(reports), "not a history");
        Path dir = Files.createDirectories(reports.resolve("runs/20261122T100000aaa"));
        Path page = new MatrixPage(report("20261122T100000aaa", "22", Outcome.PASSED), dir, null).write();
        assertThat(Files.readString(page)).contains("class=\"history-problem\">The history could not be read: ")
                .doesNotContain("class=\"hstrip");
        assertThat(Files.readString(HistoryStore.fileIn(reports))).isEqualTo("not a history");
    }
}
