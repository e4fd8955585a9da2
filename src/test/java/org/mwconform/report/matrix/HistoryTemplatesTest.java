package org.mwconform.report.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Outcome;
import org.mwconform.history.HistoryStore;
import org.mwconform.history.RunRecord;
import org.mwconform.report.RunReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.report.matrix.Runs.deployment;
import static org.mwconform.report.matrix.Runs.result;
import static org.mwconform.report.matrix.Runs.run;

/** The history's strips, timelines and cell page come from templates: whatever a run says is escaped by the engine. */
class HistoryTemplatesTest {
    private static final String MARKUP = "<img src=x onerror=alert(1)>\"'&";

    @TempDir
    Path reports;

    private RunReport report(String id, String day, Outcome outcome) {
        return run(id, "2026-11-" + day + "T10:00:00Z", deployment("local-a", result("id" + MARKUP, outcome, "reason " + MARKUP)));
    }

    @Test
    void markupFromARunIsTextOnTheMatrixAndTheCellPage() throws Exception {
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(reports), true)) {
            store.record(RunRecord.of(report("20261120T100000aaa", "20", Outcome.FAILED), null, "run"));
            store.record(RunRecord.of(report("20261121T100000aaa", "21", Outcome.FAILED), null, "run"));
        }
        Path earlier = Files.createDirectories(reports.resolve("runs/20261121T100000aaa"));
        Files.writeString(earlier.resolve(MatrixPage.FILE_NAME), "<!DOCTYPE html>");
        Path dir = Files.createDirectories(reports.resolve("runs/20261122T100000aaa"));
        String page = Files.readString(new MatrixPage(report("20261122T100000aaa", "22", Outcome.PASSED), dir, null).write());
        String cells = Files.readString(dir.resolve(HistoryStrips.PAGE));

        assertThat(page).contains("data-outcomes=\"failed failed passed\"").contains("class=\"hstrip\" href=\"history.html#h-local-a--id_img_src_x_onerror_alert_1____")
                .contains("<li data-deployment=\"local-a\"><strong>local-a</strong><ol class=\"facts-timeline\"><li class=\"fact-first\" data-run=\"20261120T100000aaa\"><code>20261120T100000aaa</code>: first recorded: ");
        assertThat(cells).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("data-key=\"id&lt;img src=x onerror=alert(1)>&#34;&#39;&amp;\"")
                .contains("<td class=\"reason\">reason &lt;img src=x onerror=alert(1)&gt;\"'&amp;</td>")
                .contains("<code>20261120T100000aaa</code> … <a href=\"../20261121T100000aaa/index.html\"><code>20261121T100000aaa</code></a>")
                .contains("<span class=\"run-count\">(2 runs)</span>");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("written whole: no temporary file left")
                    .containsExactlyInAnyOrder(MatrixPage.FILE_NAME, HistoryStrips.PAGE);
        }
    }
}
