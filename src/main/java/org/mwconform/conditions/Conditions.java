package org.mwconform.conditions;

/** The catalogue of conditions. Ids are stable: expectations files refer to them. */
public final class Conditions {
    public static final Condition TOKEN_ISSUED =
            new Condition("tokens.createaccount-issued", "meta=tokens issues a createaccount token");
    public static final Condition TOKEN_FORMAT =
            new Condition("tokens.createaccount-format", "the token is hex digits followed by +\\");
    public static final Condition AMI_CAN_CREATE =
            new Condition("authmanagerinfo.cancreateaccounts", "authmanagerinfo says accounts can be created");
    public static final Condition AMI_REQUEST_SHAPE =
            new Condition("authmanagerinfo.request-shape", "every request has id, required, provider, account and fields");
    public static final Condition AMI_FIELDS =
            new Condition("authmanagerinfo.fields", "the announced fields include the documented ones");
    public static final Condition AMI_PASSWORD_FIELDS =
            new Condition("authmanagerinfo.password-fields", "the password and its retype are fields a user types a password into (type password)");
    public static final Condition CAPTCHA_REQUEST =
            new Condition("authmanagerinfo.captcha-request", "the CAPTCHA request has captchaId, captchaInfo and captchaWord as documented");
    public static final Condition CAPTCHA_SKIPPED =
            new Condition("authmanagerinfo.captcha-skipped", "a user with the skipcaptcha right is asked no CAPTCHA");
    public static final Condition API_ERROR_CODE =
            new Condition("api.error-code", "the request is rejected with the documented error code");
    public static final Condition API_ERROR_INFO =
            new Condition("api.error-info", "the error's info is the documented text");
    public static final Condition API_ERROR_SHAPE =
            new Condition("api.error-shape", "the error has a code and an info text");
    public static final Condition STATUS =
            new Condition("createaccount.status", "createaccount answers with the documented status");
    public static final Condition MESSAGECODE =
            new Condition("createaccount.messagecode", "a FAIL carries the documented messagecode");
    public static final Condition PASS_SHAPE =
            new Condition("createaccount.pass-shape", "a PASS carries status and the created username");
    public static final Condition FAIL_SHAPE =
            new Condition("createaccount.fail-shape", "a FAIL carries status, message and messagecode");
    public static final Condition MESSAGE_FORMAT =
            new Condition("createaccount.message-format", "the message comes in the createmessageformat asked for");
    public static final Condition THROTTLE_MESSAGE =
            new Condition("createaccount.throttle-message", "the throttle's message names its limit and period");
    public static final Condition ACCOUNT_EXISTS =
            new Condition("users.account-exists", "list=users shows the new account");
    public static final Condition NO_ACCOUNT =
            new Condition("users.no-account", "list=users shows no account was created");
    public static final Condition NEWUSERS_LOGGED =
            new Condition("logevents.newusers-create", "list=logevents has a newusers/create entry for the account");
    public static final Condition CREATOR_LOGGED_IN =
            new Condition("clientlogin.creator", "the creator logs in with action=clientlogin (PASS) and meta=userinfo names them");
    public static final Condition NEWUSERS_CREATED_BY_CREATOR =
            new Condition("logevents.newusers-create2", "list=logevents has a newusers/create2 entry for the account, performed by the creator, with the reason as its comment");
    public static final Condition NEWUSERS_MAILED =
            new Condition("logevents.newusers-byemail", "list=logevents has a newusers/byemail entry for the account (its temporary password was mailed), performed by the creator, with the reason as its comment");

    private Conditions() {
    }
}
