package org.mwconform.stub;

/** What the conforming {@link StubWiki} runs: MediaWiki 1.39 alone, or with a CAPTCHA on account creation. */
public enum Setup {
    /** No authentication extensions, like local-vanilla: authmanagerinfo announces no CAPTCHA. */
    VANILLA,
    /**
     * ConfirmEdit 1.39's SimpleCaptcha on account creation: authmanagerinfo announces a sum first, and
     * createaccount checks the answer after the username and the email address, before the password.
     */
    CAPTCHA;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
