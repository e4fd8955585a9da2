package org.mwconform.captcha;

import java.util.Optional;

/** One way of answering a CAPTCHA. A deployment gets the strategies its environment file allows. */
public interface CaptchaSolver {

    /** The answer, or empty when this strategy cannot answer this challenge. */
    Optional<String> answer(CaptchaChallenge challenge);

    /** For evidence: "QuestyCaptcha answers from the environment file", ... */
    String describe();
}
