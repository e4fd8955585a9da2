package org.mwconform.extension;

import org.mwconform.captcha.CaptchaChallenge;
import org.mwconform.captcha.CaptchaSolver;

import java.util.Optional;

/** A test-only extension CAPTCHA strategy for a made-up CAPTCHA type (never one a real wiki announces: ITs share this class path). */
public final class TestOracleCaptcha implements CaptchaSolver {
    @Override
    public Optional<String> answer(CaptchaChallenge challenge) {
        return "test-oracle".equals(challenge.type()) ? Optional.of("oracle-" + challenge.id()) : Optional.empty();
    }

    @Override
    public String describe() {
        return "the test oracle";
    }
}
