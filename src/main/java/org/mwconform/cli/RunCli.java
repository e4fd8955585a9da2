package org.mwconform.cli;

import org.mwconform.history.HistoryException;
import org.mwconform.history.HistoryStore;
import org.mwconform.history.Retention;
import org.mwconform.history.RunHistory;
import org.mwconform.run.*;
import org.mwconform.world.RunSettings;

import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mwconform run}: its options, their checks, and the run. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Runs every scenario on every deployment (starting the local wikis) and writes the run's reports.",
                "DIR/latest/ then holds results.json, junit.xml, index.html (the conformance matrix) and the evidence."},
        footer = {"", "Examples:",
                "  mwconform run",
                "  mwconform run --env=environments/local-vanilla.yml --tags='@read-only'",
                "  mwconform run --target https://test.wikipedia.org/w/api.php",
                "  mwconform run --features core --features src/test/resources/features --glue org.example.myextension \\",
                "      --classpath target/test-classes --env environments/my-wiki.yml",
                "", "Exit codes: 0 nothing unexpected; 1 an unexpected result (failed, error, stale-expectation);",
                "2 a usage or configuration error (one line, before anything is sent)."})
final class RunCli implements Callable<Integer> {
    @Option(names = "--env", paramLabel = "FILE", description = "an environment file (repeatable); default: every environments/*.yml")
    List<Path> environments = new ArrayList<>();

    @Option(names = "--target", paramLabel = "URL", description = "an api.php URL to test without an environment file (read-only unless --writable)")
    String target;

    @Option(names = "--writable", description = "with --target: the wiki is disposable, scenarios may create accounts on it")
    boolean writable;

    @Option(names = "--username-prefix", paramLabel = "PREFIX", description = "with --target: prefix of the accounts created (default Mwconform)")
    String usernamePrefix;

