package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/**
 * {@code @needs:anonymous-creation}: anonymous visitors may create accounts, the core flow of the documentation.
 * The module must be enabled and anonymous visitors must hold the createaccount right. Whether authmanagerinfo
 * announces cancreateaccounts is only shown: it says the providers can create accounts, not who may, and a
 * scenario checks that declaration itself.
 */
public final class AnonymousCreation implements Requirement {
    @Override
    public String name() {
        return "anonymous-creation";
    }

    @Override
    public String check(Target target) {
        String module = Module.enabled(target.api());
        boolean hasRight = target.api().currentUserRights().contains("createaccount");
        String evidence = "action=paraminfo: createaccount is " + module + "; meta=userinfo rights of an anonymous visitor "
                + (hasRight ? "include" : "lack") + " 'createaccount'; authmanagerinfo "
                + (target.api().authManagerInfo().canCreateAccounts() ? "announces" : "does not announce") + " cancreateaccounts";
        if (!hasRight) {
            throw new NotApplicable(evidence);
        }
        return evidence;
    }
}
