package org.mwconform.captcha;

import org.mwconform.client.AuthManagerInfo;

import java.util.Map;
import java.util.Optional;

/**
 * Which CAPTCHA a wiki asks an anonymous visitor on account creation, classified from the wiki's own metadata: the
 * {@code type} of the CaptchaAuthenticationRequest authmanagerinfo announces (ConfirmEdit's describeCaptchaType).
 * Every deployment's column names it, so a reader sees what a headless client meets there.
 */
public final class CaptchaKind {
    /** No CAPTCHA is announced for account creation. */
    public static final String NONE = "none";

    /** ConfirmEdit's metadata type, as each module of MediaWiki 1.39 and 1.43 says it, to the name readers know. */
    private static final Map<String, String> KINDS = Map.of(
            "simple", "simple (arithmetic)",
            "math", "math (MathCaptcha)",
            "question", "question (QuestyCaptcha)",
            "image", "image (FancyCaptcha)",
            "hcaptcha", "hCaptcha",
            "turnstile", "Turnstile",
            "recaptchanocaptcha", "reCAPTCHA");

    private CaptchaKind() {
    }

    /** The kind, or {@link #NONE}; a type this list does not know is named as the wiki says it. */
    public static String of(AuthManagerInfo info) {
        Optional<CaptchaChallenge> challenge = CaptchaChallenge.in(info);
        if (challenge.isEmpty()) {
            return NONE;
        }
        String type = challenge.get().type();
        if (type == null || type.isBlank()) {
            return "unknown (no metadata type)";
        }
        return KINDS.getOrDefault(type, "unknown (type " + type + ")");
    }
}
