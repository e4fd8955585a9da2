package org.mwconform.conditions;

/**
 * The conditions of the interactive conversation (documentation, example 3 and the module help's
 * createcontinue, createrequests, createmergerequestfields, createpreservestate). Ids are stable:
 * expectations files refer to them.
 */
public final class InteractiveConditions {
    public static final Condition REDIRECT_SHAPE = new Condition("createaccount.redirect-shape",
            "a REDIRECT carries redirecttarget (an absolute URL) and the requests to continue with, each with its fields");
    public static final Condition REDIRECT_RETURNED = new Condition("redirect.returned",
            "following redirecttarget like a browser comes back to createreturnurl with every field the requests ask for");
    public static final Condition UI_SHAPE = new Condition("createaccount.ui-shape",
            "a UI carries a message, its messagecode and the requests to continue with, each with its fields");
    public static final Condition TWO_FACTOR_UI = new Condition("createaccount.two-factor-ui",
            "the UI asks to set up two-factor authentication: a secret in a request's metadata, a code field and the skip2FASetup button");
    public static final Condition FIELDS_ANSWERED = new Condition("interactive.fields-answered",
            "every field the response asks for is answered by a strategy");
    public static final Condition RESTART_SHAPE = new Condition("clientlogin.restart-shape",
            "a RESTART (authenticated, no linked local account) carries a message and canpreservestate");
    public static final Condition PRESERVED_STATE = new Condition("authmanagerinfo.preserved-state",
            "after a failed login that can preserve state, authmanagerinfo announces hasprimarypreservedstate and a preservedusername");
    public static final Condition PROVIDER_FAILURE = new Condition("createaccount.provider-failure",
            "the FAIL is the third-party provider's own (its messagecode is no generic core code: CAPTCHA, throttle, block, permission,"
                    + " AuthManager's own; and one the environment file lists under capabilities.thirdPartyFailureCodes, if it lists any)");
    public static final Condition MERGED_FIELDS = new Condition("createaccount.merged-fields",
            "createmergerequestfields adds one fields array merging the fields of every request");
    public static final Condition STATE_MEMBERS = new Condition("authmanagerinfo.state-members",
            "authmanagerinfo announces canauthenticatenow, and with nothing preserved no primary state and an empty preservedusername");

    private InteractiveConditions() {
    }
}
