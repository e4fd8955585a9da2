package org.mwconform.cli;

import org.mwconform.run.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.report.RunReport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTest {
    @TempDir
    Path dir;

    @Test
    void theShardsCoverEveryCellExactlyOnceAndEvenly() {
        List<String> deployments = List.of("local-b", "local-a", "local-c");
        List<Integer> scenarios = IntStream.range(0, 40).boxed().toList();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, List<Integer>> mine = new Shard(i, 3).deal(deployments, scenarios);
            int cells = mine.values().stream().mapToInt(List::size).sum();
            assertThat(cells).isEqualTo(40);
            assertThat(mine).containsOnlyKeys(deployments);   // every shard has a share of every deployment
            mine.forEach((d, s) -> s.forEach(x -> assertThat(seen.add(d + "/" + x)).isTrue()));
        }
        assertThat(seen).hasSize(120);
        assertThat(new Shard(1, 1).deal(deployments, scenarios).get("local-a")).hasSize(40);
        assertThat(new Shard(3, 3).deal(List.of("only"), List.of(1, 2))).isEmpty();   // nothing for this shard: left out
    }

    @Test
    void aBadShardIsOneLine() {
        for (String bad : List.of("0/3", "4/3", "1/0", "a/b", "1-3", "99999/99999")) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(UsageException.class)
                    .hasMessage("--shard takes I/N with 1 <= I <= N (e.g. 2/3), got '" + bad + "'");
        }
        assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
        assertThat(RunCli.parse(List.of("--shard=2/3")).shard()).isEqualTo(new Shard(2, 3));
    }

    @Test
    void mergeRefusesAMissingOrRepeatedShardOrMixedSplits() throws Exception {
        Path one = shard("a", "1/3");
        Path two = shard("b", "2/3");
        Path three = shard("c", "3/3");
        Path otherSplit = shard("d", "1/2");
        assertThat(merge(one, two)).isEqualTo("mwconform: merge: shard 3/3 missing: a merged matrix needs every shard");
        assertThat(merge(one, two, two)).isEqualTo("mwconform: merge: shard 2/3 is given twice");
        assertThat(merge(one, two, three, otherSplit)).isEqualTo("mwconform: merge: shards of different splits (1/3 and 1/2)");
        assertThat(merge(one, dir.resolve("nothing"))).startsWith("mwconform: merge " + dir.resolve("nothing") + ": ");
        assertThat(Files.exists(dir.resolve("merged"))).isFalse();
    }

    private String merge(Path... runs) {
        List<String> args = new ArrayList<>(List.of("merge", "--reports", dir.resolve("merged").toString()));
        for (Path r : runs) {
            args.add(r.toString());
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    private Path shard(String id, String shard) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("runs").resolve(id));
        new ObjectMapper().writeValue(folder.resolve("results.json").toFile(), new RunReport(
                new RunReport.Run(id, "2026-11-29T10:00:00Z", "2026-11-29T10:00:01Z", 1, null, "mwconform test", null, shard), List.of()));
        return folder;
    }
}
