package org.mwconform.applicability;

import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.deployments.Deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides, before a scenario runs, whether it applies to the deployment: from the wiki's own answers
 * first, then the environment file. Returns the evidence it used; throws {@link NotApplicable} with it.
 */
public final class ApplicabilityCheck {

    public List<String> require(Collection<String> tags, Deployment deployment, MediaWikiApi api) {
        List<String> evidence = new ArrayList<>();
        if (SideEffect.writes(tags)) {
            if (!deployment.writable()) {
                throw new NotApplicable("environment file does not mark " + deployment.name()
                        + " as writable (writable: true); accounts can never be deleted, so this scenario is not run against it");
            }
            evidence.add("environment file: writable: true");
        }
        for (String tag : tags) {
            if (tag.startsWith("@needs:")) {
                Requirement requirement = Requirement.fromTag(tag).orElseThrow(
                        () -> new IllegalStateException("unknown requirement tag " + tag + " (known: " + List.of(Requirement.values()) + ")"));
                evidence.add(check(requirement, api));
            }
        }
        return evidence;
    }

    private static String check(Requirement requirement, MediaWikiApi api) {
        return switch (requirement) {
            case ANONYMOUS_CREATION -> anonymousCreation(api);
        };
    }

    private static String anonymousCreation(MediaWikiApi api) {
        AuthManagerInfo info = api.authManagerInfo();
        boolean hasRight = api.currentUserRights().contains("createaccount");
        String evidence = "authmanagerinfo " + (info.canCreateAccounts() ? "announces" : "does not announce")
                + " cancreateaccounts; meta=userinfo rights " + (hasRight ? "include" : "lack") + " 'createaccount'";
        // Not applicable only when both answers say no. When they disagree, the scenario runs, so the
        // declaration that is wrong fails its check instead of hiding behind "not applicable".
        if (!info.canCreateAccounts() && !hasRight) {
            throw new NotApplicable(evidence);
        }
        return evidence;
    }
}
