package org.mwconform.report.matrix;

import org.mwconform.expectations.Outcome;
import org.mwconform.history.DeploymentFacts;
import org.mwconform.history.HistoryException;
import org.mwconform.history.HistoryStore;
import org.mwconform.history.HistoryView;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

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
 * The history's fragments of a run's pages, from the reports folder's history file: each cell's strip of its last
 * runs (a link to the cell's history), each deployment's facts timeline, and the cell history page
 * ({@value #PAGE}, one section per cell, {@code #h-...} permalinks). Self-contained: the matrix page asks for three
 * fragments and writes one more file; with no history there, every fragment is empty and no page is written.
 * <p>
 * A page shows the runs up to its own: runs recorded after it are left out, and its own outcome is the strip's last.
 */
public final class HistoryStrips {
    public static final String PAGE = "history.html";
    /** Appended to the matrix page's style (its Content-Security-Policy hashes the whole). */
    public static final String CSS = resource("history.css");
    static final int STRIP_RUNS = 12;
    static final int PAGE_RUNS = 50;

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

    /** The strip of one cell: its last runs before this one, then this run's outcome; a link to its history. */
    public void strip(StringBuilder h, String deployment, String key, Outcome now) {
        if (none()) {
            return;
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
        h.append("<a class=\"hstrip").append(flaky ? " flaky" : "").append("\" href=\"").append(PAGE).append('#').append(anchor(deployment, key))
                .append("\" data-runs=\"").append(points.size() + 1).append("\" data-outcomes=\"").append(esc(String.join(" ", words)))
                .append(words.isEmpty() ? "" : " ").append(now.label()).append("\" title=\"").append(esc(title))
                .append("\" aria-label=\"History: ").append(esc(title)).append("\">");
        points.forEach(p -> h.append("<span class=\"hs h-").append(esc(p.outcome())).append("\"></span>"));
        h.append("<span class=\"hs now h-").append(now.label()).append("\"></span></a>");
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

    /** The section of every deployment's facts timeline, this run's changes included. */
    public void timelines(StringBuilder h) {
        if (none() && problem == null) {
            return;
        }
        h.append("<section class=\"history\" id=\"history\" aria-labelledby=\"history-h\">\n<h2 id=\"history-h\">History</h2>\n");
        if (problem != null) {
            h.append("<p class=\"history-problem\">The history could not be read: ").append(esc(problem)).append("</p>\n</section>\n");
            return;
        }
        h.append("<p>").append(view.runsRecorded()).append(" run(s) recorded in ").append(HistoryStore.FILE_NAME)
                .append(". Each cell's strip shows its last runs, oldest first, this run last; select one for the cell's ")
                .append("<a href=\"").append(PAGE).append("\">history</a>. What each deployment was, run by run:</p>\n<ul class=\"timelines\">\n");
        for (DeploymentResult d : report.deployments()) {
            HistoryView.DeploymentHistory past = byDeployment.get(d.name());
            h.append("<li data-deployment=\"").append(esc(d.name())).append("\"><strong>").append(esc(d.name())).append("</strong>")
                    .append("<ol class=\"facts-timeline\">");
            List<HistoryView.FactsChange> timeline = past == null ? List.of() : past.timeline();
            timeline.subList(Math.max(0, timeline.size() - 8), timeline.size()).forEach(f -> entry(h, f.run(), f.first(), f.changes()));
            Map<String, String> now = ScenarioKeys.isPreflightError(d) ? null
                    : DeploymentFacts.of(d, runFolder.resolve("deployments").resolve(d.name()));
            if (now == null && timeline.isEmpty()) {
                h.append("<li class=\"fact-first\">no facts recorded: its preflight has not answered in any recorded run</li>");
            }
            if (now != null) {
                if (past == null || timeline.isEmpty()) {
                    entry(h, report.run().id(), true, DeploymentFacts.describe(now));
                } else {
                    List<String> changes = DeploymentFacts.changes(past.facts(), now);
                    if (!changes.isEmpty()) {
                        entry(h, report.run().id(), false, changes);
                    }
                }
            }
            h.append("</ol></li>\n");
        }
        h.append("</ul>\n</section>\n");
    }

    private void entry(StringBuilder h, String run, boolean first, List<String> changes) {
        boolean thisRun = run.equals(report.run().id());
        h.append("<li class=\"").append(first ? "fact-first" : "fact-change").append("\" data-run=\"").append(esc(run)).append("\">")
                .append(thisRun ? "<strong>this run</strong>" : runLink(run)).append(": ")
                .append(first ? "first recorded: " : "").append(esc(String.join("; ", changes))).append("</li>");
    }

    private String runLink(String run) {
        return Files.isRegularFile(runFolder.resolveSibling(run).resolve(MatrixPage.FILE_NAME))
                ? "<a href=\"../" + esc(run) + "/" + MatrixPage.FILE_NAME + "\"><code>" + esc(run) + "</code></a>"
                : "<code>" + esc(run) + "</code>";
    }

    /** {@value #PAGE}: every cell's history (its last runs, with condition, reason and the facts that changed). */
    public void writePage(String css, String generator) throws IOException {
        if (none()) {
            return;
        }
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-")
                .append(MatrixPage.sha256(css)).append("'; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"generator\" content=\"").append(esc(generator)).append("\">\n")
                .append("<title>Cell history \u00b7 run ").append(esc(report.run().id())).append(" \u00b7 mwconform</title>\n")
                .append("<style>").append(css).append("</style>\n</head>\n<body>\n")
                .append("<header class=\"top\"><h1>Cell history</h1><p>Each scenario on each deployment, its last runs up to run <code>")
                .append(esc(report.run().id())).append("</code> (<a href=\"").append(MatrixPage.FILE_NAME)
                .append("\">the matrix</a>), newest first; runs in a row with the same result are one line.</p></header>\n")
                .append("<p class=\"all-cells-note\"><a href=\"").append(PAGE).append("\">Show every cell</a></p>\n");
        for (DeploymentResult d : report.deployments()) {
            if (ScenarioKeys.isPreflightError(d)) {
                continue;
            }
            HistoryView.DeploymentHistory past = byDeployment.get(d.name());
            ScenarioKeys.of(d).forEach((key, r) -> section(h, d, key, r, past == null ? null : past.cell(key)));
        }
        h.append("</body>\n</html>\n");
        // temp file, then renamed: a reader (or a crash) never sees half a page
        Path tmp = Files.createTempFile(runFolder, ".history-", ".html");
        try {
            Files.writeString(tmp, h.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, runFolder.resolve(PAGE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void section(StringBuilder h, DeploymentResult d, String key, ScenarioResult now, HistoryView.CellHistory past) {
        List<HistoryView.Point> points = past == null ? List.of() : past.outcomes();
        boolean flaky = flaky(points, now.outcome().label());
        h.append("<section class=\"cell-history\" id=\"").append(anchor(d.name(), key)).append("\" data-deployment=\"")
                .append(esc(d.name())).append("\" data-key=\"").append(esc(key)).append("\">\n<h2>").append(esc(d.name()))
                .append(": ").append(esc(now.scenario())).append(" <code>").append(esc(key)).append("</code>")
                .append(flaky ? " <span class=\"flaky-flag\">flaky</span>" : "").append("</h2>\n");
        h.append("<table class=\"runs\"><thead><tr><th scope=\"col\">run</th><th scope=\"col\">outcome</th>")
                .append("<th scope=\"col\">condition</th><th scope=\"col\">reason</th><th scope=\"col\">deployment facts changed</th></tr></thead><tbody>\n");
        row(h, "<strong>this run</strong>", now.outcome().label(), now.condition(), now.reason(), List.of());
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
            String runs = i == j ? runLink(newest.run())
                    : runLink(oldest.run()) + " \u2026 " + runLink(newest.run()) + " <span class=\"run-count\">(" + (i - j + 1) + " runs)</span>";
            row(h, runs, newest.outcome(), newest.condition(), newest.reason(), factsAt.getOrDefault(oldest.run(), List.of()));
            i = j - 1;
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static boolean same(HistoryView.Point a, HistoryView.Point b) {
        return a.outcome().equals(b.outcome()) && java.util.Objects.equals(a.condition(), b.condition())
                && java.util.Objects.equals(a.reason(), b.reason());
    }

    private static void row(StringBuilder h, String run, String outcome, String condition, String reason, List<String> facts) {
        String symbol = MatrixPage.SYMBOLS.entrySet().stream().filter(e -> e.getKey().label().equals(outcome))
                .map(Map.Entry::getValue).findFirst().orElse(MatrixModel.NOT_RUN_SYMBOL);
        h.append("<tr data-outcome=\"").append(esc(outcome)).append("\"><td>").append(run).append("</td><td><span class=\"badge o-")
                .append(esc(outcome)).append("\"><span class=\"sym\" aria-hidden=\"true\">").append(symbol).append("</span><span>")
                .append(esc(HistoryView.Point.ABSENT.equals(outcome) ? "not in that run" : outcome)).append("</span></span></td><td>")
                .append(condition == null ? "" : "<code>" + esc(condition) + "</code>").append("</td><td class=\"reason\">")
                .append(esc(reason)).append("</td><td>").append(esc(String.join("; ", facts))).append("</td></tr>\n");
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

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
