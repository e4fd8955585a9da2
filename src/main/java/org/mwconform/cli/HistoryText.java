package org.mwconform.cli;

import org.mwconform.expectations.Outcome;
import org.mwconform.history.HistoryView;
import org.mwconform.report.matrix.MatrixPage;
import org.mwconform.run.TerminalText;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code mwconform history} as text: per deployment its facts timeline, its outcome changes, flaky cells, each cell's strip. */
final class HistoryText {
    static final String ABSENT_SYMBOL = "\u00b7";  // ·
    private static final int TIMELINE_SHOWN = 10;

    private HistoryText() {
    }

    /** Only the named deployments and scenarios (all when none are named), only changed cells when asked. */
    static HistoryView filter(HistoryView view, List<String> deployments, List<String> scenarios, boolean changedOnly) {
        List<HistoryView.DeploymentHistory> kept = new ArrayList<>();
        for (HistoryView.DeploymentHistory d : view.deployments()) {
            if (!deployments.isEmpty() && !deployments.contains(d.name())) {
                continue;
            }
            List<HistoryView.CellHistory> cells = d.cells().stream()
                    .filter(c -> scenarios.isEmpty() || scenarios.contains(c.key()))
                    .filter(c -> !changedOnly || !c.changes().isEmpty())
                    .toList();
            kept.add(new HistoryView.DeploymentHistory(d.name(), d.runs(), d.facts(), d.timeline(), d.preflightError(), cells));
        }
        return new HistoryView(view.file(), view.runsRecorded(), view.firstRun(), view.lastRun(), view.window(), kept);
    }

    static void print(HistoryView view, PrintStream out) {
        if (view.runsRecorded() == 0) {
            out.println("history " + view.file() + ": no runs recorded yet");
            return;
        }
        out.println("history " + view.file() + ": " + view.runsRecorded() + " run(s), " + view.firstRun() + " to "
                + view.lastRun() + "; the last " + view.window() + " of each deployment shown, oldest first");
        out.println("  " + legend());
        for (HistoryView.DeploymentHistory d : view.deployments()) {
            out.println();
            String version = d.facts().get("MediaWiki");
            out.println(safe(d.name()) + ": " + d.runs().size() + " run(s) shown" + (version == null ? "" : ", MediaWiki " + safe(version))
                    + (d.preflightError() == null ? "" : "; latest run: preflight error: " + safe(d.preflightError())));
            out.println("  facts:");
            List<HistoryView.FactsChange> timeline = d.timeline();
            if (timeline.size() > TIMELINE_SHOWN + 1) {   // the first record, an ellipsis, then the latest changes
                out.println("    " + timeline.get(0).run() + "  first recorded: " + safe(String.join("; ", timeline.get(0).changes())));
                out.println("    ... " + (timeline.size() - 1 - TIMELINE_SHOWN) + " earlier change(s) (--json lists every one)");
                timeline = timeline.subList(timeline.size() - TIMELINE_SHOWN, timeline.size());
            }
            for (HistoryView.FactsChange f : timeline) {
                out.println("    " + f.run() + "  " + (f.first() ? "first recorded: " : "") + safe(String.join("; ", f.changes())));
            }
            changes(d, out);
            List<HistoryView.CellHistory> flaky = d.cells().stream().filter(HistoryView.CellHistory::flaky).toList();
            out.println("  flaky: " + (flaky.isEmpty() ? "none" : flaky.size() + " (" + flaky.stream()
                    .map(c -> safe(c.key())).collect(Collectors.joining(", ")) + ")"));
            out.println("  scenarios:");
            for (HistoryView.CellHistory c : d.cells()) {
                out.println("    " + strip(c) + "  " + safe(c.key()) + ": " + since(c) + (c.flaky() ? "  [flaky]" : ""));
            }
        }
    }

    /** The outcome changes of the window, grouped by the run they came in, with the facts that changed in that run. */
    private static void changes(HistoryView.DeploymentHistory d, PrintStream out) {
        Map<String, List<String>> byRun = new LinkedHashMap<>();
        Map<String, List<String>> factsByRun = new LinkedHashMap<>();
        d.cells().stream().flatMap(c -> c.changes().stream().map(ch -> Map.entry(c.key(), ch)))
                .sorted(java.util.Comparator.comparing(e -> e.getValue().run()))
                .forEach(e -> {
                    HistoryView.OutcomeChange ch = e.getValue();
                    byRun.computeIfAbsent(ch.run(), k -> new ArrayList<>()).add(safe(e.getKey()) + ": " + ch.from() + " \u2192 " + ch.to());
                    factsByRun.put(ch.run(), ch.factChanges());
                });
        if (byRun.isEmpty()) {
            out.println("  outcome changes: none in the runs shown");
            return;
        }
        out.println("  outcome changes:");
        byRun.forEach((run, lines) -> {
            List<String> facts = factsByRun.get(run);
            out.println("    " + run + "  " + lines.size() + " scenario(s), " + (facts.isEmpty() ? "no deployment fact changed"
                    : "with: " + safe(String.join("; ", facts))));
            lines.forEach(l -> out.println("      " + l));
        });
    }

    private static String since(HistoryView.CellHistory c) {
        if (c.outcome() == null) {
            return "not in the latest run";
        }
        if (c.since() == null) {
            return c.outcome();
        }
        HistoryView.OutcomeChange s = c.since();
        return c.outcome() + " since " + s.run() + (s.from() == null ? " (its first run)" : " (was " + s.from()
                + (s.factChanges().isEmpty() ? "" : "; with " + safe(String.join("; ", s.factChanges()))) + ")");
    }

    static String strip(HistoryView.CellHistory c) {
        StringBuilder b = new StringBuilder();
        c.outcomes().forEach(p -> b.append(symbol(p.outcome())));
        return b.toString();
    }

    static String symbol(String outcome) {
        for (Outcome o : Outcome.values()) {
            if (o.label().equals(outcome)) {
                return MatrixPage.SYMBOLS.get(o).substring(0, 1);  // one column: the ⚠ without its text-style selector
            }
        }
        return ABSENT_SYMBOL;
    }

    private static String legend() {
        StringBuilder b = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            b.append(symbol(o.label())).append(' ').append(o.label()).append("  ");
        }
        return b.append(ABSENT_SYMBOL).append(" not in that run").toString();
    }

    private static String safe(String s) {
        return TerminalText.safe(s);
    }
}
