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
    /** TitleBlacklist refuses some new usernames, and the environment file names words it refuses. */
    TITLE_BLACKLIST("title-blacklist"),
    /** An AbuseFilter filter disallows some new usernames, and the environment file names words it refuses. */
    ABUSE_FILTER("abuse-filter");

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
