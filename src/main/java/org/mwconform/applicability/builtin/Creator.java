package org.mwconform.applicability.builtin;

import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/**
 * {@code @needs:creator}: a user who may create accounts for someone else. The environment file names the variable
 * holding its credentials ({@code credentials: creator}), the variable is set, the module is enabled and list=users
 * shows the user holding the createaccount right.
 */
public final class Creator implements Requirement {
    @Override
    public String name() {
        return "creator";
    }

    @Override
    public String check(Target target) {
        return AccountCreator.of(target).evidence();
    }
}
