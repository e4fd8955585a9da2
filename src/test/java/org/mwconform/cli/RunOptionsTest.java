package org.mwconform.cli;

import org.mwconform.run.*;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunOptionsTest {
    @Test
    void parsesTheOptions() {
        RunOptions o = RunCli.parse(List.of("--target", "http://127.0.0.1:1/api.php", "--writable", "--tags", "@read-only", "--threads", "2"));
        assertThat(o.target()).isEqualTo("http://127.0.0.1:1/api.php");
        assertThat(o.targetWritable()).isTrue();
        assertThat(o.tags()).isEqualTo("@read-only");
        assertThat(o.threads()).isEqualTo(2);
        assertThat(o.order()).isEqualTo("lexical");
        assertThat(o.progress()).isEqualTo("auto");
        assertThat(RunCli.parse(List.of("--order", "random:42")).order()).isEqualTo("random:42");
        assertThatThrownBy(() -> RunCli.parse(List.of("--order", "sideways"))).hasMessageContaining("--order takes");
    }

    @Test
    void badUsageIsOneLineAndExitCodeTwo() {
        assertThatThrownBy(() -> RunCli.parse(List.of("--threads", "many"))).hasMessageContaining("--threads takes");
        assertThatThrownBy(() -> RunCli.parse(List.of("--writable"))).hasMessageContaining("--writable goes with --target");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of("run", "--bogus"), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("mwconform: Unknown option: '--bogus'; see 'mwconform run --help'" + System.lineSeparator());
    }

    @Test
    void aBrokenEnvironmentFileIsExitCodeTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of("run", "--env", "no/such/file.yml"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().contains("no such environment file");
    }
}
