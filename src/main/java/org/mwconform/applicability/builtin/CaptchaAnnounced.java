package org.mwconform.applicability.builtin;

import org.mwconform.accounts.FieldStrategies;
import org.mwconform.accounts.FormFiller;
import org.mwconform.accounts.NewAccount;
import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;
import org.mwconform.captcha.CaptchaChallenge;
import org.mwconform.captcha.CaptchaKind;
import org.mwconform.client.AuthManagerInfo;

import java.util.List;

/**
 * {@code @needs:captcha-announced}: authmanagerinfo announces a CAPTCHA for account creation, of any kind, answerable
 * here or not (hCaptcha, Turnstile and reCAPTCHA need a browser and the vendor's servers), and every other required
 * field can be filled. What such a wiki does with a missing or unverifiable answer is judged without solving anything.
 */
public final class CaptchaAnnounced implements Requirement {
    @Override
    public String name() {
        return "captcha-announced";
    }

    @Override
    public String check(Target target) {
        AuthManagerInfo info = target.api().authManagerInfo();
        CaptchaChallenge challenge = CaptchaChallenge.in(info).orElseThrow(() ->
                new NotApplicable("authmanagerinfo announces no " + CaptchaChallenge.REQUEST_ID + " for account creation"));
        List<String> unanswerable = new FormFiller(target.captchas(), FieldStrategies.load(Thread.currentThread().getContextClassLoader()))
                .fill(info, new NewAccount("Mwconform-form-check", "form-check"), null, "https://example.org/").unanswerable().stream()
                .filter(field -> !field.contains(CaptchaChallenge.REQUEST_ID))
                .toList();
        if (!unanswerable.isEmpty()) {
            throw new NotApplicable("authmanagerinfo announces required fields besides the CAPTCHA that no strategy here can answer: "
                    + String.join(", ", unanswerable));
        }
        return "authmanagerinfo announces a " + CaptchaKind.of(info) + " CAPTCHA (" + CaptchaChallenge.REQUEST_ID + ", metadata type "
                + challenge.type() + ")";
    }
}
