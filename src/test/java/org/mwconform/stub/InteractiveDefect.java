package org.mwconform.stub;

/**
 * A deliberate defect of the stub's interactive flow ({@link ThirdPartyFlow}, {@link Setup#INTERACTIVE}):
 * the provider misbehaves, and the example 3 scenarios that check that behaviour must turn red.
 */
public enum InteractiveDefect {
    /** No defect: the conversation goes as the documentation describes it. */
    NONE,
    /** REDIRECT without redirecttarget. */
    REDIRECT_WITHOUT_TARGET,
    /** UI without requests. */
    UI_WITHOUT_REQUESTS,
    /** A wrong two-factor code is accepted: PASS. */
    WRONG_TOTP_ACCEPTED,
    /** A state (and its code) the wiki issued earlier in the session is accepted again. */
    REPLAYED_STATE_ACCEPTED,
    /** Any state is accepted with a good code. */
    STATE_UNCHECKED,
    /** A refused return (another state, no code, a replayed state) answers the CAPTCHA's failure, not the provider's own. */
    REFUSAL_AS_CAPTCHA_FAILURE,
    /** A return without code is accepted. */
    MISSING_CODE_ACCEPTED,
    /** The final PASS of the conversation creates nothing. */
    PASS_WITHOUT_ACCOUNT,
    /** Like MediaWiki 1.39: the account exists as soon as the primary provider passes, while the UI still asks. */
    CREATED_BEFORE_SECONDARY,
    /** The skip2FASetup button is ignored: the UI comes again. */
    SKIP_IGNORED,
    /** createmergerequestfields is ignored. */
    MERGE_IGNORED,
    /** A raw UI message comes without its params member. */
    UI_RAW_WITHOUT_PARAMS,
    /** createmessageformat is ignored on UI messages: always text. */
    UI_MESSAGE_FORMAT_IGNORED,
    /** A login through the third-party provider without a linked account answers FAIL, not RESTART. */
    RESTART_AS_FAIL,
    /** After a RESTART, authmanagerinfo does not announce the preserved state. */
    PRESERVED_STATE_NOT_ANNOUNCED,
    /** createrequests is ignored: every submitted request is used. */
    CREATEREQUESTS_IGNORED,
    /** createcontinue with nothing in progress answers another messagecode. */
    NOT_IN_PROGRESS_WRONG_CODE,
    /** authmanagerinfo leaves out canauthenticatenow and preservedusername. */
    STATE_MEMBERS_MISSING;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
