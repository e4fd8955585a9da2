package org.mwconform.stub;

/** What the conforming {@link StubWiki} runs: MediaWiki 1.39 alone, or with a CAPTCHA on account creation. */
public enum Setup {
    /** No authentication extensions, like local-vanilla: authmanagerinfo announces no CAPTCHA. */
    VANILLA,
    /**
     * ConfirmEdit 1.39's SimpleCaptcha on account creation: authmanagerinfo announces a sum first, and
     * createaccount checks the answer after the username and the email address, before the password.
     */
    CAPTCHA,
    /**
     * The wiki of the documentation's example 3, like local-oidc-2fa: the CAPTCHA, a third-party provider
     * (a button answering REDIRECT to a stand-in authorize endpoint on the stub's own server) and a
     * two-factor setup (UI with a TOTP secret) after it. See {@link ThirdPartyFlow}.
     */
    INTERACTIVE;

    /** ConfirmEdit's CAPTCHA is on. */
    public boolean captcha() {
        return this == CAPTCHA || this == INTERACTIVE;
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
