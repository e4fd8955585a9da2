package org.mwconform.report.matrix;

import org.mwconform.expectations.Outcome;
import org.mwconform.files.AtomicFiles;
import org.mwconform.history.DeploymentFacts;
import org.mwconform.history.HistoryException;
import org.mwconform.history.HistoryStore;
import org.mwconform.history.HistoryView;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.Templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The history's parts of a run's pages, from the reports folder's history file: each cell's strip of its last
 * runs (a link to the cell's history), each deployment's facts timeline, and the cell history page
 * ({@value #PAGE}, one section per cell, {@code #h-...} permalinks). This class decides what they show
 * ({@link HistoryModel}); the templates {@code strip.jte}, {@code timelines.jte} and {@code history.jte} lay it out and
 * the template engine escapes it. With no history there, there is no strip or section and no page is written.
 * <p>
 * A page shows the runs up to its own: runs recorded after it are left out, and its own outcome is the strip's last.
 */
public final class HistoryStrips {
    public static final String PAGE = "history.html";
    /** Appended to the matrix page's style (its Content-Security-Policy hashes the whole). */
    public static final String CSS = resource("history.css");
    static final int STRIP_RUNS = 12;
    static final int PAGE_RUNS = 50;
    private static final String TEMPLATE = "report/matrix/history.jte";

    private final RunReport report;
    private final Path runFolder;
    private final HistoryView view;
    private final String problem;
    private final Map<String, HistoryView.DeploymentHistory> byDeployment = new LinkedHashMap<>();

    private HistoryStrips(RunReport report, Path runFolder, HistoryView view, String problem) {
        this.report = report;
        this.runFolder = runFolder;
        this.view = view;
        this.problem = problem;
        if (view != null) {
            view.deployments().forEach(d -> byDeployment.put(d.name(), before(d)));
        }
    }

    /**
     * The history of the reports folder that holds {@code runFolder} (reports/runs/RUN: the history is
     * {@code reports/history.sqlite}), if there is one.
     */
    public static HistoryStrips forRun(RunReport report, Path runFolder) {
        Path runs = runFolder.toAbsolutePath().normalize().getParent();
        Path file = runs == null || runs.getParent() == null ? null : HistoryStore.fileIn(runs.getParent());
        if (file == null || !Files.isRegularFile(file)) {
            return new HistoryStrips(report, runFolder, null, null);
        }
        try (HistoryStore store = HistoryStore.open(file, false)) {
            return new HistoryStrips(report, runFolder, HistoryView.read(store, PAGE_RUNS), null);
        } catch (HistoryException e) {
            return new HistoryStrips(report, runFolder, null, e.getMessage());
        } catch (RuntimeException e) {
            return new HistoryStrips(report, runFolder, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private boolean none() {
        return view == null;
    }

    /** A deployment's history without this run and any recorded after it. */
    private HistoryView.DeploymentHistory before(HistoryView.DeploymentHistory d) {
        Instant started = instant(report.run().startedAt());
        List<String> earlier = d.runs().stream()
                .filter(r -> !r.run().equals(report.run().id()))
                .filter(r -> started == null || instant(r.startedAt()) == null || instant(r.startedAt()).isBefore(started))
                .map(HistoryView.RunRef::run).toList();
        List<HistoryView.CellHistory> cells = d.cells().stream().map(c -> new HistoryView.CellHistory(c.key(), c.feature(),
                c.scenario(), c.outcomes().stream().filter(p -> earlier.contains(p.run())).toList(), c.outcome(), c.since(), c.flaky(),
                c.changes().stream().filter(ch -> earlier.contains(ch.run())).toList())).toList();
        List<HistoryView.FactsChange> timeline = d.timeline().stream()
                .filter(f -> !f.run().equals(report.run().id()))
                .filter(f -> started == null || instant(f.startedAt()) == null || instant(f.startedAt()).isBefore(started)).toList();
        return new HistoryView.DeploymentHistory(d.name(), d.runs().stream().filter(r -> earlier.contains(r.run())).toList(),
                d.facts(), timeline, d.preflightError(), cells);
    }

    /** The strip of one cell: its last runs before this one, then this run's outcome; a link to its history. Null without a history. */
    HistoryModel.Strip strip(String deployment, String key, Outcome now) {
        if (none()) {
            return null;
        }
        HistoryView.DeploymentHistory d = byDeployment.get(deployment);
        HistoryView.CellHistory c = d == null ? null : d.cell(key);
        List<HistoryView.Point> points = c == null ? List.of() : c.outcomes();
        points = points.subList(Math.max(0, points.size() - (STRIP_RUNS - 1)), points.size());
        List<String> words = new ArrayList<>();
        points.forEach(p -> words.add(p.outcome()));
        boolean flaky = flaky(points, now.label());
        String title = (points.isEmpty() ? "first recorded run" : "the last " + (points.size() + 1) + " runs, oldest first: "
                + String.join(", ", words) + ", this run: " + now.label()) + (flaky ? " (flaky)" : "") + ". Open its history.";
        List<String> all = new ArrayList<>(words);
        all.add(now.label());
        return new HistoryModel.Strip(PAGE + "#" + anchor(deployment, key), flaky, points.size() + 1, String.join(" ", all), title,
                List.copyOf(words), now.label());
    }

    private static boolean flaky(List<HistoryView.Point> points, String now) {
        List<String> seen = new ArrayList<>();
        String before = null;
        List<String> outcomes = new ArrayList<>();
        points.stream().map(HistoryView.Point::outcome).filter(o -> !HistoryView.Point.ABSENT.equals(o)).forEach(outcomes::add);
        outcomes.add(now);
        for (String o : outcomes) {
            if (before != null && !before.equals(o) && seen.contains(o)) {
                return true;
            }
            if (!seen.contains(o)) {
                seen.add(o);
            }
            before = o;
        }
        return false;
    }

    /** The section of every deployment's facts timeline, this run's changes included; null without a history. */
    HistoryModel.Timelines timelines() {
        if (problem != null) {
            return HistoryModel.Timelines.unreadable(problem);
        }
        if (none()) {
            return null;
        }
        List<HistoryModel.Timeline> deployments = new ArrayList<>();
        for (DeploymentResult d : report.deployments()) {
            HistoryView.DeploymentHistory past = byDeployment.get(d.name());
            List<HistoryModel.FactsEntry> entries = new ArrayList<>();
            List<HistoryView.FactsChange> timeline = past == null ? List.of() : past.timeline();
            timeline.subList(Math.max(0, timeline.size() - 8), timeline.size()).forEach(f -> entries.add(entry(f.run(), f.first(), f.changes())));
            Map<String, String> now = ScenarioKeys.isPreflightError(d) ? null
                    : DeploymentFacts.of(d, runFolder.resolve("deployments").resolve(d.name()));
            if (now != null) {
                if (past == null || timeline.isEmpty()) {
                    entries.add(entry(report.run().id(), true, DeploymentFacts.describe(now)));
                } else {
                    List<String> changes = DeploymentFacts.changes(past.facts(), now);
                    if (!changes.isEmpty()) {
                        entries.add(entry(report.run().id(), false, changes));
                    }
                }
            }
            deployments.add(new HistoryModel.Timeline(d.name(), entries, now == null && timeline.isEmpty()));
        }
        return new HistoryModel.Timelines(null, view.runsRecorded(), HistoryStore.FILE_NAME, PAGE, deployments);
    }

    private HistoryModel.FactsEntry entry(String run, boolean first, List<String> changes) {
        return new HistoryModel.FactsEntry(first, run, run.equals(report.run().id()) ? null : runLink(run), String.join("; ", changes));
    }

    private HistoryModel.RunLink runLink(String run) {
        return new HistoryModel.RunLink(run, Files.isRegularFile(runFolder.resolveSibling(run).resolve(MatrixPage.FILE_NAME))
                ? "../" + run + "/" + MatrixPage.FILE_NAME : null);
    }

    /** {@value #PAGE}: every cell's history (its last runs, with condition, reason and the facts that changed). */
    void writePage(String css, String generator) {
        if (none()) {
            return;
        }
        AtomicFiles.writeString(runFolder.resolve(PAGE), Templates.render(TEMPLATE, page(css, generator)));
    }

    HistoryModel.Page page(String css, String generator) {
        List<HistoryModel.CellSection> cells = new ArrayList<>();
        for (DeploymentResult d : report.deployments()) {
            if (ScenarioKeys.isPreflightError(d)) {
                continue;
            }
            HistoryView.DeploymentHistory past = byDeployment.get(d.name());
            ScenarioKeys.of(d).forEach((key, r) -> cells.add(section(d, key, r, past == null ? null : past.cell(key))));
        }
        return new HistoryModel.Page(MatrixPage.sha256(css), css, generator, report.run().id(), MatrixPage.FILE_NAME, PAGE, cells);
    }

    private HistoryModel.CellSection section(DeploymentResult d, String key, ScenarioResult now, HistoryView.CellHistory past) {
        List<HistoryView.Point> points = past == null ? List.of() : past.outcomes();
        boolean flaky = flaky(points, now.outcome().label());
        List<HistoryModel.RunsRow> rows = new ArrayList<>();
        rows.add(row(null, null, 1, now.outcome().label(), now.condition(), now.reason(), List.of()));
        Map<String, List<String>> factsAt = new LinkedHashMap<>();
        if (past != null) {
            past.changes().forEach(c -> factsAt.put(c.run(), c.factChanges()));
        }
        // Newest first; runs in a row with the same outcome, condition and reason are one line ("A … B, 7 runs").
        for (int i = points.size() - 1; i >= 0; ) {
            HistoryView.Point newest = points.get(i);
            int j = i;
            while (j - 1 >= 0 && same(points.get(j - 1), newest) && !factsAt.containsKey(points.get(j).run())) {
                j--;
            }
            HistoryView.Point oldest = points.get(j);
            rows.add(row(runLink(newest.run()), i == j ? null : runLink(oldest.run()), i - j + 1, newest.outcome(), newest.condition(),
                    newest.reason(), factsAt.getOrDefault(oldest.run(), List.of())));
            i = j - 1;
        }
        return new HistoryModel.CellSection(anchor(d.name(), key), d.name(), key, now.scenario(), flaky, rows);
    }

    private static boolean same(HistoryView.Point a, HistoryView.Point b) {
        return a.outcome().equals(b.outcome()) && java.util.Objects.equals(a.condition(), b.condition())
                && java.util.Objects.equals(a.reason(), b.reason());
    }

    private static HistoryModel.RunsRow row(HistoryModel.RunLink newest, HistoryModel.RunLink oldest, int count, String outcome,
                                            String condition, String reason, List<String> facts) {
        String symbol = MatrixPage.SYMBOLS.entrySet().stream().filter(e -> e.getKey().label().equals(outcome))
                .map(Map.Entry::getValue).findFirst().orElse(MatrixModel.NOT_RUN_SYMBOL);
        return new HistoryModel.RunsRow(newest, oldest, count, outcome, symbol,
                HistoryView.Point.ABSENT.equals(outcome) ? "not in that run" : outcome, condition, reason, String.join("; ", facts));
    }

    /** The permalink's fragment of one cell: stable from run to run (reports/latest/history.html#h-...). */
    public static String anchor(String deployment, String key) {
        return "h-" + slug(deployment) + "--" + slug(key);
    }

    private static String slug(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(Character.isLetterOrDigit(ch) && ch < 128 || ch == '-' || ch == '.' || ch == '_' ? ch : '_');
        }
        return b.toString();
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String resource(String name) {
        try (InputStream in = HistoryStrips.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HistoryStrips.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
