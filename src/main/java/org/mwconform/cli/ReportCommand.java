package org.mwconform.cli;

import org.mwconform.accounts.AccountFactory;
import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.expectations.Expectations;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.matrix.RunArtifacts;
import org.mwconform.report.messages.CucumberMessages;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mwconform report MESSAGES.ndjson --env FILE}: a run made elsewhere ({@code mvn test}, Gradle, an IDE)
 * with Cucumber's {@code message} formatter, judged exactly as {@code mwconform run} judges its own: the same
 * results.json, matrix page, junit.xml and Allure results. The wiki is asked who it is (for the column header)
 * when it answers; its version is left out when it does not. Nothing is sent to create anything.
 */
final class ReportCommand {
    static final String USAGE = """
            usage: mwconform report MESSAGES.ndjson --env FILE [--reports DIR]
              MESSAGES.ndjson   Cucumber's message output of a run (plugin "message:FILE"), by mvn test, Gradle or an IDE
              --env FILE        the environment file the run used (-Dmwconform.environment); its expectations file beside it
              --reports DIR     where the run is written (default reports/); it becomes DIR/latest""";

    private final Path home;
    private final PrintStream out;

    ReportCommand(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    int run(List<String> args) {
        Path messages = null;
        Path env = null;
        Path reportsDir = Path.of("reports");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--env" -> env = Path.of(value(args, ++i, arg));
                case "--reports" -> reportsDir = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--") || messages != null) {
                        throw new UsageException("report takes one MESSAGES.ndjson and --env FILE; see 'mwconform help'");
                    }
                    messages = Path.of(arg);
                }
            }
        }
        if (messages == null || env == null) {
            throw new UsageException("report needs a messages file and its environment: mwconform report MESSAGES.ndjson --env FILE");
        }
        if (!Files.isRegularFile(messages) || !Files.isReadable(messages)) {
            throw new ConfigurationException(messages + ": no such readable file (Cucumber writes it with --plugin message:FILE)");
        }
        Deployment deployment = new DeploymentLoader().load(env);
        Expectations expectations = Expectations.load(deployment.expectationsFile());
        CucumberMessages.Run run;
        try {
            run = CucumberMessages.read(messages);
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationException(messages + ": cannot read it (" + e.getMessage() + ")");
        }
        if (run.pickles() == 0 && run.scenarios().isEmpty()) {
            throw new ConfigurationException(messages + ": not Cucumber message NDJSON (no scenario in it)");
        }
        Instant started = Instant.now();
        String runId = AccountFactory.newRunId();
        Path reports = home.resolve(reportsDir);
        Path runDir = reports.resolve("runs").resolve(runId);
        ScenarioProcessLauncher.Folder folder = new ScenarioProcessLauncher.Folder(runDir.resolve("deployments").resolve(deployment.name()));
        try {
            Files.createDirectories(folder.root());
            Files.copy(messages, folder.messages(), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Preflight.Answer answer = new Preflight().check(deployment);
        String stopped = run.runFinished() ? null
                : "the messages end before the run finished (the process was stopped?)";
        DeploymentResult result = new DeploymentRunner(null, null, RunCommand.allureHome(home), true)
                .judged(deployment, answer.error() == null ? answer.siteInfo().mediawikiVersion() : null,
                        answer.error() == null ? answer.siteInfo().extensions() : null, expectations,
                        new ScenarioProcessLauncher.Launched(run, stopped, run.coreRan(home.resolve("features"))), folder);
        Instant finished = Instant.now();
        RunReport report = new RunReport(new RunReport.Run(runId, started.toString(), finished.toString(),
                Duration.between(started, finished).toMillis() / 1000.0, null, "mwconform " + RunCommand.version()),
                new ArrayList<>(List.of(result)));
        RunCommand.write(runDir, report);
        RunArtifacts.Written artifacts = RunArtifacts.write(runDir, report);
        Path latest = RunCommand.pointLatest(reports, runDir);
        out.println("mwconform report " + runId + ": " + messages.getFileName() + " on " + deployment.name()
                + (answer.error() == null ? "" : " (the wiki did not answer: no version in the header)"));
        out.println(TerminalText.safe(result.summaryLine()));
        RunCommand.unexpectedLines(result).forEach(line -> out.println("  " + TerminalText.safe(line)));
        out.println("results: " + latest.resolve("results.json"));
        artifacts.problems().forEach(p -> out.println("  " + p));
        if (artifacts.page() != null) {
            out.println("matrix: " + latest.resolve(artifacts.page().getFileName()));
        }
        return result.allExpected() ? Main.OK : Main.UNEXPECTED_RESULT;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
