package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;
import org.mwconform.captcha.CaptchaChallenge;

/** {@code @needs:captcha}: account creation asks a CAPTCHA (documentation, example 2), and a strategy here can answer it. */
public final class Captcha implements Requirement {
    @Override
    public String name() {
        return "captcha";
    }

    @Override
    public String check(Target target) {
        CaptchaChallenge challenge = CaptchaChallenge.in(target.api().authManagerInfo()).orElseThrow(() ->
                new NotApplicable("authmanagerinfo announces no " + CaptchaChallenge.REQUEST_ID + " for account creation"));
        if (target.captchas().answer(challenge).isEmpty()) {
            throw new NotApplicable(target.captchas().whyNot(challenge));
        }
        return "authmanagerinfo announces a " + challenge.type() + " CAPTCHA (" + CaptchaChallenge.REQUEST_ID + ")";
    }
}
