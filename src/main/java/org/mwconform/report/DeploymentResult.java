package org.mwconform.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.mwconform.expectations.Outcome;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One deployment of a run: what it is (as the wiki itself said) and each scenario's result.
 *
 * @param counts every result; {@link #documented()} and {@link #beyondDocs()} split them, so "conforms" always
 *               means "to the page"
 * @param flags  warnings about the run of this deployment that no single result shows (more not-applicable
 *               results than before)
 * @param regressions what makes this deployment's run unexpected although no single result is: a not-applicable result
 *                    contradicting the environment file's declarations, fewer judged scenarios than it declares, a
 *                    scenario judged in the previous comparable run (same deployment, same selection) that is not
 *                    applicable now or vanished. The run exits 1.
 * @param posts       on a deployment that is not writable: the POST requests its scenarios sent, by action (what a
 *                    read-only run cost the wiki); null on a writable one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentResult(String name, String target, String description, String mediawikiVersion,
                               List<String> extensions, boolean writable, Map<Outcome, Integer> counts,
                               List<ScenarioResult> results, String allureReport, List<String> flags, String counterpart,
                               String captcha, List<String> regressions, Map<String, Integer> posts) {
    /** Scenarios that record what a wiki does beyond the documentation, never part of its contract. */
    public static final String BEYOND_DOCS = "@beyond-docs";

    public DeploymentResult {
        flags = flags == null ? List.of() : List.copyOf(flags);
        regressions = regressions == null || regressions.isEmpty() ? null : List.copyOf(regressions);
    }

    public DeploymentResult(String name, String target, String description, String mediawikiVersion,
                            List<String> extensions, boolean writable, Map<Outcome, Integer> counts,
                            List<ScenarioResult> results, String allureReport, List<String> flags) {
        this(name, target, description, mediawikiVersion, extensions, writable, counts, results, allureReport, flags, null, null, null, null);
    }

    public DeploymentResult(String name, String target, String description, String mediawikiVersion,
                            List<String> extensions, boolean writable, Map<Outcome, Integer> counts,
                            List<ScenarioResult> results, String allureReport, List<String> flags, List<String> regressions) {
        this(name, target, description, mediawikiVersion, extensions, writable, counts, results, allureReport, flags, null, null,
                regressions, null);
    }

    public DeploymentResult withPosts(Map<String, Integer> sent) {
        return new DeploymentResult(name, target, description, mediawikiVersion, extensions, writable, counts, results, allureReport, flags,
                counterpart, captcha, regressions, sent);
    }

    /** "3 POST requests sent (createaccount 3)" for a deployment that is not writable; null otherwise. */
    public String postsLine() {
        if (posts == null) {
            return null;
        }
        int total = posts.values().stream().mapToInt(Integer::intValue).sum();
        return "read-only: " + total + " POST request" + (total == 1 ? "" : "s") + " sent"
                + (posts.isEmpty() ? "" : " (" + posts.entrySet().stream().map(e -> "action=" + e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")) + ")");
    }

    /** The regressions (empty when none): never null for callers. */
    public List<String> regressionList() {
        return regressions == null ? List.of() : regressions;
    }

    /** The same result, with the counterpart and the CAPTCHA kind beside it. */
    public DeploymentResult described(String counterpartName, String captchaKind) {
        return new DeploymentResult(name, target, description, mediawikiVersion, extensions, writable, counts, results, allureReport,
                flags, counterpartName, captchaKind, regressions, posts);
    }

    public static Map<Outcome, Integer> count(List<ScenarioResult> results) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }

    /** The core's observations beyond the documentation: tagged {@value #BEYOND_DOCS}, and no extension's. */
    public static boolean beyondDocs(ScenarioResult result) {
        return result.extension() == null && result.tags() != null && result.tags().contains(BEYOND_DOCS);
    }

    /** The documentation's contract: every result that is neither {@value #BEYOND_DOCS} nor an extension's. */
    @JsonProperty("documented")
    public Map<Outcome, Integer> documented() {
        return count(results.stream().filter(r -> !beyondDocs(r) && r.extension() == null).toList());
    }

    /** Observations beyond the documentation ({@value #BEYOND_DOCS}). */
    @JsonProperty("beyondDocs")
    public Map<Outcome, Integer> beyondDocs() {
        return count(results.stream().filter(DeploymentResult::beyondDocs).toList());
    }

    /** Each extension's own scenarios ({@code @extension:NAME}), counted under its name; empty when none ran. */
    @JsonProperty("byExtension")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Map<Outcome, Integer>> byExtension() {
        Map<String, Map<Outcome, Integer>> counts = new java.util.TreeMap<>();
        results.stream().map(ScenarioResult::extension).filter(java.util.Objects::nonNull).distinct()
                .forEach(name -> counts.put(name, count(results.stream().filter(r -> name.equals(r.extension())).toList())));
        return counts;
    }

    public DeploymentResult withFlags(List<String> moreFlags) {
        List<String> all = new java.util.ArrayList<>(flags);
        all.addAll(moreFlags);
        return new DeploymentResult(name, target, description, mediawikiVersion, extensions, writable, counts, results, allureReport, all,
                counterpart, captcha, regressions, posts);
    }

    public DeploymentResult withRegressions(List<String> more) {
        List<String> all = new java.util.ArrayList<>(regressionList());
        all.addAll(more);
        return new DeploymentResult(name, target, description, mediawikiVersion, extensions, writable, counts, results, allureReport, flags,
                counterpart, captcha, all, posts);
    }

    /** Every result expected, and no regression of applicability. */
    public boolean allExpected() {
        return results.stream().allMatch(r -> r.outcome().isExpected()) && regressionList().isEmpty();
    }

    /**
     * "local-vanilla (MediaWiki 1.39.17): documented: 20 passed, 3 known deviations, ...; beyond the documentation:
     * 9 passed, ...; extension accept-terms: 3 passed, ..." (one part per extension that ran)
     */
    public String summaryLine() {
        StringBuilder line = new StringBuilder(name + (mediawikiVersion == null ? "" : " (MediaWiki " + mediawikiVersion + ")")
                + ": documented: " + countsLine(documented()) + "; beyond the documentation: " + countsLine(beyondDocs()));
        byExtension().forEach((extension, counts) -> line.append("; extension ").append(extension).append(": ").append(countsLine(counts)));
        return line.toString();
    }

    public static String countsLine(Map<Outcome, Integer> counts) {
        return counts.get(Outcome.PASSED) + " passed, "
                + counts.get(Outcome.KNOWN_DEVIATION) + " known deviations, "
                + counts.get(Outcome.NOT_APPLICABLE) + " not applicable, "
                + counts.get(Outcome.FAILED) + " failed, "
                + counts.get(Outcome.STALE_EXPECTATION) + " stale expectations, "
                + counts.get(Outcome.ERROR) + " errors";
    }
}
