package org.mwconform.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar mwconform.jar ...} from a folder that is not the repository, with no Maven: the jar
 * carries the features and everything else it needs to test a wiki given by URL.
 */
class StandaloneJarIT {
    @TempDir
    Path elsewhere;

    private record Result(int exit, String output) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().resolve("target/mwconform.jar");
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = elsewhere.resolve("output.txt");
        Process p = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void theJarAloneAnswersAndRuns() throws Exception {
        Result version = java("--version");
        assertThat(version.exit).isZero();
        assertThat(version.output).startsWith("mwconform 0.").doesNotContain("dev");

        Result run = java("run", "--target=http://127.0.0.1:9/api.php", "--reports=out");
        assertThat(run.exit).as(run.output).isEqualTo(1);  // the dead target is one error, as on any machine
        assertThat(run.output).containsPattern("1 deployment\\(s\\), [1-9][0-9]* scenario\\(s\\) each").contains("unreachable", "results: ");
        assertThat(elsewhere.resolve("out/latest/results.json")).exists();
        assertThat(elsewhere.resolve("out/latest/index.html")).exists();
        assertThat(elsewhere.resolve("features")).doesNotExist();
    }
}
