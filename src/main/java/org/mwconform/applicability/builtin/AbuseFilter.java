package org.mwconform.applicability.builtin;

import org.mwconform.applicability.RefusedUsernames;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/** {@code @needs:abuse-filter}: see {@link RefusedUsernames#ABUSE_FILTER}. */
public final class AbuseFilter implements Requirement {
    @Override
    public String name() {
        return "abuse-filter";
    }

    @Override
    public String check(Target target) {
        return RefusedUsernames.ABUSE_FILTER.evidence(target.deployment(), target.api());
    }
}
