package org.mwconform.applicability;

import java.util.Arrays;
import java.util.Optional;

/** What a scenario needs from a deployment, declared as a {@code @needs:...} tag. */
public enum Requirement {
    /** Anonymous visitors may create accounts: the core flow of the documentation. */
    ANONYMOUS_CREATION("anonymous-creation"),
    /** Account creation asks a CAPTCHA (documentation, example 2), and a strategy here can answer it. */
    CAPTCHA("captcha"),
    /** An account creation throttle that the environment file declares, on a wiki where scenarios are isolated by address. */
    THROTTLE("throttle"),
    /** The module is enabled, but anonymous visitors lack the createaccount right. */
    ANONYMOUS_CREATION_FORBIDDEN("anonymous-creation-forbidden"),
    /** The wiki disabled the module: $wgAPIModules['createaccount'] = 'ApiDisabled'. */
    MODULE_DISABLED("module-disabled"),
    /**
     * A user who may create accounts for someone else: the environment file names the variable holding its
     * credentials ({@code credentials: creator}), the variable is set, the createaccount module is enabled and
     * list=users shows the user holding the {@code createaccount} right.
     */
    CREATOR("creator"),
    /** The creator holds ConfirmEdit's skipcaptcha right: the CAPTCHA strategy "an account that is not asked". */
    CREATOR_SKIPS_CAPTCHA("creator-skips-captcha"),
    /**
     * A third-party provider for account creation (documentation, example 3): authmanagerinfo for create
     * announces a primary-required request chosen by a button alone, asking the client for no credentials,
     * as an OpenID Connect login is announced. Choosing it answers REDIRECT or UI.
     */
    THIRD_PARTY_PROVIDER("third-party-provider"),
    /** The same for login: authmanagerinfo for login announces a primary-required request chosen by a button alone. */
    THIRD_PARTY_LOGIN("third-party-login"),
    /**
     * After the third-party provider, a two-factor extension asks (UI) to set up a TOTP second factor. The API
     * announces it only in that UI response, so the environment file declares it: {@code capabilities.secondFactorSetup: totp}.
     */
    SECOND_FACTOR_SETUP("second-factor-setup");

    private final String tagValue;

    Requirement(String tagValue) {
        this.tagValue = tagValue;
    }

    public String tag() {
        return "@needs:" + tagValue;
    }

    public static Optional<Requirement> fromTag(String tag) {
        return Arrays.stream(values()).filter(r -> r.tag().equals(tag)).findFirst();
    }
}
