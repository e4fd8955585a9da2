package org.mwconform.cli;

import org.mwconform.files.AtomicFiles;
import org.mwconform.run.*;
import org.mwconform.accounts.AccountFactory;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.deployments.LocalProvisioner;
import org.mwconform.expectations.Outcome;
import org.mwconform.mutate.FaultInjectingProxy;
import org.mwconform.mutate.Mutant;
import org.mwconform.mutate.Mutants;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.ScenarioResult;
import org.mwconform.world.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * {@code mwconform mutate --env FILE}: runs the suite against a writable deployment through a
 * {@link FaultInjectingProxy}, once as it is (the baseline) and once per {@link Mutants mutant}, and prints,
 * per mutant, whether it was killed and by which scenarios, at which condition. A kill is a scenario that
 * passed (or showed its known deviation) without the mutant and {@code failed} with it; an error is no kill.
 * Each mutant runs alone, so no mutant can kill a scenario another one is aimed at.
 */
@Command(name = "mutate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Runs the scenarios against a writable deployment through a fault-injecting proxy, once as it is and once per"
                + " mutant, and prints per mutant: killed (by which scenario, at which condition), flagged or survived."},
        footer = {"", "Exit codes: 0 every mutant killed; 1 a mutant survived or the baseline is not green;",
                "2 a usage or configuration error (e.g. a deployment that is not writable)."})
final class MutateCommand implements Callable<Integer> {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--env", paramLabel = "FILE", description = "the writable deployment to put the proxy in front of")
    Path env;

