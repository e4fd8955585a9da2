package org.mwconform.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mwconform.accounts.AccountFactory;
import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.HarnessVersion;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.deployments.LocalProvisioner;
import org.mwconform.deployments.ProjectFile;
import org.mwconform.deployments.Suite;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.Outcome;
import org.mwconform.files.CannotWriteException;
import org.mwconform.world.ClientAddress;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.matrix.ReportFiles;
import org.mwconform.report.matrix.RunArtifacts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code mwconform run}: start what is local, check each target, run every scenario on each deployment, report. */
public final class ConformanceRun {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path home;
    private final PrintStream out;

    public ConformanceRun(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    public int run(RunOptions options) {
        RunInterruption interruption = new RunInterruption();
        interruption.install();
        try {
            return run(options, interruption);
        } finally {
            interruption.uninstall();
        }
    }

    private int run(RunOptions options, RunInterruption interruption) {
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        // Everything that can be wrong with the command line is found before anything runs or is sent.
        ProjectFile project = project(options.project());
        ReportsFolder reports = ReportsFolder.check(reportsRoot(options.reportsDir(), project, workingFolder()), options.baseline());
        FeatureCatalog features = FeatureCatalog.locate(home);
        List<Deployment> deployments = deployments(options, project).stream()
                .map(d -> options.patience() == null ? d : d.withClient(d.client().withPatienceOverride(options.patience()))).toList();
        Suite given = givenSuite(options.features(), options.glue());
        Map<String, Suite> suites = new LinkedHashMap<>();
        deployments.forEach(d -> suites.put(d.name(), suiteOf(given, d, project)));
        List<Path> classpath = classpath(options.classpath(), project);
        Map<String, List<FeatureCatalog.Selected>> selectedBy = new LinkedHashMap<>();
        suites.forEach((name, suite) -> selectedBy.put(name, suite.features().stream()
                .flatMap(f -> (Suite.CORE.equals(f) ? features : FeatureCatalog.of(Path.of(f))).select(options.tags()).stream())
                .toList()));
        if (selectedBy.values().stream().allMatch(List::isEmpty)) {
            throw new UsageException(options.tags() == null ? "no scenarios in " + features.folder()
                    : "no scenario matches --tags " + options.tags());
        }
        List<String> notes = ExtensionChecks.check(suites.values(), classpath, workingFolder());
        List<FeatureCatalog.Selected> selected = selectedBy.values().iterator().next();
        boolean oneSuite = selectedBy.values().stream().allMatch(selected::equals);
        // Each deployment's scenarios: all of them, or this shard's share (given to Cucumber as file:line).
        Map<String, List<FeatureCatalog.Selected>> share = new LinkedHashMap<>();
        if (options.shard() == null) {
            // With --tags, Cucumber is handed the files and lines of the selected scenarios of the core contract, so it
            // reads and reports only those files, not every feature.
            boolean coreOnly = suites.values().stream().allMatch(Suite::isCoreOnly);
            deployments.forEach(d -> share.put(d.name(), options.tags() != null && coreOnly ? selectedBy.get(d.name()) : null));
        } else {
            if (!oneSuite) {
                throw new UsageException("--shard deals one list of scenarios: every deployment must run the same features");
            }
            share.putAll(options.shard().deal(deployments.stream().map(Deployment::name).toList(), selected));
            deployments = deployments.stream().filter(d -> share.containsKey(d.name())).toList();
        }
        // Written hidden (runs/.<id>.incomplete) and published whole once every file is written; a failed write ends the run
        // with one line (ExitCode.CANNOT_WRITE_REPORTS), removing what it wrote and leaving latest where it was.
        try (ReportsFolder.Reservation reservation = reports.reserve(AccountFactory::newRunId)) {
            return run(options, interruption, reports, reservation, features, deployments, suites, classpath, selectedBy,
                    selected, oneSuite, share, started, project, notes);
        } catch (CannotWriteException e) {
            throw new ReportsUnwritableException(reports.root(), e);
        }
    }

    private int run(RunOptions options, RunInterruption interruption, ReportsFolder reports, ReportsFolder.Reservation reservation,
                    FeatureCatalog features, List<Deployment> deployments, Map<String, Suite> suites, List<Path> classpath,
                    Map<String, List<FeatureCatalog.Selected>> selectedBy, List<FeatureCatalog.Selected> selected, boolean oneSuite,
                    Map<String, List<FeatureCatalog.Selected>> share, Instant started, ProjectFile project, List<String> notes) {
        String runId = reservation.runId();
        Path runDir = reservation.folder();
        out.println("mwconform run " + runId + ": " + deployments.size() + " deployment(s), "
                + (oneSuite ? selected.size() + " scenario(s) each" : "scenarios per deployment as its features say")
                + (options.tags() == null ? "" : " (--tags " + options.tags() + ")")
                + (options.shard() == null ? "" : ", shard " + options.shard() + ": "
                + share.values().stream().mapToInt(List::size).sum() + " cell(s)"));
        notes.forEach(n -> out.println("note: " + TerminalText.safe(n)));

        Map<String, Integer> totals = new LinkedHashMap<>();
        deployments.forEach(d -> totals.put(d.name(), share.get(d.name()) == null ? selectedBy.get(d.name()).size() : share.get(d.name()).size()));
        RunProgress progress = new RunProgress(out, RunProgress.mode(options.progress(), out), totals, System::nanoTime);
        List<DeploymentResult> results;
        // Allure results, written while the run writes its own reports; waited for before it ends.
        java.util.Queue<CompletableFuture<Void>> background = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try {
            deployments.forEach(d -> progress.state(d.name(), "starting"));
            // The local wikis come up while Cucumber starts on their scenarios; each scenario waits for its deployment's preflight.
            List<Deployment> all = deployments;
            CompletableFuture<LocalProvisioner.Up> up = CompletableFuture.supplyAsync(() -> {
                LocalProvisioner.Up brought = new LocalProvisioner(home, out).bringUp(all);
                if (all.stream().anyMatch(Deployment::isLocal) && !ClientAddress.perScenarioAddressesAvailable()) {
                    out.println("note: " + ClientAddress.NO_ALIASES);
                }
                progress.start();  // after the local wikis' own lines, so they do not cross the status line
                return brought;
            }, task -> DeploymentRunner.daemon("mwconform-local-up", task)).exceptionally(e -> {
                Map<String, String> failed = new LinkedHashMap<>();
                all.forEach(d -> failed.put(d.name(), "cannot bring the local wikis up: " + e.getMessage()));
                return new LocalProvisioner.Up(failed, java.util.Set.of());
            });
            // A shard or a --tags filter sees only part of the scenarios: stale expectations are judged on whole runs only.
            boolean allScenarios = options.tags() == null && options.shard() == null;
            results = runAll(deployments, d -> {
                ScenarioLauncher launcher = new ScenarioLauncher(features.folder(), runId, options.tags(),
                        options.threads(), options.order(), interruption, arguments(share.get(d.name())), classpath,
                        loaded -> suites.get(loaded.name()));
                DeploymentRunner runner = new DeploymentRunner(launcher, new Preflight(),
                        options.allure() ? allureHome(home) : null, allScenarios, interruption, progress, background);
                DeploymentResult result = runner.run(d, up,
                        new ScenarioLauncher.Folder(runDir.resolve("deployments").resolve(d.name())));
                progress.finished(result);
                return result;
            }, interruption);
        } finally {
            progress.close();
        }

        Instant finished = Instant.now();
        boolean interrupted = interruption.interrupted();
        RunReport.Run run = new RunReport.Run(runId, started.toString(), finished.toString(),
                Duration.between(started, finished).toMillis() / 1000.0, options.tags(), "mwconform " + HarnessVersion.get(),
                interrupted ? Boolean.TRUE : null, options.shard() == null ? null : options.shard().toString(),
                project == null ? null : project.name());
        // Applicability is an expectation too: against the environment files' declarations, and against the previous
        // comparable run (same selection, same project), scenarios that stopped applying or vanished are regressions.
        Optional<RunReport> previous = interrupted ? Optional.empty()
                : ReportFiles.previousRun(runDir, new RunReport(run, results)).map(ReportFiles.LoadedRun::report);
        List<DeploymentResult> flagged = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            NotApplicableFlags.Verdict verdict = NotApplicableFlags.judge(deployments.get(i), results.get(i), previous, options.tags(),
                    options.tags() == null && options.shard() == null);
            flagged.add(results.get(i).withFlags(verdict.flags()).withRegressions(verdict.regressions()));
        }
        results = flagged;
        RunReport report = new RunReport(run, results);
        write(runDir, report);
        RunArtifacts.Written artifacts = RunArtifacts.write(runDir, report, options.baseline());  // index.html and junit.xml
        background.forEach(ConformanceRun::await);  // the Allure results: part of the run folder before it is published
        Path published = reservation.publish();
        // The history records a complete run once its folder is published (a shard's run is recorded by its merge).
        List<String> historyLines = interrupted || options.shard() != null ? List.of()
                : org.mwconform.history.RunHistory.record(reports.root(), published, report, "run");
        // An interrupted run is kept but never becomes latest: latest is the newest complete run.
        Path latest = interrupted ? published : reports.pointLatest(published);

        for (DeploymentResult result : results) {
            out.println(TerminalText.safe(result.summaryLine()));
            if (result.postsLine() != null) {
                out.println("  " + TerminalText.safe(result.postsLine()));
            }
            result.flags().forEach(f -> out.println("  flag: " + TerminalText.safe(f)));
            result.regressionList().forEach(r -> out.println("  regression: " + TerminalText.safe(r)));
            unexpectedLines(result).forEach(line -> out.println("  " + TerminalText.safe(line)));
        }
        out.println((interrupted ? "interrupted; judged so far: " : "results: ") + latest.resolve("results.json")
                + " (" + report.run().durationSeconds() + " s)" + (interrupted ? "; reports/latest not moved" : ""));
        if (interrupted) {
            out.flush();
            interruption.reported();
            return ExitCode.UNEXPECTED_RESULT;
        }
        artifacts.problems().forEach(p -> out.println("  " + p));
        if (artifacts.page() != null) {
            out.println("matrix: " + latest.resolve(artifacts.page().getFileName())
                    + (artifacts.previousRun() == null ? "" : " (changes since run " + artifacts.previousRun() + ")"));
        }
        historyLines.forEach(out::println);
        return results.stream().allMatch(DeploymentResult::allExpected) ? ExitCode.OK : ExitCode.UNEXPECTED_RESULT;
    }

