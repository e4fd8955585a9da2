package org.mwconform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.deployments.LocalProvisioner;
import org.mwconform.report.AllureReport;
import org.mwconform.report.ScenarioRecord;
import org.mwconform.report.ScenarioRecordPlugin;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MINUTES = 30;

    private final Path features;
    private final String runId;
    private final String tags;
    private final int threads;
    private final String order;

    /** Given to Cucumber instead of the features folder: {@code file:line} of each scenario to run (a shard's share). */
    private final List<String> selection;

    ScenarioProcessLauncher(Path features, String runId, String tags, int threads, String order) {
        this(features, runId, tags, threads, order, null);
    }

    ScenarioProcessLauncher(Path features, String runId, String tags, int threads, String order, List<String> selection) {
        this.selection = selection;
        this.order = order;
        this.features = features;
        this.runId = runId;
        this.tags = tags;
        this.threads = threads;
    }

    /** Paths of one deployment's run folder. */
    record Folder(Path root) {
        Path records() { return root.resolve("scenarios.ndjson"); }
        Path allureResults() { return root.resolve("allure-results"); }
        Path allureReport() { return root.resolve("allure"); }
        Path log() { return root.resolve("scenario-process.log"); }
        Path environment() { return root.resolve("environment.yml"); }
    }

    List<ScenarioRecord> run(Path environmentFile, Folder folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AllureReport.javaExecutable(),
                "-cp", System.getProperty("java.class.path"),
                // Short-lived: the quick compiler and the serial collector start fastest (measured ~35 % less wall time).
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(ClassDataArchive.flags());
        command.addAll(List.of(
                "-D" + RunSettings.ENVIRONMENT + "=" + environmentFile.toAbsolutePath(),
                "-D" + RunSettings.RUN_ID + "=" + runId,
                "-Dallure.results.directory=" + folder.allureResults().toAbsolutePath(),
                "-Dcucumber.publish.quiet=true",
                ScenarioProcess.class.getName(),
                "--glue", "org.mwconform.steps",
                "--plugin", ScenarioRecordPlugin.class.getName() + ":" + folder.records().toAbsolutePath(),
                "--plugin", "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm",
                "--plugin", "summary",
                "--monochrome",
                "--threads", String.valueOf(threads),
                "--order", order));
        if (tags != null) {
            command.addAll(List.of("--tags", tags));
        }
        if (selection == null) {
            command.add(features.toString());
        } else {
            command.addAll(selection);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.log().toFile());
        // A local deployment's creator credentials travel in the environment, never on the command line.
        builder.environment().putAll(LocalProvisioner.provisionedCredentials(new DeploymentLoader().load(environmentFile),
                builder.environment()));
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("the scenario process did not finish in " + TIMEOUT_MINUTES + " minutes (log: " + folder.log() + ")");
        }
        if (!Files.exists(folder.records())) {
            if (process.exitValue() == 0) {
                return List.of();
            }
            throw new IOException("the scenario process ended with exit code " + process.exitValue()
                    + " before any scenario finished (log: " + folder.log() + ")");
        }
        List<ScenarioRecord> records = new ArrayList<>();
        for (String line : Files.readAllLines(folder.records(), StandardCharsets.UTF_8)) {
            records.add(JSON.readValue(line, ScenarioRecord.class));
        }
        return records;
    }
}
