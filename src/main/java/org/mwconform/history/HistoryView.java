package org.mwconform.history;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the history says, per deployment and scenario, over the last N runs of each deployment: the outcomes, the first
 * run where the current outcome appeared, whether the cell flaps, and the change in the deployment's facts that came
 * with each outcome change. {@code mwconform history} prints it (text or JSON) and the matrix page draws it.
 * <p>
 * Only the window is read whole; a cell whose outcome held through the window is traced further back through an
 * index (the runs where it was different), so a history of a thousand runs opens in a fraction of a second.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryView(String file, int runsRecorded, String firstRun, String lastRun, int window,
                          List<DeploymentHistory> deployments) {

    /** A run as the view names it. */
    public record RunRef(String run, String startedAt) {
    }

    /**
     * A change in a deployment's facts: the run where it was first seen, and what changed ({@link DeploymentFacts#changes});
     * for the deployment's first recorded run ({@code first}), what it was ({@link DeploymentFacts#describe}).
     */
    public record FactsChange(String run, String startedAt, boolean first, List<String> changes) {
    }

    /** @param timeline every change in the deployment's facts, oldest first; the first entry is the first recorded run */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeploymentHistory(String name, List<RunRef> runs, Map<String, String> facts, List<FactsChange> timeline,
                                    String preflightError, List<CellHistory> cells) {
        public CellHistory cell(String key) {
            return cells.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        }
    }

    /** The cell in one run of the window; outcome {@value #ABSENT} when the run did not have it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(String run, String outcome, String condition, String reason) {
        public static final String ABSENT = "absent";
    }

    /**
     * An outcome change: in run {@code run} the outcome went from {@code from} to {@code to}, and these facts of the
     * deployment changed since its run before ({@code factChanges}, empty when none did).
     */
    public record OutcomeChange(String run, String startedAt, String from, String to, List<String> factChanges) {
    }

    /**
     * @param outcomes the window, oldest first
     * @param outcome  the latest outcome; null when the latest run of the deployment did not have the cell
     * @param since    the run where the latest outcome first appeared (after a different one, or the cell's first run)
     * @param flaky    an outcome came back after a different one within the window
     * @param changes  every outcome change within the window, and the one that began the current outcome
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellHistory(String key, String feature, String scenario, List<Point> outcomes, String outcome,
                              OutcomeChange since, boolean flaky, List<OutcomeChange> changes) {
    }

    public DeploymentHistory deployment(String name) {
        return deployments.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    /** The last {@code window} runs of every deployment of {@code store}. */
    public static HistoryView read(HistoryStore store, int window) {
        List<HistoryStore.Run> runs = store.runs();
        Map<Long, HistoryStore.Run> bySeq = new HashMap<>();
        Map<Long, Integer> order = new HashMap<>();
        for (HistoryStore.Run r : runs) {
            bySeq.put(r.seq(), r);
            order.put(r.seq(), order.size());
        }
        Map<String, List<HistoryStore.DeploymentRun>> deploymentRuns = store.deploymentRuns(order);
        Map<Long, Map<String, String>> facts = store.facts();
        Map<Long, HistoryStore.Cell> cells = store.cells();
        Set<Long> windowRuns = new TreeSet<>();
        deploymentRuns.values().forEach(list -> list.subList(Math.max(0, list.size() - window), list.size())
                .forEach(d -> windowRuns.add(d.run())));
        Map<Long, Map<Long, HistoryStore.Result>> resultsByCell = new HashMap<>();
        for (HistoryStore.Result r : store.results(windowRuns)) {
            resultsByCell.computeIfAbsent(r.cell(), k -> new HashMap<>()).put(r.run(), r);
        }
        Map<String, List<HistoryStore.Cell>> cellsByDeployment = new LinkedHashMap<>();
        cells.values().forEach(c -> cellsByDeployment.computeIfAbsent(c.deployment(), k -> new ArrayList<>()).add(c));

        List<DeploymentHistory> deployments = new ArrayList<>();
        deploymentRuns.forEach((name, all) -> {
            Reader reader = new Reader(store, bySeq, order, all, facts);
            List<HistoryStore.DeploymentRun> shown = all.subList(Math.max(0, all.size() - window), all.size());
            HistoryStore.DeploymentRun last = all.get(all.size() - 1);
            List<CellHistory> cellHistories = new ArrayList<>();
            for (HistoryStore.Cell c : cellsByDeployment.getOrDefault(name, List.of())) {
                Map<Long, HistoryStore.Result> results = resultsByCell.getOrDefault(c.id(), Map.of());
                if (shown.stream().noneMatch(d -> results.containsKey(d.run()))) {
                    continue;  // not in any run of the window: a scenario long gone
                }
                cellHistories.add(reader.cell(c, shown, results, last));
            }
            deployments.add(new DeploymentHistory(name, shown.stream().map(d -> ref(bySeq.get(d.run()))).toList(),
                    reader.latestFacts(), reader.timeline(), last.preflightError(), cellHistories));
        });
        return new HistoryView(store.file().toString(), runs.size(), runs.isEmpty() ? null : runs.get(0).runId(),
                runs.isEmpty() ? null : runs.get(runs.size() - 1).runId(), window, deployments);
    }

    private static RunRef ref(HistoryStore.Run run) {
        return new RunRef(run.runId(), run.startedAt());
    }

    /** One deployment's runs, facts and cells, read on demand. */
    private record Reader(HistoryStore store, Map<Long, HistoryStore.Run> bySeq, Map<Long, Integer> order,
                          List<HistoryStore.DeploymentRun> all, Map<Long, Map<String, String>> facts) {

        Map<String, String> latestFacts() {
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).preflightError() == null) {
                    return facts.getOrDefault(all.get(i).facts(), Map.of());
                }
            }
            return Map.of();
        }

        List<FactsChange> timeline() {
            List<FactsChange> timeline = new ArrayList<>();
            Long previous = null;
            for (HistoryStore.DeploymentRun d : all) {
                if (d.preflightError() != null) {
                    continue;  // nothing was read from the wiki: no facts to compare
                }
                if (previous == null || previous != d.facts()) {
                    HistoryStore.Run run = bySeq.get(d.run());
                    timeline.add(new FactsChange(run.runId(), run.startedAt(), previous == null, previous == null
                            ? DeploymentFacts.describe(facts.get(d.facts()))
                            : DeploymentFacts.changes(facts.get(previous), facts.get(d.facts()))));
                    previous = d.facts();
                }
            }
            return timeline;
        }

        /** What changed in the deployment's facts between its last run with facts before {@code run} and {@code run}. */
        List<String> factChangesAt(long run) {
            int at = indexOf(run);
            if (at < 0 || all.get(at).preflightError() != null) {
                return List.of();
            }
            for (int i = at - 1; i >= 0; i--) {
                if (all.get(i).preflightError() == null) {
                    return DeploymentFacts.changes(facts.getOrDefault(all.get(i).facts(), Map.of()),
                            facts.getOrDefault(all.get(at).facts(), Map.of()));
                }
            }
            return List.of();
        }

        private int indexOf(long run) {
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).run() == run) {
                    return i;
                }
            }
            return -1;
        }

        CellHistory cell(HistoryStore.Cell c, List<HistoryStore.DeploymentRun> shown, Map<Long, HistoryStore.Result> results,
                         HistoryStore.DeploymentRun last) {
            List<Point> points = new ArrayList<>();
            List<OutcomeChange> changes = new ArrayList<>();
            String before = null;
            List<String> seen = new ArrayList<>();
            boolean flaky = false;
            for (HistoryStore.DeploymentRun d : shown) {
                HistoryStore.Run run = bySeq.get(d.run());
                HistoryStore.Result r = results.get(d.run());
                if (r == null) {
                    points.add(new Point(run.runId(), Point.ABSENT, null, d.preflightError()));
                    continue;
                }
                points.add(new Point(run.runId(), r.outcome(), r.condition(), r.reason()));
                if (before != null && !before.equals(r.outcome())) {
                    changes.add(new OutcomeChange(run.runId(), run.startedAt(), before, r.outcome(), factChangesAt(d.run())));
                    flaky |= seen.contains(r.outcome());  // it came back after a different one
                }
                if (!seen.contains(r.outcome())) {
                    seen.add(r.outcome());
                }
                before = r.outcome();
            }
            HistoryStore.Result latest = results.get(last.run());
            String outcome = latest == null ? null : latest.outcome();
            OutcomeChange since = outcome == null ? null : since(c, outcome, shown, results, changes);
            return new CellHistory(c.key(), c.feature(), c.scenario(), points, outcome, since, flaky, changes);
        }

        /** The run where {@code outcome} began, within the window when it changed there, else traced back by index. */
        private OutcomeChange since(HistoryStore.Cell c, String outcome, List<HistoryStore.DeploymentRun> shown,
                                    Map<Long, HistoryStore.Result> results, List<OutcomeChange> changes) {
            if (!changes.isEmpty()) {
                OutcomeChange lastChange = changes.get(changes.size() - 1);
                if (lastChange.to().equals(outcome)) {
                    return lastChange;
                }
            }
            // Unchanged through the window: the latest run before it with another outcome, then the cell's next run.
            int firstShown = all.size() - shown.size();
            long lastOther = -1;
            int lastOtherOrder = -1;
            for (long run : store.runsWithOtherOutcome(c.id(), outcome)) {
                Integer o = order.get(run);
                if (o != null && o > lastOtherOrder && o < order.get(all.get(firstShown).run())) {
                    lastOther = run;
                    lastOtherOrder = o;
                }
            }
            int from = 0;
            if (lastOther >= 0) {
                from = indexOf(lastOther) + 1;
            }
            for (int i = from; i < all.size(); i++) {
                long run = all.get(i).run();
                String o = results.containsKey(run) ? results.get(run).outcome() : i >= firstShown ? null : store.outcome(c.id(), run);
                if (outcome.equals(o)) {
                    HistoryStore.Run r = bySeq.get(run);
                    String previous = lastOther < 0 ? null : store.outcome(c.id(), lastOther);
                    return new OutcomeChange(r.runId(), r.startedAt(), previous, outcome, previous == null ? List.of() : factChangesAt(run));
                }
            }
            return null;
        }
    }
}
