package org.mwconform.captcha;

import java.util.Map;
import java.util.Optional;

/**
 * QuestyCaptcha asks one of the wiki's configured questions; its operator lists them with their answers
 * in the environment file ({@code capabilities.captcha.answers}). Answers are secrets in reports.
 */
public final class QuestionAnswers implements CaptchaSolver {
    private final Map<String, String> answers;

    public QuestionAnswers(Map<String, String> answers) {
        this.answers = Map.copyOf(answers);
    }

    @Override
    public Optional<String> answer(CaptchaChallenge challenge) {
        if (!"question".equals(challenge.type()) || challenge.info() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(answers.get(challenge.info().strip()));
    }

    @Override
    public String describe() {
        return "QuestyCaptcha answers from the environment file (" + answers.size() + " questions)";
    }
}
