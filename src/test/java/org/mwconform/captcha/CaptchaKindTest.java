package org.mwconform.captcha;

import org.junit.jupiter.api.Test;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.AuthRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CaptchaKindTest {
    private static AuthManagerInfo announcing(String type) {
        List<AuthRequest> requests = type == null ? List.of() : List.of(new AuthRequest(CaptchaChallenge.REQUEST_ID, "required",
                "ConfirmEdit", CaptchaChallenge.REQUEST_ID, Map.of("type", type), Map.of(), Set.of()));
        return new AuthManagerInfo(true, requests, true, false, null, List.of());
    }

    @Test
    void theKindComesFromTheWikisMetadata() {
        assertThat(CaptchaKind.of(announcing(null))).isEqualTo(CaptchaKind.NONE);
        assertThat(CaptchaKind.of(announcing("hcaptcha"))).isEqualTo("hCaptcha");
        assertThat(CaptchaKind.of(announcing("question"))).isEqualTo("question (QuestyCaptcha)");
        assertThat(CaptchaKind.of(announcing("image"))).isEqualTo("image (FancyCaptcha)");
        assertThat(CaptchaKind.of(announcing("turnstile"))).isEqualTo("Turnstile");
        assertThat(CaptchaKind.of(announcing("recaptchanocaptcha"))).isEqualTo("reCAPTCHA");
        assertThat(CaptchaKind.of(announcing("newfangled"))).isEqualTo("unknown (type newfangled)");
    }
}
