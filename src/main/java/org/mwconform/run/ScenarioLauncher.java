package org.mwconform.run;

import org.mwconform.client.TargetBreaker;
import org.mwconform.client.WikiFacts;
import org.mwconform.deployments.Deployment;
import org.mwconform.features.ScenarioCatalogue;
import org.mwconform.deployments.Suite;
import org.mwconform.files.AtomicFiles;
import org.mwconform.files.CannotWriteException;
import org.mwconform.report.ScenarioRecord;
import org.mwconform.report.messages.CucumberMessages;
import org.mwconform.world.RunSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the features against one deployment with Cucumber, in this JVM, and reads back its records. */
public final class ScenarioLauncher {
    private final Path features;
    private final String runId;
    private final String tags;
    private final int threads;
    private final String order;
    private final RunInterruption interruption;

    private final List<Path> classpath;
    private final java.util.function.Function<Deployment, Suite> suites;
    /** Given to Cucumber instead of the features folder: {@code file:line} of each scenario to run (a shard's share, a --tags selection). */
    private final List<String> selection;

    public ScenarioLauncher(Path features, String runId, String tags, int threads, String order) {
        this(features, runId, tags, threads, order, new RunInterruption(), null);
    }

    public ScenarioLauncher(Path features, String runId, String tags, int threads, String order, RunInterruption interruption) {
        this(features, runId, tags, threads, order, interruption, null);
    }

    public ScenarioLauncher(Path features, String runId, String tags, int threads, String order, RunInterruption interruption,
                            List<String> selection) {
        this(features, runId, tags, threads, order, interruption, selection, List.of(), d -> Suite.DEFAULT);
    }

    /**
     * @param features  the core contract's folder (the jar's copy when it does not exist)
     * @param selection the scenarios of a shard or a --tags run ({@code file:line}), given instead of the features; null for all
     * @param classpath where extension glue lives (folders, jars): a class loader over them runs the scenarios
     * @param suites    what each deployment runs
     */
    public ScenarioLauncher(Path features, String runId, String tags, int threads, String order, RunInterruption interruption,
                            List<String> selection, List<Path> classpath, java.util.function.Function<Deployment, Suite> suites) {
        this.classpath = List.copyOf(classpath);
        this.suites = suites;
        this.interruption = interruption;
        this.selection = selection;
        this.order = order;
        this.features = features;
        this.runId = runId;
        this.tags = tags;
        this.threads = threads;
    }

