package org.mwconform.stub;

/**
 * A deliberate defect of the {@link StubWiki}. With {@link #NONE} the stub answers as the documentation
 * says; every other value breaks one documented behaviour, so the scenario that checks it must turn red.
 * The {@code CAPTCHA_*} defects need {@link Setup#CAPTCHA}.
 */
public enum Mutation {
    /** No defect: the stub conforms to the documentation. */
    NONE,

    // --- meta=tokens ------------------------------------------------------------------------------
    /** meta=tokens answers without a createaccounttoken. */
    TOKEN_NOT_ISSUED,
    /** The token lacks the documented "+\" suffix (and is accepted like that). */
    TOKEN_WITHOUT_SUFFIX,

    // --- meta=authmanagerinfo ---------------------------------------------------------------------
    /** No PasswordAuthenticationRequest (no password, no retype): no primary provider, so creation FAILs. */
    NO_CREATE_FIELDS,
    /** authmanagerinfo leaves out cancreateaccounts (while meta=userinfo still grants 'createaccount'). */
    NO_CANCREATEACCOUNTS,
    /** Requests come without provider and account, fields without a label. */
    INCOMPLETE_REQUESTS,
    /** The UsernameAuthenticationRequest comes without its "fields" member. */
    REQUEST_WITHOUT_FIELDS,
    /** The realname field comes without a type. */
    FIELD_WITHOUT_TYPE,

    // --- action=createaccount: rejections ---------------------------------------------------------
    /** Any token is accepted, so a forged one creates an account. */
    ACCEPTS_FORGED_TOKEN,
    /** Like MediaWiki 1.39: a missing createtoken gives missingparam, not notoken. */
    NOTOKEN_AS_MISSINGPARAM,
    /** createtoken in the query string of a POST is used instead of being rejected. */
    TOKEN_IN_QUERY_ACCEPTED,
    /** A GET request is processed like a POST: it creates the account. */
    ACCEPTS_GET,
    /** A GET request is rejected with mustbeposted, even when it carries createtoken (not mustpostparams). */
    GET_AS_MUSTBEPOSTED,
    /** Neither createreturnurl nor createcontinue: the account is created anyway. */
    MISSINGPARAM_IGNORED,
    /** A createreturnurl that is not absolute is used instead of being rejected with badurl_createreturnurl. */
    RELATIVE_RETURNURL_ACCEPTED,
    /** A request without createtoken goes on as if it had a valid one. */
    MISSING_TOKEN_ACCEPTED,
    /** Errors carry a code but no info. */
    ERROR_WITHOUT_INFO,
    /** Errors carry info texts that differ from the documentation's table. */
    ERROR_INFO_REWORDED,
    /** A createaccount error comes with a createaccount FAIL object beside it. */
    ERROR_BESIDE_RESULT,
    /** A rejected request answers the right error, but the account is created all the same. */
    REJECTION_CREATES_ACCOUNT,

    // --- action=createaccount: usernames and passwords -------------------------------------------
    /** Usernames MediaWiki cannot create (a "#", an "@", an IP address) are created. */
    INVALID_USERNAME_ACCEPTED,
    /** "X#x" is refused with FAIL invaliduser, yet the account "X" is created (a title ends at "#"). */
    INVALID_USERNAME_STORED_AS_TITLE,
    /** PASS names the username as it was typed ("mwconform_x"), not as it was created ("Mwconform x"). */
    USERNAME_NOT_NORMALISED,
    /** No password policy: a common password, or one that appears within the username, is accepted. */
    PASSWORD_POLICY_UNCHECKED,
    /** A request without retype is taken as if retype matched: the account is created. */
    MISSING_RETYPE_ACCEPTED,
    /** createmessageformat is ignored: every message is wikitext. */
    MESSAGE_FORMAT_IGNORED,
    /** A raw message comes as its key alone, without the params member. */
    RAW_MESSAGE_WITHOUT_PARAMS,

    // --- ConfirmEdit's CAPTCHA (Setup.CAPTCHA) ------------------------------------------------------
    /** A wrong answer passes the CAPTCHA. */
    CAPTCHA_ACCEPTS_WRONG_ANSWER,
    /** A request without captchaWord passes the CAPTCHA. */
    CAPTCHA_NOT_REQUIRED_WHEN_MISSING,
    /** A wrong answer leaves the CAPTCHA valid: the right answer afterwards passes. */
    CAPTCHA_REUSABLE_AFTER_FAILURE,
    /** authmanagerinfo announces captchaId without its value. */
    CAPTCHA_ID_NOT_SENT,
    /** authmanagerinfo announces captchaWord as a password field, not a string. */
    CAPTCHA_FIELDS_WRONG_TYPE,
    /** The right answer fails the CAPTCHA too. */
    CAPTCHA_REJECTS_RIGHT_ANSWER,
    /** authmanagerinfo announces no CAPTCHA, but createaccount demands one. */
    CAPTCHA_DEMANDED_BUT_NOT_ANNOUNCED,

    // --- action=createaccount: FAIL ---------------------------------------------------------------
    /** A retype that differs gives FAIL with messagecode "badpassword". */
    BADRETYPE_WRONG_CODE,
    /** A retype that differs is ignored: the account is created. */
    IGNORES_RETYPE,
    /** An existing username gives PASS (and nothing is created). */
    USEREXISTS_PASSES,
    /** An existing username is not checked: the flow goes on, as for a new one. */
    USEREXISTS_UNCHECKED,
    /** Any email address is accepted. */
    EMAIL_UNCHECKED,
    /** Like MediaWiki 1.39: the email is only checked when realname is posted too. */
    EMAIL_NEEDS_REALNAME,
    /** FAIL results carry no message. */
    FAIL_WITHOUT_MESSAGE,
    /** FAIL is answered with the right messagecode, but the account is created all the same. */
    FAIL_CREATES_ACCOUNT,
    /** Like FAIL_CREATES_ACCOUNT, but the account shows in list=users only half a second later (a lagging replica). */
    FAIL_CREATES_ACCOUNT_LATE,

    // --- action=createaccount: PASS and what it leaves behind -------------------------------------
    /** PASS, but no user is stored and nothing is logged. */
    PASS_CREATES_NOTHING,
    /** PASS names another username than the one created. */
    PASS_WRONG_USERNAME,
    /** The user is stored, but no newusers log entry is written. */
    NO_LOG_ENTRY,
    /** The newusers/create entry names another performer than the new user. */
    LOG_WRONG_PERFORMER,
    /** Each creation is logged twice. */
    LOG_DUPLICATED,

    // --- transport ----------------------------------------------------------------------------------
    /** action=createaccount answers HTTP 500 with an HTML page; everything else works. */
    CREATEACCOUNT_HTML_500,
    /** Every request answers HTTP 500 with an HTML page. */
    HTML_500,
    /** Every request answers HTTP 200 with an HTML page. */
    HTML_200;

    /** A defect of ConfirmEdit's CAPTCHA: it needs a stub with {@link Setup#CAPTCHA}. */
    public boolean needsCaptcha() {
        return name().startsWith("CAPTCHA_");
    }

    /** "BADRETYPE_WRONG_CODE" as "badretype-wrong-code": for deployment names. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
