package org.mwconform.shards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.mwconform.cli.Main;
import org.mwconform.history.HistoryStore;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub Actions template, run here: its shard command three times, then its merge command, against two real
 * local deployments; the merged matrix must equal one unsharded run, cell by cell.
 */
class ShardsMergeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path home = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath();

    @Test
    void threeShardsMergedGiveTheSameMatrixAsOneRun() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(home.resolve("ci-templates/github-actions.yml").toFile());
        assertThat(workflow.at("/jobs/shard/strategy/matrix/shard").toString()).isEqualTo("[1,2,3]");
        String shardCommand = step(workflow.at("/jobs/shard/steps"), "./mwconform run --shard");
        String mergeCommand = step(workflow.at("/jobs/merge/steps"), "./mwconform merge");
        assertThat(shardCommand).startsWith("./mwconform run --shard ${{ matrix.shard }}/3 --reports reports/shard-${{ matrix.shard }}");
        assertThat(mergeCommand).startsWith("./mwconform merge --allure --reports reports shards/shard-*/*/");

        Path work = Files.createTempDirectory(home.resolve("target"), "shards-it-");
        List<String> environments = List.of("--env", home.resolve("environments/local-vanilla.yml").toString(),
                "--env", home.resolve("environments/local-disabled.yml").toString());
        List<Path> shardRuns = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String command = shardCommand.replace("${{ matrix.shard }}", String.valueOf(i));
            List<String> args = words(command.substring("./mwconform ".length(), command.indexOf(" ||")));
            args.set(args.indexOf("--reports") + 1, work.resolve("shard-" + i).toString());
            args.addAll(environments);
            int exit = mwconform(args);
            assertThat(exit).as("shard " + i).isZero();
            shardRuns.add(work.resolve("shard-" + i + "/latest").toRealPath());
        }
        List<String> merge = words(mergeCommand.substring("./mwconform ".length()));
        merge.set(merge.indexOf("--reports") + 1, work.resolve("merged").toString());
        merge.remove("shards/shard-*/*/");
        merge.remove("--allure");  // the Allure pages are checked elsewhere; here, the matrix
        shardRuns.forEach(p -> merge.add(p.toString()));
        assertThat(mwconform(merge)).isZero();

        List<String> whole = new ArrayList<>(List.of("run", "--reports", work.resolve("whole").toString()));
        whole.addAll(environments);
        assertThat(mwconform(whole)).isZero();

        Map<String, String> merged = cells(work.resolve("merged/latest/results.json"));
        Map<String, String> one = cells(work.resolve("whole/latest/results.json"));
        assertThat(merged).hasSize(one.size()).isEqualTo(one);
        for (Path shard : shardRuns) {   // each shard had a real share of the cells
            assertThat(cells(shard.resolve("results.json")).size()).isBetween(one.size() / 3 - 2, one.size() / 3 + 2);
        }
        assertThat(mwconform(List.of("diff", "--fail-on-regression", work.resolve("whole/latest").toString(),
                work.resolve("merged/latest").toString()))).isZero();
        assertThat(work.resolve("merged/latest/index.html")).isRegularFile();
        // the history: a shard's run is never recorded; the merge records the sharded run once, and writes the badges
        for (int i = 1; i <= 3; i++) {
            assertThat(work.resolve("shard-" + i).resolve(HistoryStore.FILE_NAME)).doesNotExist();
        }
        try (HistoryStore history = HistoryStore.open(work.resolve("merged").resolve(HistoryStore.FILE_NAME), false)) {
            assertThat(history.runs()).extracting(HistoryStore.Run::source).containsExactly("merge");
            assertThat(history.runs().get(0).runId()).isEqualTo(work.resolve("merged/latest").toRealPath().getFileName().toString());
        }
        assertThat(work.resolve("merged/badges/local-vanilla.svg")).content().contains("conforms");
        assertThat(work.resolve("merged/badges/local-disabled.svg")).isRegularFile();
        assertThat(work.resolve("merged/latest/junit.xml")).isRegularFile();
    }

    /** deployment/scenario id -> outcome */
    private static Map<String, String> cells(Path resultsJson) throws Exception {
        Map<String, String> cells = new TreeMap<>();
        for (JsonNode d : JSON.readTree(resultsJson.toFile()).path("deployments")) {
            for (JsonNode r : d.path("results")) {
                String key = d.path("name").asText() + "/" + r.path("id").asText();
                assertThat(cells.put(key, r.path("outcome").asText())).as("cell " + key + " once").isNull();
            }
        }
        return cells;
    }

    private static String step(JsonNode steps, String start) {
        for (JsonNode step : steps) {
            String run = step.path("run").asText("");
            if (run.startsWith(start)) {
                return run.strip();
            }
        }
        throw new AssertionError("no step runs " + start);
    }

    private static List<String> words(String command) {
        return new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
    }

    private static int mwconform(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return exit;
    }
}