    private static void await(CompletableFuture<Void> written) {
        try {
            written.join();
        } catch (java.util.concurrent.CompletionException e) {
            CannotWriteException cannotWrite = CannotWriteException.in(e);
            throw cannotWrite != null ? cannotWrite : e;
        }
    }

    private static List<String> arguments(List<FeatureCatalog.Selected> share) {
        return share == null ? null : share.stream().map(FeatureCatalog.Selected::argument).toList();
    }

    /** One line per distinct problem: a wiki that stopped answering gives one line, not one per scenario. */
    public static List<String> unexpectedLines(DeploymentResult result) {
        Map<String, List<ScenarioResult>> byReason = new LinkedHashMap<>();
        result.results().stream().filter(r -> !r.outcome().isExpected())
                .forEach(r -> byReason.computeIfAbsent(r.outcome().label() + "\u0000" + r.reason(), k -> new ArrayList<>()).add(r));
        List<String> lines = new ArrayList<>();
        byReason.values().forEach(group -> {
            ScenarioResult r = group.get(0);
            String what = group.size() == 1 ? r.scenario() : group.size() + " scenarios (" + r.scenario() + ", ...)";
            lines.add(r.outcome().label() + ": " + what + (r.reason() == null ? "" : " — " + r.reason()));
        });
        return lines;
    }

