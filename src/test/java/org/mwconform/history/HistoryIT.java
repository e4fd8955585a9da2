package org.mwconform.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.mwconform.cli.Main;
import org.mwconform.report.matrix.ReportFiles;
import org.mwconform.report.matrix.RunArtifacts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when", on real wikis: two real runs of local-vanilla and local-closed (which differ in one setting,
 * {@code $wgGroupPermissions['*']['createaccount']}) are recorded as they end; then twenty nightly runs of one
 * deployment are made from those recorded folders, its wiki's setting changed from the thirteenth on, and
 * {@code mwconform history} must name that run and the changed fact; the matrix page of the last run shows the strips.
 */
class HistoryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAGS = "@id:token-issued or @id:create-account-pass or @id:badretype or @id:anonymous-creation-forbidden";
    private final Path home = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath();

    private record Result(int exit, String out) {
    }

    private static Result mwconform(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return new Result(exit, text);
    }

    @Test
    void twentyRunsWithASettingChangedPartWayNameTheRunAndTheFact() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(home.resolve("target")), "history-it-");
        Path real = work.resolve("real");
        List<String> run = List.of("run", "--reports", real.toString(), "--tags", TAGS,
                "--env", home.resolve("environments/local-vanilla.yml").toString(),
                "--env", home.resolve("environments/local-closed.yml").toString());
        Result first = mwconform(run.toArray(String[]::new));
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("history: " + real.resolve(HistoryStore.FILE_NAME) + " (1 runs)");
        Result second = mwconform(run.toArray(String[]::new));
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("(2 runs)");
        Path realRun = real.resolve("latest").toRealPath();
        // the real run's page: a strip of two runs per cell, and the facts the preflight read
        String page = Files.readString(realRun.resolve("index.html"));
        assertThat(page).contains("class=\"hstrip\"").contains("data-runs=\"2\"").contains("anonymous createaccount right: no");
        assertThat(realRun.resolve(org.mwconform.report.matrix.HistoryStrips.PAGE)).isRegularFile();
        try (HistoryStore store = HistoryStore.open(real.resolve(HistoryStore.FILE_NAME), false)) {
            HistoryView view = HistoryView.read(store, 20);
            assertThat(view.runsRecorded()).isEqualTo(2);
            assertThat(view.deployment("local-vanilla").facts()).containsEntry("anonymous createaccount right", "yes")
                    .containsKey("MediaWiki").containsEntry("createaccount module", "ApiAMCreateAccount");
            assertThat(view.deployment("local-closed").facts()).containsEntry("anonymous createaccount right", "no");
        }
        assertThat(real.resolve("badges")).doesNotExist();  // a --tags run never speaks for the whole deployment

        // twenty nightly runs of one deployment, from the recorded folders: its wiki is local-vanilla until the
        // thirteenth run, then local-closed (the same wiki with anonymous account creation switched off)
        Path nightly = work.resolve("nightly");
        JsonNode results = JSON.readTree(realRun.resolve(ReportFiles.RESULTS).toFile());
        List<String> ids = new ArrayList<>();
        Instant t0 = Instant.parse("2026-11-01T02:00:00Z");
        for (int i = 1; i <= 20; i++) {
            String source = i < 13 ? "local-vanilla" : "local-closed";
            Instant started = t0.plusSeconds(86_400L * i);
            String id = started.toString().replaceAll("[-:]", "").replace("Z", "").substring(0, 15) + "n" + String.format("%02d", i);
            ids.add(id);
            Path folder = Files.createDirectories(nightly.resolve("runs").resolve(id));
            ObjectNode copy = results.deepCopy();
            ((ObjectNode) copy.get("run")).put("id", id).put("startedAt", started.toString()).put("finishedAt", started.plusSeconds(30).toString())
                    .remove("tags");
            var deployments = copy.withArray("deployments");
            for (int d = deployments.size() - 1; d >= 0; d--) {
                if (!deployments.get(d).path("name").asText().equals(source)) {
                    deployments.remove(d);
                }
            }
            ((ObjectNode) deployments.get(0)).put("name", "nightly");
            JSON.writeValue(folder.resolve(ReportFiles.RESULTS).toFile(), copy);
            Path facts = Files.createDirectories(folder.resolve("deployments/nightly"));
            Files.copy(realRun.resolve("deployments").resolve(source).resolve("facts.json"), facts.resolve("facts.json"));
        }
        Result history = mwconform("history", "--reports", nightly.toString(), "--import", "--deployment", "nightly");
        assertThat(history.exit()).isZero();
        String thirteenth = ids.get(12);
        assertThat(history.out()).contains("imported 20 run folder(s)")
                .contains("    " + thirteenth + "  anonymous createaccount right: yes \u2192 no")
                .contains("    " + thirteenth + "  ")   // the outcome changes of that run
                .contains("with: anonymous createaccount right: yes \u2192 no")
                .contains("create-account-pass: passed \u2192 ")
                .contains("since " + thirteenth + " (was passed; with anonymous createaccount right: yes \u2192 no)");

        Result json = mwconform("history", "--reports", nightly.toString(), "--json", "--scenario", "create-account-pass");
        JsonNode cell = JSON.readTree(json.out()).at("/deployments/0/cells/0");
        assertThat(cell.at("/since/run").asText()).isEqualTo(thirteenth);
        assertThat(cell.at("/since/factChanges").toString()).contains("anonymous createaccount right: yes \u2192 no");
        assertThat(cell.path("outcomes")).hasSize(20);

        // the last nightly run's matrix page: its strip is the eleven runs before it (four passes, then seven of the new
        // outcome) and its own outcome; the runs recorded after a page's run never show on it
        Path last = nightly.resolve("runs").resolve(ids.get(19));
        RunArtifacts.write(last, ReportFiles.load(last).report());
        String lastPage = Files.readString(last.resolve("index.html"));
        String now = cell.path("outcome").asText();
        assertThat(now).isNotEqualTo("passed");
        assertThat(lastPage).contains("data-key=\"create-account-pass\"")
                .contains("data-outcomes=\"passed passed passed passed " + (now + " ").repeat(7) + now + "\"");
        assertThat(lastPage).contains("data-run=\"" + thirteenth + "\"><code>" + thirteenth + "</code>: anonymous createaccount right: yes \u2192 no");
    }
}
