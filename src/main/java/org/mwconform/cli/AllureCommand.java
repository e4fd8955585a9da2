package org.mwconform.cli;

import org.mwconform.run.*;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mwconform.report.AllureReport;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.matrix.ReportFiles;
import org.mwconform.report.matrix.RunArtifacts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code mwconform allure [RUN]}: each deployment's Allure report for a run that was made without {@code --allure}
 * (Allure's generator is a JVM and seconds per deployment, so it stays off the run's critical path); the matrix
 * page then links them.
 */
@Command(name = "allure", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Writes each deployment's Allure report (one HTML file each) for a run, and links them from its matrix page."})
final class AllureCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", defaultValue = "reports/latest",
            description = "a run folder (default ${DEFAULT-VALUE})")
    Path run;

    private final Path home;
    private final PrintStream out;

    AllureCommand(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    @Override
    public Integer call() {
        Path folder = home.resolve(run);
        ReportFiles.LoadedRun loaded;
        try {
            loaded = ReportFiles.load(folder);
        } catch (ReportFiles.UnreadableReportException e) {
            throw new UsageException("allure RUN: " + e.getMessage());
        }
        Path runDir;
        try {
            runDir = loaded.folder().toRealPath();  // reports/latest is a link: its target's parent is reports/runs
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AllureReport allure = new AllureReport(ConformanceRun.allureHome(home));
        List<DeploymentResult> updated = new ArrayList<>();
        boolean failed = false;
        for (DeploymentResult d : loaded.report().deployments()) {
            Path dir = runDir.resolve("deployments").resolve(d.name());
            if (!Files.isDirectory(dir.resolve("allure-results"))) {
                updated.add(d);
                continue;
            }
            StringBuilder whyNot = new StringBuilder();
            Optional<Path> page = allure.generate(dir.resolve("allure-results"), dir.resolve("allure"), whyNot);
            if (page.isEmpty()) {
                out.println(d.name() + ": no Allure report: " + whyNot);
                failed = true;
                updated.add(d);
                continue;
            }
            String relative = runDir.relativize(page.get()).toString();
            out.println(d.name() + ": " + runDir.resolve(relative));
            updated.add(new DeploymentResult(d.name(), d.target(), d.description(), d.mediawikiVersion(), d.extensions(),
                    d.writable(), d.counts(), d.results(), relative, d.flags(), d.counterpart(), d.captcha(), d.regressions(), d.posts()));
        }
        RunReport report = new RunReport(loaded.report().run(), updated);
        org.mwconform.files.AtomicFiles.writeJson(runDir.resolve(ReportFiles.RESULTS), JSON.writer(), report);
        RunArtifacts.write(runDir, report).problems().forEach(p -> out.println("  " + p));
        return failed ? Main.UNEXPECTED_RESULT : Main.OK;
    }
}
