package org.mwconform.applicability.builtin;

import org.mwconform.accounts.FieldStrategies;
import org.mwconform.accounts.FormFiller;
import org.mwconform.accounts.NewAccount;
import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;
import org.mwconform.captcha.CaptchaChallenge;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.AuthField;
import org.mwconform.deployments.Credentials;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code @needs:fillable-form}: every required field that authmanagerinfo announces for account creation can be
 * filled here (a CAPTCHA only by a strategy that can answer it, or not at all for a creator holding skipcaptcha),
 * decided from authmanagerinfo before the scenario's first request, never found out halfway.
 */
public final class FillableForm implements Requirement {
    @Override
    public String name() {
        return "fillable-form";
    }

    @Override
    public String check(Target target) {
        AuthManagerInfo info = target.api().authManagerInfo();
        boolean creatorSkipsCaptcha = target.tags().contains("@needs:creator") && Credentials.lookup(target.deployment(), Credentials.CREATOR)
                .credentials().flatMap(c -> target.api().userRights(c.username())).map(r -> r.has("skipcaptcha")).orElse(false);
        List<String> unanswerable = new FormFiller(target.captchas(), FieldStrategies.load(Thread.currentThread().getContextClassLoader())).fill(info, new NewAccount("Mwconform-form-check", "form-check"),
                        null, "https://example.org/").unanswerable().stream()
                .filter(field -> !(creatorSkipsCaptcha && field.contains(CaptchaChallenge.REQUEST_ID)))
                .toList();
        String fields = info.fields().stream().map(AuthField::name).distinct().collect(Collectors.joining(", "));
        if (!unanswerable.isEmpty()) {
            throw new NotApplicable("authmanagerinfo announces required fields that no strategy here can answer: "
                    + String.join(", ", unanswerable) + " (announced: " + fields + ")");
        }
        return "authmanagerinfo: every required field can be filled (" + fields + ")"
                + (creatorSkipsCaptcha ? "; the creator holds 'skipcaptcha'" : "");
    }
}
