package org.mwconform.cli;

import org.mwconform.client.TargetBreaker;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.deployments.LocalProvisioner;
import org.mwconform.deployments.Suite;
import org.mwconform.report.AllureReport;
import org.mwconform.report.ScenarioRecord;
import org.mwconform.report.messages.CucumberMessages;
import org.mwconform.world.RunSettings;

import java.io.IOException;
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
     * What the scenario process judged, and why it stopped early, if it did (the deployment's deadline, an
     * interruption): the scenarios judged before that are kept.
     */
    record Launched(CucumberMessages.Run messages, String stoppedEarly, boolean coreRan) {
        List<ScenarioRecord> records() {
            return messages.records();
        }
    }

    Launched run(Path environmentFile, Folder folder) throws IOException, InterruptedException {
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
                "-Dmwconform.home=" + System.getProperty("mwconform.home", ""),
                "-Dallure.results.directory=" + folder.allureResults().toAbsolutePath(),
                "-Dcucumber.publish.quiet=true",
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
        String stopped = null;
        if (!process.waitFor(deadlineSeconds, TimeUnit.SECONDS)) {
            end(process);
            stopped = "deadline: the scenarios did not finish within " + deadlineSeconds + " s (client.deploymentTimeoutSeconds)";
        } else if (interruption.interrupted()) {
            stopped = "interrupted: the run was stopped by a signal";
        }
        CucumberMessages.Run messages = Files.exists(folder.messages()) ? CucumberMessages.read(folder.messages()) : null;
        if (messages == null || messages.scenarios().isEmpty()) {
            if (stopped != null) {
                throw new IOException(stopped + " before any scenario finished");
            }
            if (process.exitValue() == 0) {
                return new Launched(messages == null ? CucumberMessages.read(List.of()) : messages, null, suite.includesCore());
            }
            throw new IOException("the scenario process ended with exit code " + process.exitValue()
                    + " before any scenario finished (log: " + folder.log().getFileName() + ")");
        }
        return new Launched(messages, stopped, suite.includesCore());
    }

    private String classPath() {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        classpath.forEach(p -> entries.add(p.toString()));
        return String.join(java.io.File.pathSeparator, entries);
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
