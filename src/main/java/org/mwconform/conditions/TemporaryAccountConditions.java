package org.mwconform.conditions;

/** Conditions of temporary accounts ($wgAutoCreateTempUser, MediaWiki 1.43). Ids are stable: expectations files refer to them. */
public final class TemporaryAccountConditions {
    public static final Condition SITEINFO = new Condition("siteinfo.temporary-accounts",
            "meta=siteinfo&siprop=autocreatetempuser says temporary accounts are enabled and lists their name patterns, each PREFIX$1SUFFIX");
    public static final Condition CANCREATE_REFUSED = new Condition("users.cancreate-refused",
            "list=users&usprop=cancreate answers that no account can be created with a name in the temporary account pattern, with the expected code, and no such account exists");
    public static final Condition TEMP_USER_CREATED = new Condition("edit.temp-user-created",
            "an anonymous action=edit succeeds and answers tempusercreated");
    public static final Condition SESSION_IS_TEMP_USER = new Condition("userinfo.temp-user",
            "meta=userinfo shows the session as a temporary user (temp), its name in one of the wiki's patterns");
    public static final Condition TEMP_ACCOUNT_EXISTS = new Condition("users.temp-account-exists",
            "list=users shows the temporary account");
    public static final Condition SESSION_ANONYMOUS = new Condition("userinfo.anonymous",
            "meta=userinfo shows the session as anonymous (anon)");
    public static final Condition AMI_TEMP_ACCOUNT = new Condition("authmanagerinfo.temp-user-account",
            "authmanagerinfo's primary password request names the temporary user as its account");
    public static final Condition TEMP_THROTTLE = new Condition("edit.temp-account-throttle",
            "an anonymous edit past the temporary-account throttle is refused with the throttle's error code, and creates no temporary user");

    private TemporaryAccountConditions() {
    }
}
