package org.mwconform.applicability.builtin;

import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/** {@code @needs:third-party-login}: the same for login: authmanagerinfo for login announces a provider chosen by a button alone. */
public final class ThirdPartyLogin implements Requirement {
    @Override
    public String name() {
        return "third-party-login";
    }

    @Override
    public String check(Target target) {
        return ThirdPartyProvider.evidence(target.api(), "login");
    }
}
