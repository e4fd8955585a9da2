package org.mwconform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mwconform.history.HistoryException;
import org.mwconform.history.HistoryStore;
import org.mwconform.history.HistoryView;
import org.mwconform.history.Retention;
import org.mwconform.history.RunHistory;
import org.mwconform.run.TerminalText;
import org.mwconform.run.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mwconform history}: the results over time, from the reports folder's history file (see docs/history.md). */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Per deployment and scenario, the outcomes over the last N runs, the run where the current outcome "
                + "first appeared, flaky cells, and the change in the deployment's facts (MediaWiki version, extensions, "
                + "what the preflight read) that came with each outcome change.",
                "Every run and merge records itself in DIR/" + HistoryStore.FILE_NAME + "; cache that file in CI."},
        footer = {"", "Examples:",
                "  mwconform history",
                "  mwconform history --deployment local-vanilla --scenario create-account-pass --last 50",
                "  mwconform history --import            # record the run folders already under reports/runs/",
                "  mwconform history --keep 30 --json",
                "", "Exit codes: 0 the history was read; 2 a usage error, or a history file that is missing, corrupt,",
                "another program's or written by a newer mwconform (one line; the file is left as it is)."})
final class HistoryCommand implements Callable<Integer> {
    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "the reports folder whose history to read (default ${DEFAULT-VALUE}/: ${DEFAULT-VALUE}/" + HistoryStore.FILE_NAME + ")")
    Path reports;

    @Option(names = "--history", paramLabel = "FILE", description = "a history file elsewhere (e.g. restored from a CI cache)")
    Path history;

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "how many of each deployment's runs to show (default ${DEFAULT-VALUE})")
    int last;

    @Option(names = "--deployment", paramLabel = "NAME", description = "only this deployment (repeatable)")
    List<String> deployments = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "ID", description = "only this scenario, by @id (repeatable)")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--changed", description = "only scenarios whose outcome changed within the runs shown")
    boolean changed;

    @Option(names = "--json", description = "the history as JSON instead of text")
    boolean json;

    @Option(names = "--import", description = "first record every run folder under DIR/runs/ the history does not hold")
    boolean importFolders;

    @Option(names = "--merge-from", paramLabel = "FILE", description = "first record every run of another history file "
            + "(say, a second CI job's) this one does not hold (repeatable)")
    List<Path> mergeFrom = new ArrayList<>();

    @Option(names = "--keep", paramLabel = "N", description = "then prune run folders beyond the newest N (never a history record)")
    Integer keep;

    @Option(names = "--keep-size", paramLabel = "SIZE", description = "then prune the oldest run folders until they fit in SIZE (e.g. 500M)")
    String keepSize;

    private final Path home;
    private final PrintStream out;

    HistoryCommand(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    @Override
    public Integer call() {
        if (last < 1 || last > 10_000) {
            throw new UsageException("--last takes a number from 1 to 10000, got " + last);
        }
        Retention retention = retention(keep, keepSize);
        Path root = home.resolve(reports);
        Path file = history != null ? home.resolve(history) : HistoryStore.fileIn(root);
        try (HistoryStore store = HistoryStore.open(file, importFolders || !mergeFrom.isEmpty())) {
            List<String> notes = new ArrayList<>();
            if (importFolders) {
                int n = RunHistory.importFolders(root, store, notes);
                notes.add(0, "imported " + n + " run folder(s) from " + root.resolve("runs"));
            }
            for (Path other : mergeFrom) {
                int n = 0;
                try (HistoryStore from = HistoryStore.open(home.resolve(other), false)) {
                    for (var run : from.records()) {
                        n += store.record(run) ? 1 : 0;
                    }
                }
                notes.add("merged " + n + " run(s) from " + other);
            }
            if (!retention.none()) {
                Retention.Pruned pruned = retention.prune(root, store);
                notes.add("pruned " + pruned.removed().size() + " run folder(s) (" + pruned.bytesFreed() / (1 << 20) + " MiB); "
                        + "their records stay in the history" + (pruned.keptUnrecorded().isEmpty() ? ""
                        : "; kept " + pruned.keptUnrecorded().size() + " the history does not hold (import them with --import)"));
            }
            HistoryView view = HistoryView.read(store, last);
            HistoryView shown = HistoryText.filter(view, deployments, scenarios, changed);
            if (!deployments.isEmpty() && shown.deployments().isEmpty()) {
                throw new UsageException("--deployment: the history has no deployment " + String.join(", ", deployments)
                        + " (it has: " + String.join(", ", view.deployments().stream().map(HistoryView.DeploymentHistory::name).toList()) + ")");
            }
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(shown));
            } else {
                notes.forEach(n -> out.println(TerminalText.safe(n)));
                HistoryText.print(shown, out);
            }
            return Main.OK;
        } catch (HistoryException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The retention options of run, merge and history, checked. */
    static Retention retention(Integer keep, String keepSize) {
        if (keep != null && keep < 1) {
            throw new UsageException("--keep takes a number of runs from 1 up, got " + keep);
        }
        try {
            return new Retention(keep, Retention.parseSize(keepSize));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
