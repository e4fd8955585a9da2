package org.mwconform.report.matrix;

import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs between MediaWiki versions in one run: each deployment whose environment file names a
 * {@code counterpart:} (such as {@code local-temp-1.43} naming {@code local-vanilla}) is set beside it, and every
 * scenario is compared cell by cell: the outcome, the failing condition and the reason (the evidence's words).
 * A run whose results name no counterpart at all (written before the key existed) pairs {@code BASE-VERSION} with
 * {@code BASE}, as those runs did.
 */
public final class VersionComparison {
    private static final Pattern VERSIONED = Pattern.compile("(.+)-(\\d+\\.\\d+)");

    /** One pair of deployments, and the cells that differ. */
    public record Pair(DeploymentResult base, DeploymentResult other, List<Cell> differences, int compared) {
        public String title() {
            return base.name() + " (MediaWiki " + base.mediawikiVersion() + ") vs " + other.name() + " (MediaWiki "
                    + other.mediawikiVersion() + ")";
        }
    }

    /** One scenario whose result differs between the two versions; a side is null when the scenario ran on one only. */
    public record Cell(String key, String scenario, ScenarioResult base, ScenarioResult other) {
        public String what() {
            if (base == null || other == null) {
                return base == null ? "only on the second" : "only on the first";
            }
            if (base.outcome() != other.outcome()) {
                return base.outcome().label() + " -> " + other.outcome().label();
            }
            if (!Objects.equals(base.condition(), other.condition())) {
                return "both " + base.outcome().label() + ", at " + base.condition() + " -> " + other.condition();
            }
            return "both " + base.outcome().label() + "; reason: \"" + base.reason() + "\" -> \"" + other.reason() + "\"";
        }
    }

    private VersionComparison() {
    }

    public static List<Pair> of(RunReport report) {
        Map<String, DeploymentResult> byName = new LinkedHashMap<>();
        report.deployments().forEach(d -> byName.put(d.name(), d));
        boolean explicit = report.deployments().stream().anyMatch(d -> d.counterpart() != null);
        List<Pair> pairs = new ArrayList<>();
        for (DeploymentResult other : report.deployments()) {
            DeploymentResult base;
            if (explicit) {
                base = other.counterpart() == null ? null : byName.get(other.counterpart());
            } else {
                Matcher m = VERSIONED.matcher(other.name());
                base = m.matches() ? byName.get(m.group(1)) : null;
            }
            if (base != null) {
                pairs.add(compare(base, other));
            }
        }
        return pairs;
    }

    private static Pair compare(DeploymentResult base, DeploymentResult other) {
        Map<String, ScenarioResult> a = ScenarioKeys.of(base);
        Map<String, ScenarioResult> b = ScenarioKeys.of(other);
        List<Cell> cells = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, ScenarioResult> e : a.entrySet()) {
            ScenarioResult x = e.getValue();
            ScenarioResult y = b.get(e.getKey());
            if (y == null) {
                cells.add(new Cell(e.getKey(), x.scenario(), x, null));
                continue;
            }
            compared++;
            if (x.outcome() != y.outcome() || !Objects.equals(x.condition(), y.condition()) || !Objects.equals(x.reason(), y.reason())) {
                cells.add(new Cell(e.getKey(), x.scenario(), x, y));
            }
        }
        b.forEach((key, y) -> {
            if (!a.containsKey(key)) {
                cells.add(new Cell(key, y.scenario(), null, y));
            }
        });
        return new Pair(base, other, List.copyOf(cells), compared);
    }

    /** Console lines: a title per pair, then one line per differing cell. */
    public static List<String> lines(List<Pair> pairs) {
        List<String> lines = new ArrayList<>();
        for (Pair p : pairs) {
            long outcomes = p.differences().stream().filter(c -> c.base() != null && c.other() != null
                    && c.base().outcome() != c.other().outcome()).count();
            lines.add(p.title() + ": " + p.differences().size() + " of " + p.compared() + " cells differ (" + outcomes + " in outcome)");
            p.differences().forEach(c -> {
                lines.add("  " + c.key() + "  " + c.what());
                lines.add("    " + p.base().name() + ": " + evidence(c.base()));
                lines.add("    " + p.other().name() + ": " + evidence(c.other()));
            });
        }
        return lines;
    }

    /** One side's evidence in a line: the reason it gives (the not-applicable evidence, the failure), or its evidence file. */
    public static String evidence(ScenarioResult result) {
        if (result == null) {
            return "not run";
        }
        String because = result.reason() != null ? result.reason()
                : result.evidence() != null ? "evidence " + result.evidence() : "no evidence recorded";
        return result.outcome().label() + (result.condition() != null ? " at " + result.condition() : "") + ": " + because;
    }
}
