package org.mwconform.run;

import org.mwconform.captcha.CaptchaChallenge;
import org.mwconform.deployments.Deployment;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Not applicable is not passed: a wiki that quietly stops offering what it offered (a CAPTCHA without
 * answers, a creator whose password changed) turns green cells grey, and the run stays green. This flags,
 * in the summary, a deployment with more not-applicable results than in the previous run with the same
 * selection, and not-applicable results that contradict what its environment file declares.
 */
public final class NotApplicableFlags {
    /** What the environment file declares, and the words of the evidence that says it did not hold. */
    /** A declaration, and the words of the not-applicable evidence it contradicts (any of them). */
    private record Declared(String what, List<String> evidence, String unlessShown) {
        Declared(String what, String evidenceMentions) {
            this(what, List.of(evidenceMentions), null);
        }

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

    static List<String> flags(Deployment deployment, DeploymentResult result, Optional<RunReport> previous, String tags) {
        List<String> flags = new ArrayList<>();
        int now = result.counts().getOrDefault(Outcome.NOT_APPLICABLE, 0);
        previous.filter(p -> Objects.equals(p.run().tags(), tags))
                .flatMap(p -> p.deployments().stream().filter(d -> d.name().equals(result.name())).findFirst())
                .filter(before -> !before.results().isEmpty() && before.results().stream().noneMatch(r -> "preflight".equals(r.id())))
                .ifPresent(before -> {
                    int then = before.counts().getOrDefault(Outcome.NOT_APPLICABLE, 0);
                    if (now > then) {
                        flags.add(now + " scenarios not applicable, " + then + " in the previous run (" + previous.get().run().id()
                                + "): " + String.join(", ", newlyNotApplicable(result, before)));
                    }
                });
        for (Declared declared : declared(deployment)) {
            List<String> contradicted = result.results().stream()
                    .filter(r -> r.outcome() == Outcome.NOT_APPLICABLE && declared.contradictedBy(r.reason()))
                    .map(ScenarioResult::id).toList();
            if (!contradicted.isEmpty()) {
                flags.add("the environment file declares " + declared.what() + ", yet " + contradicted.size()
                        + " scenario(s) needing it are not applicable: " + String.join(", ", contradicted));
            }
        }
        return flags;
    }

    private static List<String> newlyNotApplicable(DeploymentResult now, DeploymentResult before) {
        return now.results().stream().filter(r -> r.outcome() == Outcome.NOT_APPLICABLE)
                .filter(r -> before.results().stream().noneMatch(b -> Objects.equals(b.id(), r.id()) && b.outcome() == Outcome.NOT_APPLICABLE))
                .map(ScenarioResult::id).toList();
    }

    private static List<Declared> declared(Deployment deployment) {
        List<Declared> declared = new ArrayList<>();
        deployment.credentials().keySet().forEach(role -> declared.add(new Declared("credentials." + role, List.of("credentials." + role),
                ROLE_RIGHT.get(role))));
        Map<String, Object> capabilities = deployment.capabilities();
        if (capabilities.containsKey("captcha")) {
            // Only the CAPTCHA requirement's own evidence: other requirements list the announced requests, CAPTCHA included.
            declared.add(new Declared("capabilities.captcha", List.of("announces no " + CaptchaChallenge.REQUEST_ID,
                    CaptchaChallenge.REQUEST_ID + ") that no strategy here answers")));
        }
        if (capabilities.containsKey("accountCreationThrottle") && deployment.disposable()) {
            declared.add(new Declared("capabilities.accountCreationThrottle", "accountCreationThrottle"));
        }
        return declared;
    }
}
