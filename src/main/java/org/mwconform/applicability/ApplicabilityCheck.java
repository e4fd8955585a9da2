package org.mwconform.applicability;

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
    private static final String DISABLED_MODULE = "ApiDisabled";

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

    /**
     * The module must be enabled and anonymous visitors must hold the createaccount right. Whether
     * authmanagerinfo announces cancreateaccounts is only shown: it says the providers can create
     * accounts, not who may, and a scenario checks that declaration itself.
     */
    private static String anonymousCreation(MediaWikiApi api) {
        String module = api.moduleClass("createaccount").orElse("no module");
        if (DISABLED_MODULE.equals(module) || "no module".equals(module)) {
            throw new NotApplicable("action=paraminfo: the createaccount module is " + module
                    + " ($wgAPIModules['createaccount'] = 'ApiDisabled' disables it, as the documentation describes)");
        }
        boolean hasRight = api.currentUserRights().contains("createaccount");
        String evidence = "action=paraminfo: createaccount is " + module + "; meta=userinfo rights of an anonymous visitor "
                + (hasRight ? "include" : "lack") + " 'createaccount'; authmanagerinfo "
                + (api.authManagerInfo().canCreateAccounts() ? "announces" : "does not announce") + " cancreateaccounts";
        if (!hasRight) {
            throw new NotApplicable(evidence);
        }
        return evidence;
    }
}
