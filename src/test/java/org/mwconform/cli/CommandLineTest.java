package org.mwconform.cli;

import org.mwconform.run.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a person meets it: help, version, completion, and each bad option as one line with exit 2. */
class CommandLineTest {
    /** Nothing listens here; every case below must fail before anything would be sent to it. */
    private static final String DEAD = "http://127.0.0.1:9/api.php";

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result mwconform(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit 2, exactly one line on stderr (starting "mwconform: " and containing {@code expected}), nothing on stdout. */
    private static void oneLineUsageError(Result r, String expected) {
        assertThat(r.exit).as(r.err).isEqualTo(Main.USAGE_ERROR);
        assertThat(r.err.lines()).singleElement().asString().startsWith("mwconform: ").contains(expected);
        assertThat(r.out).isEmpty();
    }

    @Test
    void mutateChecksItsOptionsBeforeAnythingRuns() {
        Result list = mwconform("mutate", "--mutant", "list");
        assertThat(list.exit).as(list.err).isZero();
        assertThat(list.out).isNotBlank();
        for (List<String> bad : List.of(List.of("mutate"), List.of("mutate", "--env", "x.yml", "--parallel", "99"),
                List.of("mutate", "--env", "x.yml", "--patience", "soon"), List.of("mutate", "--threads"),
                List.of("mutate", "--env", "x.yml", "--mutant", "no-such-mutant"),
                // an extension's suite, as run takes it: a folder that does not exist is one line
                List.of("mutate", "--env", "x.yml", "--features", "no/such/features"),
                List.of("mutate", "--env", "x.yml", "--glue", "not a package"))) {
            Result r = mwconform(bad.toArray(String[]::new));
            assertThat(r.exit).as(bad + ": " + r.err).isEqualTo(Main.USAGE_ERROR);
            assertThat(r.err.strip().lines()).as(bad.toString()).hasSize(1);
            assertThat(r.out).as(bad.toString()).isEmpty();
        }
    }

    @Test
    void everyCommandAnswersHelpAndVersion() {
        for (String command : List.of("run", "diff", "merge", "allure", "docs", "mutate", "completion")) {
            Result help = mwconform(command, "--help");
            assertThat(help.exit).as(command).isZero();
            assertThat(help.out).as(command).startsWith("Usage: mwconform " + command).contains("--help", "--version");
            assertThat(mwconform("help", command).out).isEqualTo(help.out);
            Result version = mwconform(command, "--version");
            assertThat(version.exit).isZero();
            assertThat(version.out).startsWith("mwconform ");
        }
        assertThat(mwconform("--version").out).startsWith("mwconform ").contains("Java ");
        Result overview = mwconform();
        assertThat(overview.exit).isZero();
        assertThat(overview.out).contains("run", "diff", "allure", "mutate", "completion", "help", "Exit codes");
        assertThat(mwconform("run", "--help").out).contains("--tags=EXPR", "--baseline=RUN", "--progress=WHEN", "--reports=DIR");
    }

    @Test
    void theCompletionScriptKnowsEveryCommandAndOption() {
        Result r = mwconform("completion");
        assertThat(r.exit).isZero();
        assertThat(r.out).startsWith("#!/usr/bin/env bash").contains("complete -F", "run", "diff", "--tags", "--env",
                "--fail-on-regression", "--baseline");
    }

    @Test
    void optionsTakeTheirValueAfterAnEqualsSignToo() {
        RunOptions o = RunCli.parse(List.of("--target=" + DEAD, "--threads=2", "--tags=@read-only and not @captcha",
                "--order=random:7", "--reports=x", "--baseline=20261122T000000abc", "--progress=never"));
        assertThat(o.target()).isEqualTo(DEAD);
        assertThat(o.threads()).isEqualTo(2);
        assertThat(o.tags()).isEqualTo("@read-only and not @captcha");
        assertThat(o.order()).isEqualTo("random:7");
        assertThat(o.reportsDir()).isEqualTo(Path.of("x"));
        assertThat(o.baseline()).isEqualTo("20261122T000000abc");
    }

    @Test
    void unknownOptionsAndCommandsAreOneLine() {
        oneLineUsageError(mwconform("run", "--bogus"), "Unknown option: '--bogus'; see 'mwconform run --help'");
        oneLineUsageError(mwconform("frobnicate"), "Unmatched argument at index 0: 'frobnicate'");
        oneLineUsageError(mwconform("run", "--threads=many"), "--threads takes a whole number from 1 to 16, got 'many'");
        oneLineUsageError(mwconform("run", "--writable"), "--writable goes with --target");
    }

    @Test
    void aBrokenTagExpressionIsFoundByCucumbersOwnParser() {
        oneLineUsageError(mwconform("run", "--target", DEAD, "--tags", "@a and (@b"), "--tags '@a and (@b' is not a tag expression");
        oneLineUsageError(mwconform("run", "--target", DEAD, "--tags", "@a or or @b"), "is not a tag expression");
        oneLineUsageError(mwconform("run", "--target", DEAD, "--tags", " "), "--tags needs an expression");
    }

    @Test
    void anOrderSeedThatOverflowsIsOneLine() {
        oneLineUsageError(mwconform("run", "--target", DEAD, "--order", "random:99999999999999999999"),
                "--order random:SEED takes a seed from 0 to 9223372036854775807");
        oneLineUsageError(mwconform("run", "--target", DEAD, "--order", "random:-1"), "--order takes lexical, reverse or random[:SEED]");
        oneLineUsageError(mwconform("run", "--target", DEAD, "--patience", "soon"), "--patience takes seconds, got 'soon'");
    }

    @Test
    void aUsernamePrefixWithAnEnvironmentFileIsRefusedNotIgnored() {
        oneLineUsageError(mwconform("run", "--env", "environments/local-vanilla.yml", "--username-prefix", "Mine"),
                "--username-prefix applies to --target only");
        oneLineUsageError(mwconform("run", "--target", DEAD, "--env", "environments/local-vanilla.yml", "--username-prefix", "Mine"),
                "--username-prefix applies to --target only");
        oneLineUsageError(mwconform("run", "--username-prefix", "Mine"), "--username-prefix applies to --target only");
    }

    @Test
    void reportsPointingAtAFileIsOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        oneLineUsageError(mwconform("run", "--target", DEAD, "--reports", file.toString()), "--reports " + file + " is a file, not a folder");
    }