    /**
     * Where a run's reports go, decided here only: {@code --reports DIR} resolved against the working folder (as
     * {@code --env} and {@code --features} are), else the project's ({@code reports:} in mwconform.yml, beside it by
     * default), else the working folder's {@code reports/}. Never the harness's checkout unless that is where one works.
     */
    public static Path reportsRoot(RunOptions options) {
        return reportsRoot(options.reportsDir(), project(options.project()), workingFolder());
    }

    /** Where a run's reports go: see {@link #reportsRoot(RunOptions)}. */
    public static Path reportsRoot(Path given, ProjectFile project, Path workingFolder) {
        if (given != null) {
            return workingFolder.resolve(given).toAbsolutePath().normalize();
        }
        return project != null ? project.reports() : workingFolder.resolve(ProjectFile.DEFAULT_REPORTS).toAbsolutePath().normalize();
    }

    /** The folder the command was started in: relative paths on its command line mean paths there. */
    static Path workingFolder() {
        return Path.of("").toAbsolutePath();
    }

    /** --project DIR's mwconform.yml, else the current folder's, else none. */
    public static ProjectFile project(Path projectDir) {
        if (projectDir != null) {
            return ProjectFile.in(projectDir).orElseThrow(() ->
                    new UsageException("--project: no " + ProjectFile.NAME + " in " + projectDir));
        }
        return ProjectFile.in(workingFolder()).orElse(null);
    }

    /** The suite --features and --glue name (empty when they name none). */
    public static Suite givenSuite(List<String> features, List<String> glue) {
        return new Suite(features.stream().map(ConformanceRun::feature).toList(),
                glue.stream().map(g -> DeploymentLoader.glue("--glue", g)).toList());
    }

    /** What a deployment runs (run and mutate alike): --features/--glue, else its environment file's, else mwconform.yml's, else the core. */
    public static Suite suiteOf(Suite given, Deployment deployment, ProjectFile project) {
        return given.orElse(deployment.suite()).orElse(project == null ? Suite.DEFAULT : project.suite()).orElse(Suite.DEFAULT);
    }

    /** --classpath entries (each must exist), then mwconform.yml's. */
    public static List<Path> classpath(List<Path> given, ProjectFile project) {
        List<Path> classpath = new ArrayList<>(given.stream().map(c -> existing("--classpath", c)).toList());
        if (project != null) {
            classpath.addAll(project.classpath());
        }
        return classpath;
    }

