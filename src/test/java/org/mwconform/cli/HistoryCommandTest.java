package org.mwconform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Outcome;
import org.mwconform.history.HistoryStore;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mwconform history}: import, text and JSON, retention, badges, and a bad history file as one line with exit 2. */
class HistoryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    private record Result(int exit, String out, String err) {
    }

    private static Result mwconform(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Run folders 1..n under reports/runs/, as a run writes them; from run {@code changeAt} on, MediaWiki is 1.43.6. */
    private List<String> runFolders(int n, int changeAt) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = String.format("202611%02dT030000ab%d", i, i % 10);
            String started = String.format("2026-11-%02dT03:00:00Z", i);
            boolean after = i >= changeAt;
            List<ScenarioResult> results = List.of(
                    new ScenarioResult("token-issued", "A createaccount token", "A token", List.of(), Outcome.PASSED, null, null, null),
                    new ScenarioResult("badretype", "Failures", "Retyped", List.of(), after ? Outcome.FAILED : Outcome.PASSED,
                            after ? "the wiki answered 'success'" : null, after ? "api.error-code" : null, null));
            DeploymentResult d = new DeploymentResult("nightly", "http://127.0.0.1:1/api.php", null, after ? "1.43.6" : "1.43.5",
                    List.of("Vector"), true, DeploymentResult.count(results), results, null, null);
            Path folder = Files.createDirectories(reports.resolve("runs").resolve(id));
            JSON.writeValue(folder.resolve("results.json").toFile(),
                    new RunReport(new RunReport.Run(id, started, started, 1.0, null, "mwconform test"), List.of(d)));
            ids.add(id);
        }
        return ids;
    }

    @Test
    void importedRunsNameTheRunAndTheFactThatChanged() throws Exception {
        List<String> ids = runFolders(20, 13);
        Result r = mwconform("history", "--reports", reports.toString(), "--import");
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("imported 20 run folder(s)")
                .contains(ids.get(12) + "  MediaWiki 1.43.5 \u2192 1.43.6")
                .contains(ids.get(12) + "  1 scenario(s), with: MediaWiki 1.43.5 \u2192 1.43.6")
                .contains("badretype: passed \u2192 failed")
                .contains("\u2713\u2713\u2713\u2713\u2713\u2713\u2713\u2713\u2713\u2713\u2713\u2713\u2717\u2717\u2717\u2717\u2717\u2717\u2717\u2717  badretype: failed since "
                        + ids.get(12) + " (was passed; with MediaWiki 1.43.5 \u2192 1.43.6)");

        Result json = mwconform("history", "--reports", reports.toString(), "--json", "--scenario", "badretype", "--last", "10");
        assertThat(json.exit).as(json.err).isZero();
        JsonNode cell = JSON.readTree(json.out).at("/deployments/0/cells/0");
        assertThat(cell.path("key").asText()).isEqualTo("badretype");
        assertThat(cell.path("outcomes")).hasSize(10);
        assertThat(cell.at("/since/run").asText()).isEqualTo(ids.get(12));
        assertThat(cell.at("/since/factChanges/0").asText()).isEqualTo("MediaWiki 1.43.5 \u2192 1.43.6");
        assertThat(cell.path("flaky").asBoolean()).isFalse();

        // importing again adds nothing
        assertThat(mwconform("history", "--reports", reports.toString(), "--import").out).contains("imported 0 run folder(s)");
    }

    @Test
    void aLongFactsTimelineShowsItsFirstRecordAndItsLatestChanges() throws Exception {
        List<String> ids = runFolders(14, 99);
        for (int i = 0; i < ids.size(); i++) {   // MediaWiki updated every night
            Path results = reports.resolve("runs").resolve(ids.get(i)).resolve("results.json");
            Files.writeString(results, Files.readString(results).replace("\"1.43.5\"", "\"1.43." + i + "\""));
        }
        Result r = mwconform("history", "--reports", reports.toString(), "--import");
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains(ids.get(0) + "  first recorded: MediaWiki 1.43.0")
                .contains("... 3 earlier change(s) (--json lists every one)")
                .doesNotContain(ids.get(3) + "  MediaWiki")
                .contains(ids.get(4) + "  MediaWiki 1.43.3 \u2192 1.43.4")
                .contains(ids.get(13) + "  MediaWiki 1.43.12 \u2192 1.43.13");
    }

    @Test
    void retentionPrunesFoldersNeverRecords() throws Exception {
        List<String> ids = runFolders(6, 4);
        Path stray = Files.createDirectories(reports.resolve("runs").resolve("20261001T000000old"));  // not a run the history holds
        Files.writeString(stray.resolve("notes.txt"), "kept");
        Result r = mwconform("history", "--reports", reports.toString(), "--import", "--keep", "2");
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("pruned 4 run folder(s)").contains("kept 1 the history does not hold");
        try (var list = Files.list(reports.resolve("runs"))) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("20261001T000000old", ids.get(4), ids.get(5));
        }
        Result after = mwconform("history", "--reports", reports.toString(), "--json");
        assertThat(JSON.readTree(after.out).path("runsRecorded").asInt()).isEqualTo(6);
    }

    @Test
    void anotherHistoryIsMergedRunByRunWithoutDuplicates() throws Exception {
        List<String> ids = runFolders(5, 3);
        Path other = Files.createDirectories(reports.resolve("other"));
        assertThat(mwconform("history", "--reports", reports.toString(), "--import").exit()).isZero();
        // a second job's history: the same first three runs, then its own two
        Files.createDirectories(other.resolve("runs"));
        for (String id : ids.subList(0, 3)) {
            copy(reports.resolve("runs").resolve(id), other.resolve("runs").resolve(id));
        }
        Path extra = Files.createDirectories(other.resolve("runs").resolve("20261130T030000zz9"));
        String json = Files.readString(reports.resolve("runs").resolve(ids.get(4)).resolve("results.json"))
                .replace(ids.get(4), "20261130T030000zz9").replace("2026-11-05T03:00:00Z", "2026-11-30T03:00:00Z");
        Files.writeString(extra.resolve("results.json"), json);
        assertThat(mwconform("history", "--reports", other.toString(), "--import").exit()).isZero();
        Result merged = mwconform("history", "--reports", reports.toString(), "--merge-from",
                other.resolve(HistoryStore.FILE_NAME).toString(), "--json");
        assertThat(merged.exit()).as(merged.err).isZero();
        JsonNode view = JSON.readTree(merged.out);
        assertThat(view.path("runsRecorded").asInt()).isEqualTo(6);
        assertThat(view.path("lastRun").asText()).isEqualTo("20261130T030000zz9");
        assertThat(view.at("/deployments/0/cells/1/outcomes/5/outcome").asText()).isEqualTo("failed");
        assertThat(view.at("/deployments/0/cells/1/outcomes/5/reason").asText()).isEqualTo("the wiki answered 'success'");
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        Files.copy(from.resolve("results.json"), to.resolve("results.json"));
    }

    @Test
    void aBadHistoryFileIsOneLineAndExitTwoAndStaysAsItWas() throws Exception {
        Path file = reports.resolve(HistoryStore.FILE_NAME);
        Files.writeString(file, "{\"not\": \"a history\"}");
        for (List<String> args : List.of(List.of("history", "--reports", reports.toString()),
                List.of("history", "--reports", reports.toString(), "--import"),
                List.of("run", "--reports", reports.toString(), "--target", "http://127.0.0.1:9/api.php"))) {
            Result r = mwconform(args.toArray(String[]::new));
            assertThat(r.exit).as(args + ": " + r.err).isEqualTo(Main.USAGE_ERROR);
            assertThat(r.err.lines()).as(args.toString()).singleElement().asString()
                    .startsWith("mwconform: ").contains("not a mwconform history");
            assertThat(r.out).isEmpty();
        }
        assertThat(Files.readString(file)).isEqualTo("{\"not\": \"a history\"}");
    }

    @Test
    void noHistoryYetIsOneLine() {
        Result r = mwconform("history", "--reports", reports.toString());
        assertThat(r.exit).isEqualTo(Main.USAGE_ERROR);
        assertThat(r.err.lines()).singleElement().asString().contains("no history there");
        Result bad = mwconform("history", "--reports", reports.toString(), "--keep", "0");
        assertThat(bad.exit).isEqualTo(Main.USAGE_ERROR);
        assertThat(bad.err.lines()).singleElement().asString().contains("--keep");
    }
}
