package org.mwconform.run;

import org.mwconform.captcha.CaptchaChallenge;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.ExpectedApplicability;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.matrix.ScenarioKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Not applicable is not passed: a wiki that quietly stops offering what it offered (anonymous account creation, a
 * CAPTCHA with answers, a creator whose password changed) turns green cells grey. Applicability is an expectation too:
 * <ul>
 * <li>a not-applicable result that contradicts what the environment file declares ({@code expect.applicable}, the
 * capabilities and credentials it names), or fewer judged scenarios than {@code expect.minimumJudged}, is a
 * regression;</li>
 * <li>against the previous comparable run (same deployment, same selection: {@code --tags}, no shard), a scenario
 * judged then and not applicable now, or one that vanished, is a regression;</li>
 * <li>more not-applicable results than then, for any other reason, is a flag.</li>
 * </ul>
 * Regressions make the run exit 1; flags are shown only.
 */
public final class NotApplicableFlags {
    /** What one deployment's run is told: warnings, and what makes it unexpected. */
    public record Verdict(List<String> flags, List<String> regressions) {
    }

    /** A declaration, and the words of the not-applicable evidence it contradicts (any of them). */
    private record Declared(String what, List<String> evidence, String unlessShown) {
        Declared(String what, List<String> evidence) {
            this(what, evidence, null);
        }

        /** Mentioned, and (for a role) the role's user not shown able to do what the role is for. */
        boolean contradictedBy(String reason) {
            return reason != null && evidence.stream().anyMatch(reason::contains) && (unlessShown == null || !reason.contains(unlessShown));
        }
    }

    /** The right a role's user must hold: a creator that holds it but lacks another right (skipcaptcha) is no contradiction. */
    private static final Map<String, String> ROLE_RIGHT = Map.of("creator", "holds 'createaccount'", "blocker", "holds 'block'");

    private NotApplicableFlags() {
    }

    /**
     * @param previous   the previous comparable run (see ReportFiles.previousRun), if any
     * @param wholeSuite every scenario was selected (no --tags, no shard): only then can a minimum of judged ones hold
     */
    static Verdict judge(Deployment deployment, DeploymentResult result, Optional<RunReport> previous, String tags, boolean wholeSuite) {
        List<String> flags = new ArrayList<>();
        List<String> regressions = new ArrayList<>();
        if (ScenarioKeys.isPreflightError(result)) {
            return new Verdict(flags, regressions);  // an error already: the preflight says why
        }
        previous.filter(p -> Objects.equals(p.run().tags(), tags) && p.run().shard() == null)
                .flatMap(p -> p.deployments().stream().filter(d -> d.name().equals(result.name())).findFirst())
                .filter(before -> !before.results().isEmpty() && !ScenarioKeys.isPreflightError(before))
                .ifPresent(before -> compare(result, before, previous.get().run().id(), flags, regressions));
        for (Declared declared : declared(deployment)) {
            List<String> contradicted = result.results().stream()
                    .filter(r -> r.outcome() == Outcome.NOT_APPLICABLE && declared.contradictedBy(r.reason()))
                    .map(ScenarioResult::id).toList();
            if (!contradicted.isEmpty()) {
                regressions.add("the environment file declares " + declared.what() + ", yet " + contradicted.size()
                        + " scenario(s) needing it are not applicable: " + String.join(", ", contradicted));
            }
        }
        Integer minimum = deployment.expect().minimumJudged();
        if (minimum != null && wholeSuite) {
            long judged = result.results().stream().filter(r -> judged(r.outcome())).count();
            if (judged < minimum) {
                regressions.add("the environment file expects at least " + minimum + " judged scenarios (expect.minimumJudged), "
                        + "yet " + judged + " were judged");
            }
        }
        return new Verdict(flags, regressions);
    }

    /** Passed, failed, a known deviation or a stale one: the wiki was looked at. */
    public static boolean judged(Outcome outcome) {
        return outcome != Outcome.NOT_APPLICABLE && outcome != Outcome.ERROR;
    }

    private static void compare(DeploymentResult now, DeploymentResult before, String runId, List<String> flags, List<String> regressions) {
        Map<String, ScenarioResult> then = ScenarioKeys.of(before);
        Map<String, ScenarioResult> current = ScenarioKeys.of(now);
        List<String> noLonger = new ArrayList<>();
        List<String> vanished = new ArrayList<>();
        then.forEach((key, b) -> {
            ScenarioResult r = current.get(key);
            if (r == null) {
                vanished.add(key + " (was " + b.outcome().label() + ")");
            } else if (r.outcome() == Outcome.NOT_APPLICABLE && judged(b.outcome())) {
                noLonger.add(key + " (was " + b.outcome().label() + ": " + r.reason() + ")");
            }
        });
        if (!noLonger.isEmpty()) {
            regressions.add(noLonger.size() + " scenario(s) judged in the previous comparable run (" + runId
                    + ") are not applicable now: " + String.join("; ", noLonger));
        }
        if (!vanished.isEmpty()) {
            regressions.add(vanished.size() + " scenario(s) of the previous comparable run (" + runId + ") vanished: "
                    + String.join(", ", vanished));
        }
        // Counted over the scenarios both runs have: a scenario new in this run is no change of the wiki.
        long nowNa = current.entrySet().stream().filter(e -> then.containsKey(e.getKey()))
                .filter(e -> e.getValue().outcome() == Outcome.NOT_APPLICABLE).count();
        long thenNa = then.entrySet().stream().filter(e -> current.containsKey(e.getKey()))
                .filter(e -> e.getValue().outcome() == Outcome.NOT_APPLICABLE).count();
        if (nowNa > thenNa && noLonger.isEmpty()) {
            List<String> newly = new ArrayList<>();
            current.forEach((key, r) -> {
                ScenarioResult b = then.get(key);
                if (b != null && r.outcome() == Outcome.NOT_APPLICABLE && b.outcome() != Outcome.NOT_APPLICABLE) {
                    newly.add(r.id() == null ? key : r.id());
                }
            });
            flags.add(nowNa + " scenarios not applicable, " + thenNa + " in the previous run (" + runId + "): " + String.join(", ", newly));
        }
    }

    private static List<Declared> declared(Deployment deployment) {
        List<Declared> declared = new ArrayList<>();
        ExpectedApplicability expect = deployment.expect();
        // The requirement's own evidence starts with its tag (ApplicabilityCheck), so only its own not-applicable counts.
        expect.applicable().forEach((name, value) -> declared.add(new Declared("expect.applicable." + name
                + ("true".equals(value) ? "" : " (" + value + ")"), List.of("@needs:" + name + ":"))));
        deployment.credentials().keySet().forEach(role -> declared.add(new Declared("credentials." + role, List.of("credentials." + role),
                ROLE_RIGHT.get(role))));
        Map<String, Object> capabilities = deployment.capabilities();
        if (capabilities.containsKey("captcha")) {
            // Only the CAPTCHA requirement's own evidence: other requirements list the announced requests, CAPTCHA included.
            declared.add(new Declared("capabilities.captcha", List.of("announces no " + CaptchaChallenge.REQUEST_ID,
                    CaptchaChallenge.REQUEST_ID + ") that no strategy here answers")));
        }
        if (capabilities.containsKey("accountCreationThrottle") && deployment.disposable()) {
            declared.add(new Declared("capabilities.accountCreationThrottle", List.of("accountCreationThrottle")));
        }
        return declared;
    }
}
