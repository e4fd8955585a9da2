package org.mwconform.applicability;

import org.mwconform.captcha.CaptchaChallenge;
import org.mwconform.captcha.CaptchaSolvers;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.client.UserRights;
import org.mwconform.deployments.Credentials;
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
    private final CaptchaSolvers captchas;

    public ApplicabilityCheck(CaptchaSolvers captchas) {
        this.captchas = captchas;
    }

    /** @param isolated whether this scenario speaks from a client address of its own (see ScenarioWorld) */
    /** The wiki's own answers first (the @needs: tags), then what the environment file allows (side effects). */
    public List<String> require(Collection<String> tags, Deployment deployment, MediaWikiApi api, boolean isolated) {
        List<String> evidence = new ArrayList<>();
        for (String tag : tags) {
            if (tag.startsWith("@needs:")) {
                Requirement requirement = Requirement.fromTag(tag).orElseThrow(
                        () -> new IllegalStateException("unknown requirement tag " + tag + " (known: " + List.of(Requirement.values()) + ")"));
                evidence.add(check(requirement, deployment, api, isolated));
            }
        }
        if (SideEffect.writes(tags)) {
            if (!deployment.writable()) {
                throw new NotApplicable("environment file does not mark " + deployment.name()
                        + " as writable (writable: true); accounts can never be deleted, so this scenario is not run against it");
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

    private String check(Requirement requirement, Deployment deployment, MediaWikiApi api, boolean isolated) {
        return switch (requirement) {
            case ANONYMOUS_CREATION -> anonymousCreation(api);
            case CAPTCHA -> captcha(api);
            case THROTTLE -> throttle(deployment, isolated);
            case ANONYMOUS_CREATION_FORBIDDEN -> anonymousCreationForbidden(api);
            case MODULE_DISABLED -> moduleDisabled(api);
            case CREATOR -> creator(deployment, api).evidence();
            case CREATOR_SKIPS_CAPTCHA -> creatorSkipsCaptcha(deployment, api);
            case TITLE_BLACKLIST -> RefusedUsernames.TITLE_BLACKLIST.evidence(deployment, api);
            case ABUSE_FILTER -> RefusedUsernames.ABUSE_FILTER.evidence(deployment, api);
        };
    }

    /** The class serving action=createaccount, from action=paraminfo: ApiDisabled when an admin disabled it. */
    private static String moduleClass(MediaWikiApi api) {
        return api.moduleClass("createaccount").orElse("no module");
    }

    /** The module's class, or not applicable when it is disabled or missing. */
    private static String enabledModule(MediaWikiApi api) {
        String module = moduleClass(api);
        if (DISABLED_MODULE.equals(module) || "no module".equals(module)) {
            throw new NotApplicable("action=paraminfo: the createaccount module is " + module
                    + " ($wgAPIModules['createaccount'] = 'ApiDisabled' disables it, as the documentation describes)");
        }
        return module;
    }

    private static String anonymousCreationForbidden(MediaWikiApi api) {
        String module = enabledModule(api);
        if (api.currentUserRights().contains("createaccount")) {
            throw new NotApplicable("anonymous visitors may create accounts here: meta=userinfo rights include 'createaccount'");
        }
        return "action=paraminfo: createaccount is " + module + "; meta=userinfo rights of an anonymous visitor lack 'createaccount'";
    }

    private static String moduleDisabled(MediaWikiApi api) {
        String module = moduleClass(api);
        if (!DISABLED_MODULE.equals(module)) {
            throw new NotApplicable("action=paraminfo: the createaccount module is " + module + ", not " + DISABLED_MODULE);
        }
        return "action=paraminfo: the createaccount module is " + DISABLED_MODULE;
    }

    /** The API does not say how many accounts an IP may create: the environment file does. */
    private static String throttle(Deployment deployment, boolean isolated) {
        DeclaredThrottle throttle = DeclaredThrottle.of(deployment).orElseThrow(() -> new NotApplicable(
                "the environment file declares no capabilities.accountCreationThrottle (the API does not expose $wgAccountCreationThrottle)"));
        if (!isolated) {
            throw new NotApplicable("the throttle counts per IP and " + deployment.name() + " sees this machine's one address:"
                    + " exhausting it would fail every later scenario; only wikis on this machine, where each scenario has its own loopback address"
                    + " (127.x.y.z; on a system with only 127.0.0.1, such as macOS without lo0 aliases, no scenario has one)");
        }
        return "environment file: capabilities.accountCreationThrottle " + throttle + "; this scenario speaks from a loopback address of its own";
    }

    private String captcha(MediaWikiApi api) {
        CaptchaChallenge challenge = CaptchaChallenge.in(api.authManagerInfo()).orElseThrow(() ->
                new NotApplicable("authmanagerinfo announces no " + CaptchaChallenge.REQUEST_ID + " for account creation"));
        if (captchas.answer(challenge).isEmpty()) {
            throw new NotApplicable(captchas.whyNot(challenge));
        }
        return "authmanagerinfo announces a " + challenge.type() + " CAPTCHA (" + CaptchaChallenge.REQUEST_ID + ")";
    }

    /**
     * The module must be enabled and anonymous visitors must hold the createaccount right. Whether
     * authmanagerinfo announces cancreateaccounts is only shown: it says the providers can create
     * accounts, not who may, and a scenario checks that declaration itself.
     */
    private static String anonymousCreation(MediaWikiApi api) {
        String module = enabledModule(api);
        boolean hasRight = api.currentUserRights().contains("createaccount");
        String evidence = "action=paraminfo: createaccount is " + module + "; meta=userinfo rights of an anonymous visitor "
                + (hasRight ? "include" : "lack") + " 'createaccount'; authmanagerinfo "
                + (api.authManagerInfo().canCreateAccounts() ? "announces" : "does not announce") + " cancreateaccounts";
        if (!hasRight) {
            throw new NotApplicable(evidence);
        }
        return evidence;
    }

    /** The creator as the wiki's list=users shows it, and the evidence gathered on the way. */
    private record Creator(UserRights rights, String evidence) {
    }

    /**
     * A user who may create accounts for someone else: credentials from the environment (never from a file),
     * the module enabled, and the wiki's own list=users showing the user with the createaccount right. Whether
     * the password is right is for the scenario to find out, by logging in.
     */
    private static Creator creator(Deployment deployment, MediaWikiApi api) {
        Credentials.Lookup lookup = Credentials.lookup(deployment, Credentials.CREATOR);
        Credentials creator = lookup.credentials().orElseThrow(() -> new NotApplicable(lookup.evidence()));
        String module = enabledModule(api);
        UserRights rights = api.userRights(creator.username()).orElseThrow(() -> new NotApplicable(lookup.evidence()
                + "; list=users: no such user on " + deployment.name()));
        String evidence = lookup.evidence() + "; action=paraminfo: createaccount is " + module + "; list=users: "
                + rights.name() + " (groups " + String.join(", ", rights.groups()) + ") "
                + (rights.has("createaccount") ? "holds" : "lacks") + " 'createaccount'";
        if (!rights.has("createaccount")) {
            throw new NotApplicable(evidence);
        }
        return new Creator(rights, evidence);
    }

    private static String creatorSkipsCaptcha(Deployment deployment, MediaWikiApi api) {
        Creator creator = creator(deployment, api);
        boolean skips = creator.rights().has("skipcaptcha");
        String evidence = creator.evidence() + "; the creator " + (skips ? "holds" : "lacks") + " 'skipcaptcha'";
        if (!skips) {
            throw new NotApplicable(evidence);
        }
        return evidence;
    }
}
