package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/** {@code @needs:anonymous-creation-forbidden}: the module is enabled, but anonymous visitors lack the createaccount right. */
public final class AnonymousCreationForbidden implements Requirement {
    @Override
    public String name() {
        return "anonymous-creation-forbidden";
    }

    @Override
    public String check(Target target) {
        String module = Module.enabled(target.api());
        if (target.api().currentUserRights().contains("createaccount")) {
            throw new NotApplicable("anonymous visitors may create accounts here: meta=userinfo rights include 'createaccount'");
        }
        return "action=paraminfo: createaccount is " + module + "; meta=userinfo rights of an anonymous visitor lack 'createaccount'";
    }
}
