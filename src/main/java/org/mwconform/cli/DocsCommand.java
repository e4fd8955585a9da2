package org.mwconform.cli;

import org.mwconform.run.*;
import org.mwconform.deployments.ProjectFile;
import org.mwconform.deployments.Suite;
import org.mwconform.docs.DocsSite;
import org.mwconform.report.matrix.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mwconform docs}: the living documentation, a static site from features/ and the latest run. */
@Command(name = "docs", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Writes the living documentation: one page per documented flow and error code and per MediaWiki version,",
                "each scenario in the documentation's words with its steps, the conditions it checks, its latest result on",
                "every deployment and the documented-versus-observed notes; beside them the guide (README.md and docs/).",
                "Static pages: they open from disk, no network."})
final class DocsCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "RUN", description = "the run whose results the pages show, relative to the working folder"
            + " (default: the reports folder's latest, as mwconform run writes it; none yet: the scenarios only)")
    Path run;

    @Option(names = "--out", paramLabel = "DIR", description = "where the site goes, relative to the working folder (default: the reports folder's docs/)")
    Path out;

    @Option(names = "--features", paramLabel = "DIR", description = "an extension's feature folder, shown as that extension's"
            + " documentation (repeatable; default: mwconform.yml's, here)")
    List<Path> features = new java.util.ArrayList<>();

    private final Path home;
    private final PrintStream stdout;

    DocsCommand(Path home, PrintStream stdout) {
        this.home = home;
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        Path working = Path.of("").toAbsolutePath();
        ProjectFile project = ProjectFile.in(working).orElse(null);
        Path reports = ConformanceRun.reportsRoot(null, project, working);
        Path runFolder = run == null ? reports.resolve("latest") : working.resolve(run);
        boolean hasRun = Files.isRegularFile(runFolder.resolve(ReportFiles.RESULTS)) || Files.isRegularFile(runFolder);
        if (!hasRun && run != null) {
            throw new UsageException("docs --run " + run + ": no results.json there");
        }
        DocsSite site;
        try {
            List<Path> extensionFeatures = new java.util.ArrayList<>(features.stream().map(working::resolve).toList());
            if (extensionFeatures.isEmpty() && project != null) {
                project.suite().features().stream().filter(f -> !Suite.CORE.equals(f)).map(Path::of).forEach(extensionFeatures::add);
            }
            site = DocsSite.of(FeatureCatalog.locate(home).folder(), extensionFeatures, hasRun ? runFolder : null, home.resolve("environments"), home);
        } catch (ReportFiles.UnreadableReportException e) {
            throw new UsageException("docs --run " + run + ": " + e.getMessage());
        }
        Path index = site.write(out == null ? reports.resolve("docs") : working.resolve(out));
        stdout.println("docs: " + index + (hasRun ? "" : " (no run yet: the scenarios only)"));
        return Main.OK;
    }
}
