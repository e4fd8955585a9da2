package org.mwconform.applicability.builtin;

import org.mwconform.applicability.DeclaredTempAccountThrottle;
import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/**
 * {@code @needs:temporary-account-throttle}: the temporary-account creation throttle the environment file declares
 * ($wgTempAccountCreationThrottle; the API does not expose it), on a wiki where each scenario speaks from an address
 * of its own (the throttle counts per IP: using it up from a shared address would lock every later scenario out).
 */
public final class TemporaryAccountThrottle implements Requirement {
    @Override
    public String name() {
        return "temporary-account-throttle";
    }

    @Override
    public String check(Target target) {
        DeclaredTempAccountThrottle throttle = DeclaredTempAccountThrottle.of(target.deployment()).orElseThrow(() -> new NotApplicable(
                "the environment file declares no capabilities." + DeclaredTempAccountThrottle.KEY
                        + " (the API does not expose $wgTempAccountCreationThrottle)"));
        if (!target.isolated()) {
            throw new NotApplicable("the temporary-account throttle counts per IP and " + target.deployment().name()
                    + " sees this machine's one address: only wikis on this machine, where each scenario has a loopback address of its own");
        }
        return "environment file: capabilities." + DeclaredTempAccountThrottle.KEY + " " + throttle
                + "; this scenario speaks from a loopback address of its own";
    }
}
