package org.mwconform.report.matrix;

import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What changed between two runs, deployment by deployment and scenario by scenario (scenarios are
 * matched by {@link ScenarioKeys}). Used by {@code mwconform diff} and by the matrix page's
 * "changes since the previous run", so both always say the same thing.
 */
public final class RunComparison {

    public enum Kind {
        OUTCOME_CHANGED("outcome changed", "outcomes changed"),
        SCENARIO_ADDED("scenario added", "scenarios added"),
        SCENARIO_REMOVED("scenario removed", "scenarios removed"),
        DEPLOYMENT_ADDED("deployment added", "deployments added"),
        DEPLOYMENT_REMOVED("deployment removed", "deployments removed"),
        /** Its preflight failed before and it ran now. */
        DEPLOYMENT_NOW_RUNS("deployment runs again", "deployments run again"),
        /** It ran before and its preflight failed now. */
        DEPLOYMENT_NOW_FAILS_PREFLIGHT("deployment fails its preflight", "deployments fail their preflight");

        private final String one;
        private final String many;

        Kind(String one, String many) {
            this.one = one;
            this.many = many;
        }

        public String describe(int n) {
            return n + " " + (n == 1 ? one : many);
        }
    }

    /**
     * One change. For scenario changes {@code key} and {@code scenario} name the scenario; for
     * deployment changes they are null. {@code before}/{@code after} are null where there is no result.
     */
    public record Change(Kind kind, String deployment, String key, String feature, String scenario,
                         Outcome before, Outcome after, String detail) {

        /** The text after the deployment and scenario columns of a diff line. */
        public String what() {
            return switch (kind) {
                case OUTCOME_CHANGED -> before.label() + " -> " + after.label();
                case SCENARIO_ADDED -> "added (" + after.label() + ")";
                case SCENARIO_REMOVED -> (VANISHED.equals(detail) ? "vanished" : "removed") + " (was " + before.label() + ")";
                case DEPLOYMENT_ADDED -> "deployment added: " + detail;
                case DEPLOYMENT_REMOVED -> "deployment removed (had " + detail + ")";
                case DEPLOYMENT_NOW_RUNS -> "preflight error -> ran: " + detail;
                case DEPLOYMENT_NOW_FAILS_PREFLIGHT -> "ran -> preflight error: " + detail;
            };
        }

        /**
         * A regression: an expected outcome (passed, known deviation, not applicable) became an unexpected one
         * (failed, error, stale expectation), a judged scenario is not applicable now (not applicable is not passed),
         * a new scenario is unexpected, or a deployment that ran now fails its preflight. A scenario that vanished is
         * one too when both runs looked at the same selection ({@link RunComparison#sameSelection}).
         */
        public boolean isRegression() {
            return switch (kind) {
                case OUTCOME_CHANGED -> (before.isExpected() && !after.isExpected())
                        || (after == Outcome.NOT_APPLICABLE && before != Outcome.NOT_APPLICABLE && before != Outcome.ERROR);
                case SCENARIO_ADDED -> !after.isExpected();
                case DEPLOYMENT_NOW_FAILS_PREFLIGHT -> true;
                case SCENARIO_REMOVED -> VANISHED.equals(detail);
                case DEPLOYMENT_ADDED, DEPLOYMENT_REMOVED, DEPLOYMENT_NOW_RUNS -> false;
            };
        }

        /** The scenario column: its key, "(deployment)" or "preflight". */
        public String scenarioColumn() {
            return switch (kind) {
                case OUTCOME_CHANGED, SCENARIO_ADDED, SCENARIO_REMOVED -> key;
                case DEPLOYMENT_NOW_RUNS, DEPLOYMENT_NOW_FAILS_PREFLIGHT -> ScenarioKeys.PREFLIGHT_ID;
                case DEPLOYMENT_ADDED, DEPLOYMENT_REMOVED -> "(deployment)";
            };
        }
    }

    /** The detail of a scenario removed although both runs had the same selection: it vanished. */
    static final String VANISHED = "vanished";

    private final RunReport before;
    private final RunReport after;
    private final List<Change> changes;
    private final int compared;

    private RunComparison(RunReport before, RunReport after, List<Change> changes, int compared) {
        this.before = before;
        this.after = after;
        this.changes = List.copyOf(changes);
        this.compared = compared;
    }

