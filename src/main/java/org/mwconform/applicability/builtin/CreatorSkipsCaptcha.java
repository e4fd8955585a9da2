package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/** {@code @needs:creator-skips-captcha}: the creator holds ConfirmEdit's skipcaptcha right, so is asked no CAPTCHA. */
public final class CreatorSkipsCaptcha implements Requirement {
    @Override
    public String name() {
        return "creator-skips-captcha";
    }

    @Override
    public String check(Target target) {
        AccountCreator creator = AccountCreator.of(target);
        boolean skips = creator.rights().has("skipcaptcha");
        String evidence = creator.evidence() + "; the creator " + (skips ? "holds" : "lacks") + " 'skipcaptcha'";
        if (!skips) {
            throw new NotApplicable(evidence);
        }
        return evidence;
    }
}