    /**
     * The scenarios a deployment's Cucumber run owes a result for: those of its suite's features that the tag
     * expression selects, and of those, with a shard, only the shard's share. Null when they cannot be listed
     * beforehand (the core contract read from the jar, or a shard of extension features): then only how the process
     * ended is checked.
     */
    List<ScenarioCatalogue.Scenario> selected(Deployment deployment) {
        Suite suite = suites.apply(deployment);
        List<ScenarioCatalogue.Scenario> all = new ArrayList<>();
        for (String feature : suite.features()) {
            Path folder = Suite.CORE.equals(feature) ? features : Path.of(feature);
            if (!Files.isDirectory(folder) || (selection != null && !Suite.CORE.equals(feature))) {
                return null;
            }
            all.addAll(ScenarioCatalogue.load(folder).selected(tags));
        }
        if (selection == null) {
            return all;
        }
        // Both read the same files in the same order with Cucumber's parser: the i-th of one is the i-th of the other.
        List<FeatureCatalog.Selected> located = FeatureCatalog.of(features).select(tags);
        if (located.size() != all.size()) {
            throw new IllegalStateException("the features changed while the run started: " + located.size() + " vs " + all.size());
        }
        java.util.Set<String> share = java.util.Set.copyOf(selection);
        List<ScenarioCatalogue.Scenario> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (share.contains(located.get(i).argument())) {
                mine.add(all.get(i));
            }
        }
        return mine;
    }

    /** Paths of one deployment's run folder. */
    public record Folder(Path root) {
        /** Cucumber's own message NDJSON: what the run is judged from, as {@code mwconform report} judges any run. */
        public Path messages() { return root.resolve("messages.ndjson"); }
        Path allureResults() { return root.resolve("allure-results"); }
        Path allureReport() { return root.resolve("allure"); }
        /** Why Cucumber could not run the deployment's scenarios, when it could not (their results are in the messages). */
        Path log() { return root.resolve("cucumber.log"); }
        Path environment() { return root.resolve("environment.yml"); }
        /** What the preflight read once for the run ({@link WikiFacts}). */
        Path facts() { return root.resolve(WikiFacts.FILE); }
        /** Written by the first session that spent its patience on a wiki that stopped answering, removed on the next answer ({@link TargetBreaker}). */
        Path breaker() { return root.resolve("target-stopped-answering.txt"); }
    }

    /**
     * What a deployment's Cucumber run left: its records, how it ended, and the last lines of its log (evidence for
     * every scenario it owed a result and did not give one).
     *
     * @param exitCode null when it did not finish and was ended
     * @param stoppedEarly why it was ended before it finished (the deployment's deadline, an interruption), or null:
     *                     the scenarios judged before that are kept
     */
    public record Launched(CucumberMessages.Run messages, String stoppedEarly, boolean coreRan, Integer exitCode, List<String> logTail) {
        /** A run judged from messages alone ({@code mwconform report}): no process of ours to account for. */
        public Launched(CucumberMessages.Run messages, String stoppedEarly, boolean coreRan) {
            this(messages, stoppedEarly, coreRan, 0, List.of());
        }

        List<ScenarioRecord> records() {
            return messages.records();
        }

        /** Cucumber ends with 0, or 1 when a scenario did not pass; anything else is the process itself failing. */
        boolean endedNormally() {
            return stoppedEarly == null && exitCode != null && (exitCode == 0 || exitCode == 1);
        }

        String howItEnded() {
            return stoppedEarly != null ? "was stopped (" + stoppedEarly + "; the " + records().size() + " scenario(s) judged before that are kept)"
                    : exitCode == null ? "did not finish and was killed" : "ended with exit code " + exitCode;
        }
    }

    private static final int LOG_TAIL_LINES = 8;
    /** How long a run stopped at its deadline or by a signal gets to finish its scenarios, now failing at once. */
    private static final long STOP_GRACE_MILLIS = 5000;

    /**
     * One deployment's scenarios under way: Cucumber on a thread of its own (its runners are that thread's children),
     * started before the wiki is up and asked, each scenario waiting for the preflight's facts.
     */
    final class Running {
        private final Thread thread;
        private final AtomicReference<Integer> status;
        private final TargetBreaker breaker;
        private final Runnable stop;
        private final Folder folder;
        private final Suite suite;
        private final int deadlineSeconds;
        private final long startedNanos = System.nanoTime();

        private Running(Thread thread, AtomicReference<Integer> status, TargetBreaker breaker, Runnable stop, Folder folder,
                        Suite suite, int deadlineSeconds) {
            this.thread = thread;
            this.status = status;
            this.breaker = breaker;
            this.stop = stop;
            this.folder = folder;
            this.suite = suite;
            this.deadlineSeconds = deadlineSeconds;
        }
    }

    /**
     * Starts Cucumber on the deployment's scenarios in this JVM: the deployment, the run's facts and breaker reach each
     * scenario's world through {@link RunSettings#runWith}. One JVM for the run, not one per deployment: no second
     * start, no second warm-up. Nothing is sent until {@code prepared} completes (the preflight passed).
     *
     * @param deployment as the scenarios should reach it (its api may be a proxy's)
     */
    Running start(Deployment deployment, CompletableFuture<RunSettings.Prepared> prepared, Folder folder) throws IOException {
        if (interruption.interrupted()) {
            throw new IOException("interrupted before its scenarios started");
        }
        AtomicFiles.createDirectories(folder.root());
        int deadlineSeconds = deployment.client().deploymentTimeoutSeconds();
        // Cucumber's offer to publish reports online, which it would print on every run.
        System.setProperty("cucumber.publish.quiet", "true");
        List<String> args = new ArrayList<>(List.of(
                // Cucumber's message plugin, writing through a guard: a full disk stops the run with one line, not a trace per event.
                "--plugin", MessagesFile.class.getName() + ":" + folder.messages().toAbsolutePath(),
                "--no-summary",
                "--monochrome",
                "--threads", String.valueOf(threads),
                "--order", order));
        if (tags != null) {
            args.addAll(List.of("--tags", tags));
        }
        Suite suite = suites.apply(deployment);
        suite.allGlue().forEach(g -> args.addAll(List.of("--glue", g)));
        if (selection != null) {
            args.addAll(selection);
        } else {
            for (String feature : suite.features()) {
                args.add(Suite.CORE.equals(feature) ? (Files.isDirectory(features) ? features.toString() : Suite.CORE_RESOURCE) : feature);
            }
        }
        TargetBreaker breaker = new TargetBreaker(folder.breaker());
        RunSettings settings = new RunSettings(runId, prepared, breaker, deployment.client().patience());
        ClassLoader loader = classLoader();
        AtomicReference<Integer> status = new AtomicReference<>();
        Thread cucumber = new Thread(() -> status.set(settings.runWith(() -> cucumber(args, loader, folder))),
                "mwconform-" + deployment.name());
        cucumber.setDaemon(true);  // never keeps the JVM alive: a run that ends, ends its scenarios
        cucumber.setContextClassLoader(loader);
        Runnable stop = () -> breaker.stop("interrupted: the run was stopped by a signal");
        interruption.onSignal(stop);
        cucumber.start();
        return new Running(cucumber, status, breaker, stop, folder, suite, deadlineSeconds);
    }

    /** Waits for the scenarios (within the deployment's deadline, counted from their start) and reads their records. */
    Launched finish(Running running) throws IOException, InterruptedException {
        String stopped = null;
        try {
            long left = TimeUnit.SECONDS.toMillis(running.deadlineSeconds) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - running.startedNanos);
            running.thread.join(Math.max(1, left));
            if (running.thread.isAlive()) {
                stopped = "deadline: the scenarios did not finish within " + running.deadlineSeconds + " s (client.deploymentTimeoutSeconds)";
                running.breaker.stop(stopped);
                running.thread.interrupt();
                running.thread.join(STOP_GRACE_MILLIS);
            } else if (interruption.interrupted()) {
                stopped = "interrupted: the run was stopped by a signal";
            }
        } finally {
            interruption.noLongerOnSignal(running.stop);
        }
        // Reports that cannot be written stopped the scenarios: the run ends with that one line.
        java.util.Optional<RuntimeException> cause = running.breaker.stopCause();
        if (cause.isPresent() && CannotWriteException.in(cause.get()) != null) {
            throw CannotWriteException.in(cause.get());
        }
        Folder folder = running.folder;
        Integer exit = running.thread.isAlive() ? null : running.status.get();
        CucumberMessages.Run messages = Files.exists(folder.messages()) ? CucumberMessages.read(folder.messages()) : null;
        if ((messages == null || messages.scenarios().isEmpty()) && stopped != null) {
            // Nothing judged: one error for the deployment, not one per scenario.
            throw new IOException(stopped + " before any scenario finished");
        }
        // A run that broke leaves fewer scenarios than it owed: Completeness makes each missing one an error.
        return new Launched(messages == null ? CucumberMessages.read(List.of()) : messages, stopped, running.suite.includesCore(),
                exit, logTail(folder.log()));
    }

    /**
     * The deployment did not pass its preflight ({@code prepared} failed): its scenarios end at once without sending
     * anything, and what Cucumber wrote of them is removed; the deployment's one error says why.
     */
    void abandon(Running running) throws InterruptedException {
        try {
            running.thread.join(TimeUnit.SECONDS.toMillis(30));
        } finally {
            interruption.noLongerOnSignal(running.stop);
        }
        try {
            Files.deleteIfExists(running.folder.messages());
            Files.deleteIfExists(running.folder.log());
        } catch (IOException e) {
            // only leftovers of scenarios that never ran
        }
    }

    /** Cucumber's exit status (0, or 1 when a scenario did not pass); 2 with the reason in the log when it broke. */
    private static int cucumber(List<String> args, ClassLoader loader, Folder folder) {
        try {
            return io.cucumber.core.cli.Main.run(args.toArray(String[]::new), loader);
        } catch (RuntimeException | LinkageError e) {
            try {
                Files.writeString(folder.log(), "Cucumber could not run: " + e + System.lineSeparator(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // the missing results say it all the same
            }
            return 2;
        }
    }

    /** Where the glue lives: this jar, and the extension's folders and jars ({@code --classpath}) when given. */
    private ClassLoader classLoader() throws IOException {
        ClassLoader own = ScenarioLauncher.class.getClassLoader();
        if (classpath.isEmpty()) {
            return own;
        }
        java.net.URL[] urls = new java.net.URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classpath.get(i).toUri().toURL();
        }
        return new java.net.URLClassLoader("mwconform-extensions", urls, own);
    }

    static List<String> logTail(Path log) {
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }
}
