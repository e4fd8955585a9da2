package org.mwconform.cli;

import org.mwconform.run.*;
import org.mwconform.docs.DocsSite;
import org.mwconform.report.matrix.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mwconform docs}: the living documentation, a static site from features/ and the latest run. */
@Command(name = "docs", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Writes the living documentation: one page per documented flow and error code and per MediaWiki version,",
                "each scenario in the documentation's words with its steps, the conditions it checks, its latest result on",
                "every deployment and the documented-versus-observed notes; beside them the guide (README.md and docs/).",
                "Static pages: they open from disk, no network."})
final class DocsCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "RUN", defaultValue = "reports/latest",
            description = "the run whose results the pages show (default ${DEFAULT-VALUE}; none yet: the scenarios only)")
    Path run;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/docs", description = "where the site goes (default ${DEFAULT-VALUE})")
    Path out;

    private final Path home;
    private final PrintStream stdout;

    DocsCommand(Path home, PrintStream stdout) {
        this.home = home;
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        Path runFolder = home.resolve(run);
        boolean hasRun = Files.isRegularFile(runFolder.resolve(ReportFiles.RESULTS)) || Files.isRegularFile(runFolder);
        if (!hasRun && !run.equals(Path.of("reports/latest"))) {
            throw new UsageException("docs --run " + run + ": no results.json there");
        }
        DocsSite site;
        try {
            site = DocsSite.of(FeatureCatalog.locate(home).folder(), hasRun ? runFolder : null, home.resolve("environments"), home);
        } catch (ReportFiles.UnreadableReportException e) {
            throw new UsageException("docs --run " + run + ": " + e.getMessage());
        }
        Path index = site.write(home.resolve(out));
        stdout.println("docs: " + index + (hasRun ? "" : " (no run yet: the scenarios only)"));
        return Main.OK;
    }
}