    public static RunComparison compare(RunReport before, RunReport after) {
        boolean same = sameSelection(before, after);
        Map<String, DeploymentResult> old = byName(before);
        Map<String, DeploymentResult> now = byName(after);
        List<Change> changes = new ArrayList<>();
        int compared = 0;
        for (DeploymentResult d : now.values()) {
            DeploymentResult was = old.get(d.name());
            if (was == null) {
                changes.add(new Change(Kind.DEPLOYMENT_ADDED, d.name(), null, null, null, null, null, summary(d)));
                continue;
            }
            boolean wasBroken = ScenarioKeys.isPreflightError(was);
            boolean isBroken = ScenarioKeys.isPreflightError(d);
            if (wasBroken && !isBroken) {
                changes.add(new Change(Kind.DEPLOYMENT_NOW_RUNS, d.name(), null, null, null, Outcome.ERROR, null, summary(d)));
                continue;
            }
            if (!wasBroken && isBroken && !results(was).isEmpty()) {
                changes.add(new Change(Kind.DEPLOYMENT_NOW_FAILS_PREFLIGHT, d.name(), null, null, null, null, Outcome.ERROR,
                        ScenarioKeys.preflightError(d)));
                continue;
            }
            Map<String, ScenarioResult> oldResults = ScenarioKeys.of(was);
            Map<String, ScenarioResult> newResults = ScenarioKeys.of(d);
            for (Map.Entry<String, ScenarioResult> e : newResults.entrySet()) {
                ScenarioResult r = e.getValue();
                ScenarioResult o = oldResults.get(e.getKey());
                if (o == null) {
                    changes.add(new Change(Kind.SCENARIO_ADDED, d.name(), e.getKey(), r.feature(), r.scenario(), null, r.outcome(), null));
                } else {
                    compared++;
                    if (o.outcome() != r.outcome()) {
                        changes.add(new Change(Kind.OUTCOME_CHANGED, d.name(), e.getKey(), r.feature(), r.scenario(),
                                o.outcome(), r.outcome(), r.reason()));
                    }
                }
            }
            for (Map.Entry<String, ScenarioResult> e : oldResults.entrySet()) {
                if (!newResults.containsKey(e.getKey())) {
                    ScenarioResult o = e.getValue();
                    changes.add(new Change(Kind.SCENARIO_REMOVED, d.name(), e.getKey(), o.feature(), o.scenario(), o.outcome(), null,
                            same ? VANISHED : null));
                }
            }
        }
        for (DeploymentResult was : old.values()) {
            if (!now.containsKey(was.name())) {
                changes.add(new Change(Kind.DEPLOYMENT_REMOVED, was.name(), null, null, null, null, null, summary(was)));
            }
        }
        return new RunComparison(before, after, changes, compared);
    }

    /** Both runs looked at the same scenarios: the same --tags, and neither is one shard. */
    public static boolean sameSelection(RunReport before, RunReport after) {
        return before.run() != null && after.run() != null && java.util.Objects.equals(before.run().tags(), after.run().tags())
                && before.run().shard() == null && after.run().shard() == null;
    }

    public RunReport before() {
        return before;
    }

    public RunReport after() {
        return after;
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<Change> regressions() {
        return changes.stream().filter(Change::isRegression).toList();
    }

    /** The change of one cell of the matrix (outcome changed or scenario added), if any. */
    public Optional<Change> cellChange(String deployment, String key) {
        return changes.stream().filter(c -> deployment.equals(c.deployment()) && key.equals(c.key())).findFirst();
    }

    /** The change of a whole deployment (added, runs again, fails its preflight), if any. */
    public Optional<Change> deploymentChange(String deployment) {
        return changes.stream().filter(c -> deployment.equals(c.deployment()) && c.key() == null).findFirst();
    }

    /** Aligned lines, {@code local-captcha  badretype  passed -> known-deviation}; none when nothing changed. */
    public List<String> lines() {
        int dWidth = changes.stream().mapToInt(c -> c.deployment().length()).max().orElse(0);
        int sWidth = changes.stream().mapToInt(c -> c.scenarioColumn().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (Change c : changes) {
            lines.add(pad(c.deployment(), dWidth) + "  " + pad(c.scenarioColumn(), sWidth) + "  " + c.what());
        }
        return lines;
    }

    /** "3 changes: 1 outcome changed, 2 scenarios added" or "no changes (13 results compared on 1 deployment)". */
    public String countLine() {
        if (changes.isEmpty()) {
            int deployments = after.deployments() == null ? 0 : after.deployments().size();
            return "no changes (" + compared + " result" + (compared == 1 ? "" : "s") + " compared on " + deployments
                    + " deployment" + (deployments == 1 ? "" : "s") + ")";
        }
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
        return changes.size() + " change" + (changes.size() == 1 ? "" : "s") + ": "
                + counts.entrySet().stream().map(e -> e.getKey().describe(e.getValue())).collect(Collectors.joining(", "));
    }

    private static Map<String, DeploymentResult> byName(RunReport report) {
        Map<String, DeploymentResult> byName = new LinkedHashMap<>();
        if (report.deployments() != null) {
            report.deployments().forEach(d -> byName.putIfAbsent(d.name(), d));
        }
        return byName;
    }

    private static List<ScenarioResult> results(DeploymentResult d) {
        return d.results() == null ? Collections.emptyList() : d.results();
    }

    /** "13 scenarios: 10 passed, 3 known-deviation" */
    static String summary(DeploymentResult d) {
        if (ScenarioKeys.isPreflightError(d)) {
            return "preflight error: " + ScenarioKeys.preflightError(d);
        }
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        results(d).forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        int n = results(d).size();
        return n + " scenario" + (n == 1 ? "" : "s")
                + (counts.isEmpty() ? "" : ": " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
