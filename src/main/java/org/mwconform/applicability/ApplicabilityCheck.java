package org.mwconform.applicability;

import org.mwconform.captcha.CaptchaSolvers;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.deployments.Deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides, before a scenario runs, whether it applies to the deployment: from the wiki's own answers
 * first (each {@code @needs:} tag's {@link Requirement}), then the environment file (side effects).
 * Returns the evidence it used; throws {@link NotApplicable} with it.
 */
public final class ApplicabilityCheck {
    private final CaptchaSolvers captchas;
    private final Requirements requirements;

    public ApplicabilityCheck(CaptchaSolvers captchas, Requirements requirements) {
        this.captchas = captchas;
        this.requirements = requirements;
    }

    /** @param isolated whether this scenario speaks from a client address of its own (see ScenarioWorld) */
    public List<String> require(Collection<String> tags, Deployment deployment, MediaWikiApi api, boolean isolated) {
        Target target = Target.of(deployment, api, captchas, isolated, tags);
        List<String> evidence = new ArrayList<>();
        for (String tag : tags) {
            if (tag.startsWith(Requirements.TAG_PREFIX)) {
                try {
                    evidence.add(requirements.require(tag).check(target));
                } catch (NotApplicable e) {
                    // Named by its tag, so a declaration (expect.applicable) is contradicted only by its own requirement.
                    throw new NotApplicable(tag + ": " + e.getMessage());
                }
            }
        }
        if (SideEffect.writes(tags)) {
            if (!deployment.writable()) {
                throw new NotApplicable("environment file does not mark " + deployment.name()
                        + " as writable (writable: true); accounts can never be deleted, so this scenario is not run against it"
                        + (SideEffect.declared(tags) ? "" : " (it carries no side-effect tag, "
                        + String.join(", ", SideEffect.ACCOUNT_EFFECTS) + ", so it counts as a write)"));
            }
            evidence.add("environment file: writable: true");
        }
        if (tags.contains(SideEffect.EXHAUSTS_THROTTLE)) {
            if (!deployment.disposable()) {
                throw new NotApplicable("environment file does not mark " + deployment.name()
                        + " as disposable (disposable: true); this scenario uses up a throttle, which locks an IP out for its period");
            }
            evidence.add("environment file: disposable: true");
        }
        return evidence;
    }
}
