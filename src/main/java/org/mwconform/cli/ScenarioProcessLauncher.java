package org.mwconform.cli;

import org.mwconform.client.TargetBreaker;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.features.ScenarioCatalogue;
import org.mwconform.deployments.LocalProvisioner;
import org.mwconform.deployments.Suite;
import org.mwconform.report.AllureReport;
import org.mwconform.report.ScenarioRecord;
import org.mwconform.report.messages.CucumberMessages;
import org.mwconform.world.RunSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the features against one deployment in a {@link ScenarioProcess} and reads back its records. */
final class ScenarioProcessLauncher {
    private final Path features;
    private final String runId;
    private final String tags;
    private final int threads;
    private final String order;
    private final RunInterruption interruption;

    private final List<Path> classpath;
    private final java.util.function.Function<Deployment, Suite> suites;
    /** Given to Cucumber instead of the features folder: {@code file:line} of each scenario to run (a shard's share). */
    private final List<String> selection;

    ScenarioProcessLauncher(Path features, String runId, String tags, int threads, String order) {
        this(features, runId, tags, threads, order, new RunInterruption(), null);
    }

    ScenarioProcessLauncher(Path features, String runId, String tags, int threads, String order, RunInterruption interruption) {
        this(features, runId, tags, threads, order, interruption, null);
    }

    ScenarioProcessLauncher(Path features, String runId, String tags, int threads, String order, RunInterruption interruption,
                            List<String> selection) {
        this(features, runId, tags, threads, order, interruption, selection, List.of(), d -> Suite.DEFAULT);
    }

    /**
     * @param features  the core contract's folder (the jar's copy when it does not exist)
     * @param selection a shard's scenarios ({@code file:line}), given instead of the features; null for all
     * @param classpath added to the scenario processes' class path: where extension glue lives
     * @param suites    what each deployment runs
     */
    ScenarioProcessLauncher(Path features, String runId, String tags, int threads, String order, RunInterruption interruption,
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
     * The scenarios a deployment's scenario process owes a result for: those of its suite's features that the tag
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
    record Folder(Path root) {
        /** Cucumber's own message NDJSON: what the run is judged from, as {@code mwconform report} judges any run. */
        Path messages() { return root.resolve("messages.ndjson"); }
        Path allureResults() { return root.resolve("allure-results"); }
        Path allureReport() { return root.resolve("allure"); }
        Path log() { return root.resolve("scenario-process.log"); }
        Path environment() { return root.resolve("environment.yml"); }
        /** Written by the first session that finds the wiki stopped answering ({@link TargetBreaker}). */
        Path breaker() { return root.resolve("target-stopped-answering.txt"); }
    }

    /**
     * What a scenario process left: its records, how it ended, and the last lines of its log (evidence for
     * every scenario it owed a result and did not give one).
     *
     * @param exitCode null when it did not finish and was ended
     * @param stoppedEarly why it was ended before it finished (the deployment's deadline, an interruption), or null:
     *                     the scenarios judged before that are kept
     */
    record Launched(CucumberMessages.Run messages, String stoppedEarly, boolean coreRan, Integer exitCode, List<String> logTail) {
        /** A run judged from messages alone ({@code mwconform report}): no process of ours to account for. */
        Launched(CucumberMessages.Run messages, String stoppedEarly, boolean coreRan) {
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

    Launched run(Path environmentFile, java.net.URI api, Folder folder) throws IOException, InterruptedException {
        if (interruption.interrupted()) {
            throw new IOException("interrupted before its scenarios started");
        }
        Deployment deployment = new DeploymentLoader().load(environmentFile);
        int deadlineSeconds = deployment.client().deploymentTimeoutSeconds();
        List<String> command = new ArrayList<>(List.of(AllureReport.javaExecutable(),
                "-cp", classPath(),
                // Short-lived: the quick compiler and the serial collector start fastest (measured ~35 % less wall time).
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(ClassDataArchive.flags());
        command.addAll(List.of(
                "-D" + RunSettings.ENVIRONMENT + "=" + environmentFile.toAbsolutePath(),
                "-D" + RunSettings.RUN_ID + "=" + runId,
                "-D" + RunSettings.API + "=" + api,
                "-Dmwconform.home=" + System.getProperty("mwconform.home", ""),
                "-Dallure.results.directory=" + folder.allureResults().toAbsolutePath(),
                "-Dcucumber.publish.quiet=true",
                "-Dmwconform.patience=" + System.getProperty("mwconform.patience", "10"),
                "-D" + TargetBreaker.FILE_PROPERTY + "=" + folder.breaker().toAbsolutePath(),
                ScenarioProcess.class.getName(),
                "--plugin", "message:" + folder.messages().toAbsolutePath(),
                "--plugin", "summary",
                "--monochrome",
                "--threads", String.valueOf(threads),
                "--order", order));
        if (tags != null) {
            command.addAll(List.of("--tags", tags));
        }
        Suite suite = suites.apply(deployment);
        suite.allGlue().forEach(g -> command.addAll(List.of("--glue", g)));
        if (selection != null) {
            command.addAll(selection);
        } else {
            for (String feature : suite.features()) {
                command.add(Suite.CORE.equals(feature) ? (Files.isDirectory(features) ? features.toString() : Suite.CORE_RESOURCE) : feature);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.log().toFile());
        // A local deployment's creator credentials travel in the environment, never on the command line.
        builder.environment().putAll(LocalProvisioner.provisionedCredentials(deployment, builder.environment()));
        Process process = builder.start();
        Integer exit = null;
        String stopped = null;
        if (!process.waitFor(deadlineSeconds, TimeUnit.SECONDS)) {
            end(process);
            stopped = "deadline: the scenarios did not finish within " + deadlineSeconds + " s (client.deploymentTimeoutSeconds)";
        } else {
            exit = process.exitValue();
            if (interruption.interrupted()) {
                stopped = "interrupted: the run was stopped by a signal";
            }
        }
        CucumberMessages.Run messages = Files.exists(folder.messages()) ? CucumberMessages.read(folder.messages()) : null;
        if ((messages == null || messages.scenarios().isEmpty()) && stopped != null) {
            // Nothing judged: one error for the deployment, not one per scenario.
            throw new IOException(stopped + " before any scenario finished");
        }
        // A crashed process leaves fewer scenarios than it owed: Completeness makes each missing one an error.
        return new Launched(messages == null ? CucumberMessages.read(List.of()) : messages, stopped, suite.includesCore(),
                exit, logTail(folder.log()));
    }

    private String classPath() {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        classpath.forEach(p -> entries.add(p.toString()));
        return String.join(java.io.File.pathSeparator, entries);
    }

    static List<String> logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    /** The process and its own children: politely, then for sure. */
    private static void end(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(3, TimeUnit.SECONDS);
    }
}