    @Test
    void anUnwritableReportsFolderIsOneLine() throws Exception {
        Path unwritable;
        if ("root".equals(System.getProperty("user.name"))) {
            unwritable = Path.of("/proc/self");  // root may write anywhere but not into procfs
        } else {
            unwritable = Files.createDirectories(dir.resolve("read-only"));
            Files.setPosixFilePermissions(unwritable, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        oneLineUsageError(mwconform("run", "--target", DEAD, "--reports", unwritable.toString()), "is not a writable folder");
    }

    @Test
    void aLatestThatIsARealFolderFailsBeforeTheRunAndLeavesNoStrayLink() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.createDirectories(reports.resolve("latest"));
        Files.writeString(reports.resolve("latest/mine.txt"), "someone's own file");
        oneLineUsageError(mwconform("run", "--target", DEAD, "--reports", reports.toString()),
                "'latest' there is a real folder, not the link mwconform keeps");
        assertThat(Files.readString(reports.resolve("latest/mine.txt"))).isEqualTo("someone's own file");
        assertThat(entries(reports)).containsExactlyInAnyOrder("latest", "runs");
        assertThat(entries(reports.resolve("runs"))).isEmpty();
    }

    @Test
    void aUsageErrorLeavesLatestWhereItWas() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.createDirectories(reports.resolve("runs/20261120T000000old"));
        Files.createSymbolicLink(reports.resolve("latest"), Path.of("runs/20261120T000000old"));
        List<List<String>> bad = List.of(
                List.of("--tags", "@no-such-tag"),
                List.of("--tags", "@a and"),
                List.of("--order", "random:99999999999999999999"),
                List.of("--baseline", "20261101T000000nope"),
                List.of("--env", dir.resolve("missing.yml").toString()));
        for (List<String> extra : bad) {
            List<String> args = new ArrayList<>(List.of("run", "--target", DEAD, "--reports", reports.toString()));
            args.addAll(extra);
            Result r = mwconform(args.toArray(String[]::new));
            assertThat(r.exit).as(extra.toString()).isEqualTo(Main.USAGE_ERROR);
            assertThat(r.err.lines()).as(extra.toString()).hasSize(1);
            assertThat(Files.readSymbolicLink(reports.resolve("latest"))).isEqualTo(Path.of("runs/20261120T000000old"));
            assertThat(entries(reports.resolve("runs"))).containsExactly("20261120T000000old");
            assertThat(entries(reports)).containsExactlyInAnyOrder("latest", "runs");
        }
        oneLineUsageError(mwconform("run", "--target", DEAD, "--reports", reports.toString(), "--tags", "@no-such-tag"),
                "no scenario matches --tags @no-such-tag");
    }

    private static List<String> entries(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
