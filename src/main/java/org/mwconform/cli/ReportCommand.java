package org.mwconform.cli;

import org.mwconform.run.*;
import org.mwconform.accounts.AccountFactory;
import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.ProjectFile;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.expectations.Expectations;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.matrix.RunArtifacts;
import org.mwconform.report.messages.CucumberMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code mwconform report MESSAGES.ndjson --env FILE}: a run made elsewhere ({@code mvn test}, Gradle, an IDE)
 * with Cucumber's {@code message} formatter, judged exactly as {@code mwconform run} judges its own: the same
 * results.json, matrix page, junit.xml and Allure results. The wiki is asked who it is (for the column header)
 * when it answers; its version is left out when it does not. Nothing is sent to create anything.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Judges a run made elsewhere (mvn test, Gradle, an IDE) from Cucumber's message output, exactly as",
                "'mwconform run' judges its own: results.json, junit.xml, the matrix and Allure results in DIR/latest/."},
        footer = {"", "Example (after mvn test with cucumber.plugin=message:target/mwconform/messages.ndjson):",
                "  mwconform report target/mwconform/messages.ndjson --env environments/my-wiki.yml",
                "", "Exit codes: 0 nothing unexpected; 1 an unexpected result; 2 a usage or configuration error."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MESSAGES.ndjson", description = "Cucumber's message output of the run (plugin message:FILE)")
    Path messages;

    @Option(names = "--env", required = true, paramLabel = "FILE",
            description = "the environment file the run used (-Dmwconform.environment); its expectations file beside it")
    Path env;

    @Option(names = "--reports", paramLabel = "DIR", description = "where the run is written, relative to the working folder "
            + "(default: mwconform.yml's reports:, else reports/ here); DIR/latest points at it")
    Path reportsDir;

    @Option(names = "--allure", description = "also write the Allure report now ('mwconform allure' writes it later)")
    boolean allure;

    private final Path home;
    private final PrintStream out;

    ReportCommand(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    @Override
    public Integer call() {
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
        ProjectFile project = ProjectFile.in(Path.of("").toAbsolutePath()).orElse(null);
        ReportsFolder reports = ReportsFolder.check(ConformanceRun.reportsRoot(reportsDir, project, Path.of("").toAbsolutePath()), null);
        // Hidden until complete, as a run's folder (a failure leaves it for the next run to remove; nothing reads it).
        ReportsFolder.Reservation reservation = reports.reserve(AccountFactory::newRunId);
        String runId = reservation.runId();
        Path runDir = reservation.folder();
        ScenarioLauncher.Folder folder = new ScenarioLauncher.Folder(runDir.resolve("deployments").resolve(deployment.name()));
        org.mwconform.files.AtomicFiles.copy(messages, folder.messages());
        Preflight.Answer answer = new Preflight().check(deployment);
        Expectations.ForVersion reviewed = expectations.forVersion(answer.error() == null ? answer.siteInfo().mediawikiVersion() : null);
        expectations = reviewed.expectations();
        String stopped = run.runFinished() ? null
                : "the messages end before the run finished (the process was stopped?)";
        DeploymentResult result = new DeploymentRunner(null, null, allure ? ConformanceRun.allureHome(home) : null, true)
                .judged(deployment, answer.error() == null ? answer.siteInfo().mediawikiVersion() : null,
                        answer.error() == null ? answer.siteInfo().extensions() : null, expectations,
                        new ScenarioLauncher.Launched(run, stopped, run.coreRan(home.resolve("features"))), folder);
        if (reviewed.note() != null) {
            result = result.withFlags(List.of(reviewed.note()));
        }
        Instant finished = Instant.now();
        RunReport report = new RunReport(new RunReport.Run(runId, started.toString(), finished.toString(),
                Duration.between(started, finished).toMillis() / 1000.0, null, "mwconform " + Version.harness(), null, null,
                project == null ? null : project.name()),
                new ArrayList<>(List.of(result)));
        ConformanceRun.write(runDir, report);
        RunArtifacts.Written artifacts = RunArtifacts.write(runDir, report);
        Path published = reservation.publish();
        // a run judged from mvn test's messages is a run: the history records it (reports/runs/RUN -> reports/)
        List<String> historyLines = org.mwconform.history.RunHistory.record(published.getParent().getParent(), published, report, "report");
        Path latest = reports.pointLatest(published);
        reservation.close();
        out.println("mwconform report " + runId + ": " + messages.getFileName() + " on " + deployment.name()
                + (answer.error() == null ? "" : " (the wiki did not answer: no version in the header)"));
        out.println(TerminalText.safe(result.summaryLine()));
        ConformanceRun.unexpectedLines(result).forEach(line -> out.println("  " + TerminalText.safe(line)));
        out.println("results: " + latest.resolve("results.json"));
        artifacts.problems().forEach(p -> out.println("  " + p));
        if (artifacts.page() != null) {
            out.println("matrix: " + latest.resolve(artifacts.page().getFileName()));
        }
        historyLines.forEach(out::println);
        return result.allExpected() ? Main.OK : Main.UNEXPECTED_RESULT;
    }
}
