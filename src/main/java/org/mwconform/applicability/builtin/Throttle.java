package org.mwconform.applicability.builtin;

import org.mwconform.applicability.DeclaredThrottle;
import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/**
 * {@code @needs:throttle}: an account creation throttle the environment file declares (the API does not expose it),
 * on a wiki where each scenario speaks from an address of its own.
 */
public final class Throttle implements Requirement {
    @Override
    public String name() {
        return "throttle";
    }

    @Override
    public String check(Target target) {
        DeclaredThrottle throttle = DeclaredThrottle.of(target.deployment()).orElseThrow(() -> new NotApplicable(
                "the environment file declares no capabilities.accountCreationThrottle (the API does not expose $wgAccountCreationThrottle)"));
        if (!target.isolated()) {
            throw new NotApplicable("the throttle counts per IP and " + target.deployment().name() + " sees this machine's one address:"
                    + " exhausting it would fail every later scenario; only local: wikis this project starts, where each scenario has its own loopback"
                    + " address (127.x.y.z; on a system with only 127.0.0.1, such as macOS without lo0 aliases, no scenario has one); a loopback"
                    + " URL alone is no such wiki (it may be a tunnel)");
        }
        return "environment file: capabilities.accountCreationThrottle " + throttle + "; this scenario speaks from a loopback address of its own";
    }
}
