package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.client.interactive.ThirdPartyProviders;

/**
 * {@code @needs:third-party-provider}: a provider for account creation that is chosen, not filled in (documentation,
 * example 3): authmanagerinfo for create announces a primary-required request whose fields are all buttons, as an
 * OpenID Connect login is announced. Choosing it answers REDIRECT or UI.
 */
public final class ThirdPartyProvider implements Requirement {
    @Override
    public String name() {
        return "third-party-provider";
    }

    @Override
    public String check(Target target) {
        return "action=paraminfo: createaccount is " + Module.enabled(target.api()) + "; " + evidence(target.api(), "create");
    }

    /** The evidence for the first such request in authmanagerinfo for ACTION, or not applicable with the requests it announces. */
    static String evidence(MediaWikiApi api, String action) {
        AuthManagerInfo info = api.authManagerInfo(action);
        AuthRequest chosen = ThirdPartyProviders.first(info.requests()).orElseThrow(() -> new NotApplicable(
                "authmanagerinfo (amirequestsfor=" + action + ") announces no redirecting or UI-producing provider: no"
                        + " primary-required request is chosen by a button alone; its requests: " + ThirdPartyProviders.describe(info.requests())));
        return "authmanagerinfo (amirequestsfor=" + action + ") announces a third-party provider: " + chosen.id()
                + " (" + chosen.provider() + "), chosen by the button " + String.join(", ", chosen.fields().keySet());
    }
}