    @Option(names = "--mutant", paramLabel = "NAME", description = "a mutant of the catalogue (repeatable); default: all of them;"
            + " '--mutant list' names them")
    List<String> names = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "EXPR", description = "only the scenarios matching this Cucumber tag expression")
    String tags;

    @Option(names = "--parallel", paramLabel = "N", description = "mutants run at a time, 1 to 8 (default ${DEFAULT-VALUE})")
    int parallel = 2;

    @Option(names = "--threads", paramLabel = "N", description = "scenarios at a time per run, 1 to 16 (default ${DEFAULT-VALUE})")
    int threads = 4;

    @Option(names = "--patience", paramLabel = "SECONDS", description = "how long the harness waits on the wiki: reads of list=users and list=logevents, and a wiki that "
            + "does not answer (default: the environment file's patience:, else 10)")
    String patience;

    @Option(names = "--reports", paramLabel = "DIR", description = "where the runs and mutation.md go (default ${DEFAULT-VALUE})")
    Path reports = Path.of("reports", "mutate");

    @Option(names = "--features", paramLabel = "DIR", description = "a feature folder or file to run (repeatable), 'core' for the core"
            + " contract; as for run: default the environment file's features, else mwconform.yml's, else the core")
    List<String> features = new ArrayList<>();

    @Option(names = "--glue", paramLabel = "PKG", description = "a glue package beside the core's org.mwconform.steps (repeatable)")
    List<String> glue = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "PATH", description = "a folder or jar holding that glue's classes (repeatable)")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--project", paramLabel = "DIR", description = "a folder holding mwconform.yml (default: the current folder, if it has one);"
            + " its only environment is the default --env")
    Path project;

    private final Path home;
    private final PrintStream out;

    MutateCommand(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    /** One mutant's verdict. */
    record Verdict(String mutant, String description, List<String> killedBy, List<String> errors, List<String> turnedNotApplicable) {
        boolean killed() {
            return !killedBy.isEmpty();
        }

        /** Not killed, but the run flags it: scenarios that applied without the mutant no longer apply (see NotApplicableFlags). */
        boolean flagged() {
            return !killed() && !turnedNotApplicable.isEmpty();
        }

        String verdict() {
            return killed() ? "killed" : flagged() ? "flagged" : "SURVIVED";
        }
    }

    @Override
    public Integer call() {
        number(parallel, "--parallel", 1, 8);
        number(threads, "--threads", 1, 16);
        if (names.contains("list")) {
            Mutants.all().forEach(m -> out.println(m.name() + ": " + m.description()));
            return Main.OK;
        }
        org.mwconform.deployments.ProjectFile projectFile = ConformanceRun.project(project);
        if (env == null && projectFile != null && projectFile.environments().size() == 1) {
            env = projectFile.environments().get(0);
        }
        if (env == null) {
            throw new UsageException("mutate needs --env FILE: the writable deployment to put the proxy in front of");
        }
        org.mwconform.deployments.Suite given = ConformanceRun.givenSuite(features, glue);
        List<Path> glueClasspath = ConformanceRun.classpath(classpath, projectFile);
        java.time.Duration patienceGiven = null;  // this command's own, never a JVM-wide setting
        if (patience != null) {
            if (!patience.matches("\\d+(\\.\\d+)?")) {
                throw new UsageException("--patience takes seconds, got '" + patience + "'");
            }
            patienceGiven = java.time.Duration.ofMillis((long) (1000 * Double.parseDouble(patience)));
        }
        List<Mutant> mutants = new ArrayList<>();
        for (String name : names) {
            mutants.add(Mutants.named(name).orElseThrow(() -> new UsageException("no mutant named '" + name + "'; 'mwconform mutate --mutant list' names them")));
        }
        if (mutants.isEmpty()) {
            mutants.addAll(Mutants.all());
        }
        Deployment file = new DeploymentLoader().load(env);
        Deployment loaded = patienceGiven == null ? file : file.withClient(file.client().withPatienceOverride(patienceGiven));
        if (!loaded.writable()) {
            throw new UsageException(loaded.name() + " is not writable: mutants make a wiki create accounts it should not, so mutate runs only"
                    + " against a deployment whose environment file says writable: true");
        }
        String runId = AccountFactory.newRunId();
        Path runDir = home.resolve(reports).resolve(runId);
        String notStarted = new LocalProvisioner(home, out).up(List.of(loaded)).get(loaded.name());
        // The proxy goes in front of the wiki where it was started (a free port when another checkout holds the file's).
        Deployment deployment = LocalProvisioner.asServed(loaded);
        // The same suite as `mwconform run` would give this deployment: extension scenarios, glue and classes included.
        org.mwconform.deployments.Suite suite = ConformanceRun.suiteOf(given, deployment, projectFile);
        ScenarioLauncher launcher = new ScenarioLauncher(FeatureCatalog.locate(home).folder(), runId, tags, threads, "lexical",
                new RunInterruption(), null, glueClasspath, d -> suite);
        if (!suite.isCoreOnly()) {
            out.println("suite: " + String.join(", ", suite.features()) + (suite.glue().isEmpty() ? "" : "; glue " + String.join(", ", suite.glue())));
        }
        DeploymentRunner runner = new DeploymentRunner(launcher, new Preflight(), null, tags == null);
        out.println("mwconform mutate " + runId + ": " + deployment.name() + " through a fault-injecting proxy, " + mutants.size() + " mutant(s)");

        DeploymentResult baseline = through(runner, deployment, null, notStarted, runDir.resolve("baseline"));
        out.println("baseline (no mutant): " + DeploymentResult.countsLine(baseline.counts()));
        if (!baseline.allExpected()) {
            baseline.results().stream().filter(r -> !r.outcome().isExpected())
                    .forEach(r -> out.println("  " + r.outcome().label() + ": " + r.id() + (r.reason() == null ? "" : " — " + r.reason())));
            out.println("mwconform mutate: the baseline is not green; a kill would mean nothing");
            return Main.UNEXPECTED_RESULT;
        }
        Map<String, Outcome> before = outcomes(baseline);

        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Verdict> verdicts = new ArrayList<>();
        try {
            List<Future<Verdict>> futures = new ArrayList<>();
            for (Mutant mutant : mutants) {
                futures.add(pool.submit(() -> verdict(mutant, before,
                        through(runner, deployment, mutant, null, runDir.resolve("mutant-" + mutant.name())))));
            }
            for (Future<Verdict> f : futures) {
                Verdict v = f.get();
                verdicts.add(v);
                out.printf("%-26s %-8s %s%n", v.mutant(), v.verdict(), v.killed() ? "by " + String.join(", ", v.killedBy())
                        : v.flagged() ? "not killed, but flagged: " + v.turnedNotApplicable().size() + " scenario(s) no longer apply ("
                        + v.description() + ")" : "(" + v.description() + ")");
                if (!v.errors().isEmpty()) {
                    out.println("  errors (no kill): " + String.join(", ", v.errors()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("a mutant run broke: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        Set<String> reddened = verdicts.stream().flatMap(v -> v.killedBy().stream()).map(k -> k.substring(0, k.indexOf(" @ ")))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> unreached = before.entrySet().stream().filter(e -> e.getValue() == Outcome.PASSED || e.getValue() == Outcome.KNOWN_DEVIATION)
                .map(Map.Entry::getKey).filter(id -> !reddened.contains(id)).toList();
        long killed = verdicts.stream().filter(Verdict::killed).count();
        out.println("mutation score: " + killed + " of " + verdicts.size() + " mutants killed");
        out.println(unreached.isEmpty() ? "every scenario that passed without a mutant was turned red by at least one"
                : "scenarios no mutant turned red: " + String.join(", ", unreached));
        Path table = writeTable(runDir, deployment, baseline, verdicts, unreached);
        out.println("table: " + table);
        return killed == verdicts.size() ? Main.OK : Main.UNEXPECTED_RESULT;
    }

    private static DeploymentResult through(DeploymentRunner runner, Deployment deployment, Mutant mutant, String notStarted, Path folder) {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(deployment.api(), mutant)) {
            return runner.run(deployment.withApi(proxy.api()), notStarted, new ScenarioLauncher.Folder(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fault-injecting proxy", e);
        }
    }

    private static Map<String, Outcome> outcomes(DeploymentResult result) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        result.results().forEach(r -> outcomes.put(r.id(), r.outcome()));
        return outcomes;
    }

    static Verdict verdict(Mutant mutant, Map<String, Outcome> before, DeploymentResult with) {
        List<String> killedBy = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> notApplicable = new ArrayList<>();
        for (ScenarioResult r : with.results()) {
            Outcome was = before.get(r.id());
            boolean green = was == Outcome.PASSED || was == Outcome.KNOWN_DEVIATION;
            if (green && r.outcome() == Outcome.FAILED) {
                killedBy.add(r.id() + " @ " + Objects.requireNonNullElse(r.condition(), "?"));
            } else if (green && r.outcome() == Outcome.ERROR) {
                errors.add(r.id());
            } else if (green && r.outcome() == Outcome.NOT_APPLICABLE) {
                notApplicable.add(r.id());
            }
        }
        return new Verdict(mutant.name(), mutant.description(), killedBy, errors, notApplicable);
    }

    private static Path writeTable(Path runDir, Deployment deployment, DeploymentResult baseline, List<Verdict> verdicts, List<String> unreached) {
        StringBuilder md = new StringBuilder("# Mutants through a fault-injecting proxy in front of " + deployment.name() + "\n\n"
                + "baseline: " + DeploymentResult.countsLine(baseline.counts()) + "\n\n"
                + "| mutant | what the wiki does | killed | by (scenario @ condition) |\n| --- | --- | --- | --- |\n");
        for (Verdict v : verdicts) {
            md.append("| `").append(v.mutant()).append("` | ").append(v.description().replace("|", "\\|")).append(" | ")
                    .append(v.killed() ? "yes" : v.flagged() ? "flagged (" + v.turnedNotApplicable().size() + " no longer apply)" : "**no**")
                    .append(" | ").append(String.join("; ", v.killedBy())).append(" |\n");
        }
        md.append("\nScenarios no mutant turned red: ").append(unreached.isEmpty() ? "none" : String.join(", ", unreached)).append('\n');
        Path file = AtomicFiles.writeString(runDir.resolve("mutation.md"), md.toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deployment", deployment.name());
        json.put("baseline", baseline.counts());
        json.put("mutants", verdicts);
        json.put("unreached", unreached);
        AtomicFiles.writeJson(runDir.resolve("mutation.json"), JSON.writer(), json);
        return file;
    }

    private static void number(int n, String option, int min, int max) {
        if (n < min || n > max) {
            throw new UsageException(option + " takes a whole number from " + min + " to " + max + ", got '" + n + "'");
        }
    }
}