    @Option(names = "--tags", paramLabel = "EXPR", description = "a Cucumber tag expression selecting scenarios, e.g. '@read-only and not @captcha'")
    String tags;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "scenarios run in parallel per deployment, 1 to 16 (default ${DEFAULT-VALUE})")
    String threads;

    @Option(names = "--patience", paramLabel = "SECONDS", description = "how long the harness waits on a wiki: one that refuses "
            + "connections, resets them or times out is asked again within it (never replaying a request that may have created an "
            + "account) before the deployment is one error; and reads of list=users and list=logevents wait up to it for a wiki whose "
            + "reads may lag behind its writes (any but SQLite, as siteinfo's dbtype says); default: the environment file's "
            + "patience:, else 10")
    String patience;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "lexical", description = "lexical (default), reverse or random[:SEED]: results must not depend on it")
    String order;

    @Option(names = "--reports", paramLabel = "DIR", description = "where runs are written, relative to the working folder (default: "
            + "mwconform.yml's reports:, else reports/ here); the run goes to DIR/runs/<id>, DIR/latest points at it")
    Path reports;

    @Option(names = "--baseline", paramLabel = "RUN", description = "the run id (under DIR/runs/) the matrix shows changes against; default: the newest run not filtered by --tags")
    String baseline;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto", description = "auto (default: live status on a terminal only), always or never")
    String progress;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only this job's share of the deployment x scenario "
            + "cells (e.g. 2/3); 'mwconform merge' joins the shards' runs into one")
    String shard;

    @Option(names = "--allure", description = "also write each deployment's Allure report now (a JVM each, seconds per deployment); "
            + "'mwconform allure' writes them for any run later")
    boolean allure;

    @Option(names = "--features", paramLabel = "DIR", description = "a feature folder or file to run (repeatable), instead of "
            + "the core contract; 'core' names the core contract (default: as the environment file or mwconform.yml says, else core)")
    List<String> features = new ArrayList<>();

    @Option(names = "--glue", paramLabel = "PKG", description = "a glue package (step classes, hooks) beside the core's org.mwconform.steps (repeatable)")
    List<String> glue = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "PATH", description = "a folder or jar holding that glue's classes, e.g. target/test-classes (repeatable)")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--project", paramLabel = "DIR", description = "a folder holding mwconform.yml (default: the current folder, if it has one)")
    Path project;

    @Option(names = "--keep", paramLabel = "N", description = "after the run, prune run folders beyond the newest N; "
            + "the history (DIR/history.sqlite) keeps every run's results")
    Integer keep;

    @Option(names = "--keep-size", paramLabel = "SIZE", description = "after the run, prune the oldest run folders until they fit in SIZE (e.g. 500M)")
    String keepSize;

    private final Path home;
    private final PrintStream out;

    /** Parses {@code run}'s arguments as the command line does (for tests and embedders). */
    static RunOptions parse(List<String> args) {
        RunCli cli = new RunCli(Path.of("."), System.out);
        try {
            new CommandLine(cli).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        return cli.options();
    }

    RunCli(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    @Override
    public Integer call() {
        RunOptions options = options();
        Retention retention = HistoryCommand.retention(keep, keepSize);
        Path root = ConformanceRun.reportsRoot(options);
        try {
            RunHistory.check(root);  // a history that cannot be recorded into is one line before anything is sent
        } catch (HistoryException e) {
            throw new UsageException(e.getMessage());
        }
        int exit = new ConformanceRun(home, out).run(options);
        prune(root, retention, out);
        return exit;
    }

    /** {@code --keep}/{@code --keep-size} after a run or merge: folders only, never a history record. */
    static void prune(Path reportsRoot, Retention retention, PrintStream out) {
        if (retention.none()) {
            return;
        }
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(reportsRoot), false)) {
            Retention.Pruned pruned = retention.prune(reportsRoot, store);
            out.println("retention: pruned " + pruned.removed().size() + " run folder(s); the history keeps their results"
                    + (pruned.keptUnrecorded().isEmpty() ? "" : "; kept " + pruned.keptUnrecorded().size()
                    + " the history does not hold ('mwconform history --import' records them)"));
        } catch (HistoryException e) {
            out.println("retention: nothing pruned: " + e.getMessage());
        }
    }

    /** The checked options; a {@link UsageException} names the first that is wrong. */
    RunOptions options() {
        if (writable && target == null) {
            throw new UsageException("--writable goes with --target; an environment file says 'writable: true' itself");
        }
        if (usernamePrefix != null && (target == null || !environments.isEmpty())) {
            throw new UsageException("--username-prefix applies to --target only; for an environment file, set 'usernamePrefix' in it");
        }
        if (baseline != null && !baseline.matches("[A-Za-z0-9._-]+")) {
            throw new UsageException("--baseline takes a run id (a folder name under reports/runs/), got '" + baseline + "'");
        }
        if (patience != null && !patience.matches("\\d{1,4}(\\.\\d+)?")) {
            throw new UsageException("--patience takes seconds, got '" + patience + "'");
        }
        if (!progress.matches("auto|always|never")) {
            throw new UsageException("--progress takes auto, always or never, got '" + progress + "'");
        }
        return new RunOptions(List.copyOf(environments), target, writable, usernamePrefix, tags(tags), reports,
                threads(threads), order(order), baseline, progress, allure, Shard.parse(shard), List.copyOf(features),
                List.copyOf(glue), List.copyOf(classpath), project,
                patience == null ? null : java.time.Duration.ofMillis((long) (1000 * Double.parseDouble(patience))));
    }

    /** Parsed by Cucumber's own tag-expression parser, so a broken one fails here, before anything runs. */
    private static String tags(String expression) {
        if (expression == null) {
            return null;
        }
        if (expression.isBlank()) {
            throw new UsageException("--tags needs an expression, e.g. '@read-only and not @captcha'");
        }
        try {
            TagExpressionParser.parse(expression);
            return expression;
        } catch (TagExpressionException e) {
            throw new UsageException("--tags '" + expression + "' is not a tag expression: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        }
    }

    private static String order(String value) {
        if (value.matches("lexical|reverse|random")) {
            return value;
        }
        if (value.matches("random:\\d+")) {
            try {
                Long.parseLong(value.substring("random:".length()));
                return value;
            } catch (NumberFormatException e) {
                throw new UsageException("--order random:SEED takes a seed from 0 to " + Long.MAX_VALUE + ", got '" + value + "'");
            }
        }
        throw new UsageException("--order takes lexical, reverse or random[:SEED], got '" + value + "'");
    }

    private static int threads(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 16) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the one-line message
        }
        throw new UsageException("--threads takes a whole number from 1 to 16, got '" + value + "'");
    }
}
