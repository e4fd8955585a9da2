package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/**
 * {@code @needs:second-factor-setup}: after the third-party provider, a two-factor extension asks (UI) to set up a
 * TOTP second factor. The API shows that only in the UI response, never beforehand, so the environment file
 * declares it ({@code capabilities.secondFactorSetup: totp}), as it declares a throttle the API does not expose.
 */
public final class SecondFactorSetup implements Requirement {
    @Override
    public String name() {
        return "second-factor-setup";
    }

    @Override
    public String check(Target target) {
        if (!"totp".equals(target.deployment().capabilities().get("secondFactorSetup"))) {
            throw new NotApplicable("the environment file declares no capabilities.secondFactorSetup: totp (the API shows a"
                    + " two-factor setup only in the UI response after a third-party provider, never beforehand)");
        }
        return "environment file: capabilities.secondFactorSetup: totp";
    }
}
