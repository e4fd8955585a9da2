package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;
import org.mwconform.client.TemporaryAccounts;

import java.util.List;

/**
 * {@code @needs:temporary-accounts}: an anonymous edit creates a temporary user. Siteinfo says temporary accounts are
 * enabled and names their patterns, and an anonymous visitor may edit, create pages and create accounts
 * (RealTempUserConfig::shouldAutoCreate asks for createaccount). All read from the wiki before the scenario's first
 * request; a wiki whose siteinfo says nothing of temporary accounts is not applicable with that evidence.
 */
public final class TemporaryAccountCreation implements Requirement {
    static final List<String> RIGHTS = List.of("edit", "createpage", "createaccount");

    @Override
    public String name() {
        return "temporary-accounts";
    }

    @Override
    public String check(Target target) {
        TemporaryAccounts temp = target.api().temporaryAccounts();
        if (!temp.answered()) {
            throw new NotApplicable("temporary accounts unknown to this wiki: " + temp.evidence());
        }
        if (!temp.enabled()) {
            throw new NotApplicable("temporary accounts are off: " + temp.evidence());
        }
        if (temp.usablePatterns().isEmpty()) {
            throw new NotApplicable("siteinfo names no pattern of temporary account names (PREFIX$1SUFFIX): " + temp.evidence());
        }
        List<String> rights = target.api().currentUserRights();
        List<String> lacking = RIGHTS.stream().filter(r -> !rights.contains(r)).toList();
        if (!lacking.isEmpty()) {
            throw new NotApplicable("temporary accounts are on (" + temp.evidence() + "), but anonymous visitors lack "
                    + lacking + " (meta=userinfo&uiprop=rights): no anonymous edit can create a temporary user");
        }
        return temp.evidence() + "; anonymous visitors have " + RIGHTS + " (meta=userinfo&uiprop=rights)";
    }
}
