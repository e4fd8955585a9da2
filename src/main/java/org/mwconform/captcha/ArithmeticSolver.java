package org.mwconform.captcha;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ConfirmEdit's SimpleCaptcha asks "a+b =" or "a−b =" (U+2212 minus): computed, no configuration needed. */
public final class ArithmeticSolver implements CaptchaSolver {
    private static final Pattern SUM = Pattern.compile("\\s*(\\d+)\\s*([+\\-\u2212])\\s*(\\d+)\\s*=?\\s*");

    @Override
    public Optional<String> answer(CaptchaChallenge challenge) {
        if (!"simple".equals(challenge.type()) || challenge.info() == null) {
            return Optional.empty();
        }
        Matcher m = SUM.matcher(challenge.info());
        if (!m.matches()) {
            return Optional.empty();
        }
        long a = Long.parseLong(m.group(1));
        long b = Long.parseLong(m.group(3));
        return Optional.of(String.valueOf(m.group(2).equals("+") ? a + b : a - b));
    }

    @Override
    public String describe() {
        return "arithmetic (ConfirmEdit SimpleCaptcha), computed";
    }
}
