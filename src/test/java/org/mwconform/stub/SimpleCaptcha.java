package org.mwconform.stub;

import java.security.SecureRandom;
import java.util.Set;

/**
 * ConfirmEdit 1.39's SimpleCaptcha on account creation, with the semantics measured on local-captcha
 * (ConfirmEdit 1.6.0): every {@code meta=authmanagerinfo&amirequestsfor=create} stores a new sum in the
 * session (earlier ones stay valid); a wrong answer forgets that captchaId, so the right answer
 * afterwards fails too; a request without an answer leaves it valid; an answer that passes is used up,
 * whether the creation then passes or fails later (badretype). CAPTCHAs belong to one session.
 */
final class SimpleCaptcha {
    static final String REQUEST_ID = "CaptchaAuthenticationRequest";
    static final String PROVIDER = "MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaAuthenticationRequest";
    static final String FAIL_CODE = "captcha-createaccount-fail";
    static final String FAIL_MESSAGE = "Incorrect or missing CAPTCHA.";
    /** The label of captchaInfo: ConfirmEdit's captcha-createaccount message, as wikitext. */
    static final String INFO_LABEL = "To help protect against automated account creation, please solve the simple sum below "
            + "([[Special:Captcha/help|more info]]):";
    private static final char MINUS = '\u2212';
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One sum as authmanagerinfo shows it: captchaId and captchaInfo ("37+5 =" or "37−5 ="). */
    record Challenge(String id, String info) {
    }

    private final Setup setup;
    private final Set<Mutation> mutations;

    SimpleCaptcha(Setup setup, Set<Mutation> mutations) {
        this.setup = setup;
        this.mutations = mutations;
    }

    /** authmanagerinfo announces a CaptchaAuthenticationRequest. */
    boolean announced() {
        return setup.captcha() && !mutations.contains(Mutation.CAPTCHA_DEMANDED_BUT_NOT_ANNOUNCED);
    }

    /** createaccount checks an answer. */
    boolean demanded() {
        return setup.captcha() || mutations.contains(Mutation.CAPTCHA_DEMANDED_BUT_NOT_ANNOUNCED);
    }

    /** SimpleCaptcha::getCaptcha: a from 0 to 100, b from 0 to 10, plus or minus; stored in the session. */
    Challenge issue(WikiState.Session session) {
        int a = RANDOM.nextInt(101);
        int b = RANDOM.nextInt(11);
        boolean plus = RANDOM.nextBoolean();
        String id;
        do {
            id = String.valueOf(1 + RANDOM.nextInt(Integer.MAX_VALUE - 1));
        } while (session.captchas().putIfAbsent(id, String.valueOf(plus ? a + b : a - b)) != null);
        return new Challenge(id, "" + a + (plus ? '+' : MINUS) + b + " =");
    }

    /** CaptchaPreAuthenticationProvider::testForAccountCreation: whether the request passes the CAPTCHA. */
    boolean passes(StubRequest request) {
        String id = request.param("captchaId");
        String word = request.param("captchaWord");
        if (id == null || id.isEmpty() || word == null || word.isEmpty()) {
            // AuthenticationRequest::loadFromSubmission ignores an incomplete request: nothing is forgotten.
            return mutations.contains(Mutation.CAPTCHA_NOT_REQUIRED_WHEN_MISSING);
        }
        boolean keepAfterWrong = mutations.contains(Mutation.CAPTCHA_REUSABLE_AFTER_FAILURE);
        String answer = keepAfterWrong ? request.session().captchas().get(id) : request.session().captchas().remove(id);
        if (answer == null) {
            return false;
        }
        boolean right = answer.equals(word.strip());
        if (right) {
            request.session().captchas().remove(id);
            return !mutations.contains(Mutation.CAPTCHA_REJECTS_RIGHT_ANSWER);
        }
        return mutations.contains(Mutation.CAPTCHA_ACCEPTS_WRONG_ANSWER);
    }
}
