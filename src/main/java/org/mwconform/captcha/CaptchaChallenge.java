package org.mwconform.captcha;

import org.mwconform.client.AuthField;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.AuthRequest;

import java.util.Optional;

/**
 * The CAPTCHA a wiki announces for account creation (documentation, example 2): a
 * {@code CaptchaAuthenticationRequest} with {@code captchaId}, {@code captchaInfo} and {@code captchaWord}.
 *
 * @param type ConfirmEdit's kind: {@code simple} (arithmetic), {@code question} (QuestyCaptcha), {@code image}, ...
 */
public record CaptchaChallenge(String id, String info, String type) {
    public static final String REQUEST_ID = "CaptchaAuthenticationRequest";
    public static final String ANSWER_FIELD = "captchaWord";

    public static Optional<CaptchaChallenge> in(AuthManagerInfo info) {
        return info.requests().stream().filter(r -> REQUEST_ID.equals(r.id())).findFirst().map(CaptchaChallenge::of);
    }

    private static CaptchaChallenge of(AuthRequest request) {
        return new CaptchaChallenge(value(request, "captchaId"), value(request, "captchaInfo"), request.metadata().get("type"));
    }

    private static String value(AuthRequest request, String field) {
        AuthField f = request.fields().get(field);
        return f == null ? null : f.value();
    }
}
