package org.mwconform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.features.ScenarioCatalogue;
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

    ScenarioProcessLauncher(Path features, String runId, String tags, int threads, String order) {
        this.order = order;
        this.features = features;
        this.runId = runId;
        this.tags = tags;
        this.threads = threads;
    }

    /** The scenarios this launcher's processes owe a result for: those of the features its tag expression selects. */
    synchronized List<ScenarioCatalogue.Scenario> selected() {
        if (selected == null) {
            selected = ScenarioCatalogue.load(features).selected(tags);
        }
        return selected;
    }

    private List<ScenarioCatalogue.Scenario> selected;

    /** Paths of one deployment's run folder. */
    record Folder(Path root) {
        Path records() { return root.resolve("scenarios.ndjson"); }
        Path allureResults() { return root.resolve("allure-results"); }
        Path allureReport() { return root.resolve("allure"); }
        Path log() { return root.resolve("scenario-process.log"); }
        Path environment() { return root.resolve("environment.yml"); }
    }

    /**
     * What a scenario process left: its records, how it ended, and the last lines of its log (evidence for
     * every scenario it owed a result and did not give one).
     *
     * @param exitCode null when it did not finish in time and was killed
     */
    record Launch(List<ScenarioRecord> records, Integer exitCode, List<String> logTail) {
        /** Cucumber ends with 0, or 1 when a scenario did not pass; anything else is the process itself failing. */
        boolean endedNormally() {
            return exitCode != null && (exitCode == 0 || exitCode == 1);
        }

        String howItEnded() {
            return exitCode == null ? "did not finish in " + TIMEOUT_MINUTES + " minutes and was killed"
                    : "ended with exit code " + exitCode;
        }
    }

    private static final int LOG_TAIL_LINES = 8;

    Launch run(Path environmentFile, java.net.URI api, Folder folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AllureReport.javaExecutable(),
                "-cp", System.getProperty("java.class.path"),
                // Short-lived: the quick compiler and the serial collector start fastest (measured ~35 % less wall time).
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-D" + RunSettings.ENVIRONMENT + "=" + environmentFile.toAbsolutePath(),
                "-D" + RunSettings.RUN_ID + "=" + runId,
                "-D" + RunSettings.API + "=" + api,
                "-Dallure.results.directory=" + folder.allureResults().toAbsolutePath(),
                "-Dcucumber.publish.quiet=true",
                "-Dmwconform.patience=" + System.getProperty("mwconform.patience", "10"),
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
        command.add(features.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.log().toFile());
        // A local deployment's creator credentials travel in the environment, never on the command line.
        builder.environment().putAll(LocalProvisioner.provisionedCredentials(new DeploymentLoader().load(environmentFile),
                builder.environment()));
        Process process = builder.start();
        Integer exit = null;
        if (process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            exit = process.exitValue();
        } else {
            process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        }
        List<ScenarioRecord> records = new ArrayList<>();
        if (Files.exists(folder.records())) {
            for (String line : Files.readAllLines(folder.records(), StandardCharsets.UTF_8)) {
                try {
                    records.add(JSON.readValue(line, ScenarioRecord.class));
                } catch (IOException e) {
                    // A line cut short by a crash: its scenario gets no record, and so an error.
                }
            }
        }
        return new Launch(records, exit, logTail(folder.log()));
    }

    static List<String> logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }
}
