package org.mwconform.applicability.builtin;

import org.mwconform.applicability.RefusedUsernames;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/** {@code @needs:title-blacklist}: see {@link RefusedUsernames#TITLE_BLACKLIST}. */
public final class TitleBlacklist implements Requirement {
    @Override
    public String name() {
        return "title-blacklist";
    }

    @Override
    public String check(Target target) {
        return RefusedUsernames.TITLE_BLACKLIST.evidence(target.deployment(), target.api());
    }
}