    private static String feature(String given) {
        return Suite.CORE.equals(given) ? given : existing("--features", Path.of(given)).toString();
    }

    private static Path existing(String option, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new UsageException(option + ": no such file or folder: " + path);
        }
        return absolute;
    }

    private List<Deployment> deployments(RunOptions options, ProjectFile project) {
        DeploymentLoader loader = new DeploymentLoader();
        List<Deployment> deployments = new ArrayList<>();
        if (options.target() != null) {
            deployments.add(loader.adHoc(options.target(), options.targetWritable(), options.usernamePrefix()));
        }
        List<Path> files = options.environments();
        if (files.isEmpty() && options.target() == null && project != null && !project.environments().isEmpty()) {
            files = project.environments();
        }
        if (files.isEmpty() && options.target() == null) {
            files = allEnvironmentFiles();
        }
        for (Path file : files) {
            // A folder is a group, such as environments/remote/: every environment file in it.
            List<Path> group = Files.isDirectory(file) ? environmentFilesIn(file) : List.of(file);
            if (group.isEmpty()) {
                throw new ConfigurationException(file + ": is a folder with no environment files (*.yml) in it");
            }
            for (Path one : group) {
                Deployment deployment = loader.load(one);
                Expectations.load(deployment.expectationsFile());  // checked up front: a broken file is one line before any request
                deployments.add(deployment);
            }
        }
        Map<String, Deployment> byName = new LinkedHashMap<>();
        for (Deployment d : deployments) {
            if (byName.put(d.name(), d) != null) {
                throw new ConfigurationException("two environments are named '" + d.name() + "'");
            }
        }
        return deployments;
    }

    /**
     * The default: every deployment directly in environments/, i.e. the local ones this project starts. Remote
     * wikis (environments/remote/) run only when named, so that the main command needs no internet.
     */
    private List<Path> allEnvironmentFiles() {
        List<Path> files = environmentFilesIn(home.resolve("environments"));
        if (files.isEmpty()) {
            throw new ConfigurationException("no environments/*.yml found under " + home + "; pass --env FILE or --target URL");
        }
        return files;
    }

    private static List<Path> environmentFilesIn(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.yml")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new ConfigurationException(dir + ": cannot list environment files (" + e.getMessage() + ")");
        }
        files.removeIf(f -> f.getFileName().toString().endsWith(".expectations.yml"));
        files.sort(null);
        return files;
    }

    /** Deployments run concurrently, each on a thread of its own (its scenarios on Cucumber's threads). */
    private static List<DeploymentResult> runAll(List<Deployment> deployments,
                                                 java.util.function.Function<Deployment, DeploymentResult> one,
                                                 RunInterruption interruption) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, deployments.size()));
        try {
            List<Future<DeploymentResult>> futures = deployments.stream().map(d -> pool.submit(() -> one.apply(d))).toList();
            List<DeploymentResult> results = new ArrayList<>();
            long interruptedAt = 0;
            for (int i = 0; i < futures.size(); i++) {
                Future<DeploymentResult> f = futures.get(i);
                while (!f.isDone()) {
                    if (interruption.interrupted()) {
                        interruptedAt = interruptedAt == 0 ? System.currentTimeMillis() : interruptedAt;
                        if (System.currentTimeMillis() - interruptedAt > INTERRUPTED_GRACE_MILLIS) {
                            break;  // still in a request (a preflight): the report does not wait for it
                        }
                    }
                    try {
                        f.get(100, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException notYet) {
                        // look at the interruption again
                    }
                }
                results.add(f.isDone() ? f.get() : interruptedResult(deployments.get(i)));
            }
            return results;
        } catch (Exception e) {
            CannotWriteException cannotWrite = CannotWriteException.in(e);
            if (cannotWrite != null) {
                throw cannotWrite;
            }
            throw new IllegalStateException("a deployment run broke: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final long INTERRUPTED_GRACE_MILLIS = 5000;

    private static DeploymentResult interruptedResult(Deployment d) {
        List<ScenarioResult> results = List.of(new ScenarioResult("preflight", "Preflight", "The target answers the Action API",
                List.of(), Outcome.ERROR, "interrupted: the run was stopped by a signal before this deployment was judged", null, null));
        return new DeploymentResult(d.name(), d.shownApi(), d.description(), null, null, d.writable(),
                DeploymentResult.count(results), results, null, null);
    }

    public static void write(Path runDir, RunReport report) {
        org.mwconform.files.AtomicFiles.writeJson(runDir.resolve("results.json"), JSON.writer(), report);
    }

    /** The Allure command line the build unpacked (or {@code -Dmwconform.allureHome}). */
    public static Path allureHome(Path home) {
        String configured = System.getProperty("mwconform.allureHome");
        return configured != null ? Path.of(configured) : home.resolve("target/allure-commandline/allure-2.34.1");
    }
}
