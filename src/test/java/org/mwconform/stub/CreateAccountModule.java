package org.mwconform.stub;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.mwconform.stub.StubAnswer.object;

/**
 * {@code action=createaccount} as the documentation describes it: first the request checks of the error
 * table (mustpostparams, notoken, badtoken, missingparam) and of the module help (an absolute
 * createreturnurl), then the flow, which ends in PASS or FAIL.
 * Where the documentation is silent (the order of the checks, which names and passwords are refused),
 * it answers as MediaWiki 1.39 does.
 */
final class CreateAccountModule {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[a-z0-9-]+(\\.[a-z0-9-]+)*$");
    /** An absolute URL: a scheme, then "//". MediaWiki 1.39 rejects a protocol-relative "//host/x" too (measured). */
    private static final Pattern ABSOLUTE_URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    /** A few entries of MediaWiki's common-passwords list (PasswordNotInCommonList). */
    /** How late FAIL_CREATES_ACCOUNT_LATE's account shows up: within the harness's patience, after its first look. */
    static final long LATE_MILLIS = 500;
    private static final Set<String> COMMON_PASSWORDS = Set.of("password", "123456", "12345678", "qwerty", "letmein",
            "iloveyou", "111111", "abc123", "password1", "welcome");

    private final WikiState state;
    private final Set<Mutation> mutations;
    private final ApiErrors errors;
    private final SimpleCaptcha captcha;
    private final ThirdPartyFlow thirdParty;

    CreateAccountModule(WikiState state, Set<Mutation> mutations, ApiErrors errors, SimpleCaptcha captcha, ThirdPartyFlow thirdParty) {
        this.thirdParty = thirdParty;
        this.state = state;
        this.mutations = mutations;
        this.errors = errors;
        this.captcha = captcha;
    }

    StubAnswer handle(StubRequest request) {
        if (mutations.contains(Mutation.CREATEACCOUNT_HTML_500)) {
            return StubAnswer.html(500, "Internal error");
        }
        Optional<StubAnswer> rejection = rejection(request);
        if (rejection.isPresent()) {
            if (mutations.contains(Mutation.REJECTION_CREATES_ACCOUNT) && request.has("username")) {
                create(request.param("username"));
            }
            return rejection.get();
        }
        StubRequest limited = thirdParty.limitRequests(request);
        return thirdParty.createAccount(limited).orElseGet(() -> flow(limited));
    }

    /** The checks of the module and of api.php itself, before any account creation starts. */
    private Optional<StubAnswer> rejection(StubRequest request) {
        boolean tokenInQuery = request.query().containsKey("createtoken");
        if (!request.isPost() && !mutations.contains(Mutation.ACCEPTS_GET)) {
            return Optional.of(tokenInQuery && !mutations.contains(Mutation.GET_AS_MUSTBEPOSTED)
                    ? errors.createAccountError("mustpostparams", ApiErrors.MUSTPOSTPARAMS)
                    : errors.createAccountError("mustbeposted", "The \"createaccount\" module requires a POST request."));
        }
        if (request.isPost() && tokenInQuery && !mutations.contains(Mutation.TOKEN_IN_QUERY_ACCEPTED)) {
            return Optional.of(errors.createAccountError("mustpostparams", ApiErrors.MUSTPOSTPARAMS));
        }
        String token = request.param("createtoken");
        if ((token == null || token.isEmpty()) && !mutations.contains(Mutation.MISSING_TOKEN_ACCEPTED)) {
            return Optional.of(mutations.contains(Mutation.NOTOKEN_AS_MISSINGPARAM)
                    ? errors.createAccountError("missingparam", "The \"createtoken\" parameter must be set.")
                    : errors.createAccountError("notoken", ApiErrors.NOTOKEN));
        }
        if (token != null && !token.equals(request.session().createAccountToken()) && !mutations.contains(Mutation.ACCEPTS_FORGED_TOKEN)) {
            return Optional.of(errors.createAccountError("badtoken", ApiErrors.BADTOKEN));
        }
        if (!request.has("createreturnurl") && !request.has("createcontinue")
                && !mutations.contains(Mutation.MISSINGPARAM_IGNORED)) {
            return Optional.of(errors.createAccountError("missingparam", ApiErrors.MISSINGPARAM));
        }
        String returnUrl = request.param("createreturnurl");
        if (returnUrl != null && !ABSOLUTE_URL.matcher(returnUrl).find() && !mutations.contains(Mutation.RELATIVE_RETURNURL_ACCEPTED)) {
            return Optional.of(errors.createAccountError("badurl_createreturnurl",
                    "Invalid value \"" + returnUrl + "\" for URL parameter \"createreturnurl\"."));
        }
        return Optional.empty();
    }

    /**
     * One step, PASS or FAIL, with MediaWiki 1.39's checks in its order (measured on local-vanilla and
     * local-captcha): AuthManager::beginAccountCreation (a creatable username not yet in use, then the
     * email address), the pre-authentication tests (ConfirmEdit's CAPTCHA, then the retyped password and
     * the password policy), then the primary provider, which needs a complete password request.
     */
    private StubAnswer flow(StubRequest request) {
        String username = request.param("username");
        if (username != null && username.indexOf('#') > 0 && mutations.contains(Mutation.INVALID_USERNAME_STORED_AS_TITLE)) {
            create(username.substring(0, username.indexOf('#')));  // what a wiki that reads the name as a title would store
            return fail(request, "invaliduser", "noname", "You have not specified a valid username.");
        }
        if (username == null || username.isBlank()
                || (!creatable(username) && !mutations.contains(Mutation.INVALID_USERNAME_ACCEPTED))) {
            return fail(request, "invaliduser", "noname", "You have not specified a valid username.");
        }
        if (state.user(username).isPresent() && !mutations.contains(Mutation.USEREXISTS_UNCHECKED)) {
            return mutations.contains(Mutation.USEREXISTS_PASSES)
                    ? pass(username)
                    : fail(request, "userexists", "Username entered already in use.\nPlease choose a different name.");
        }
        if (checksEmail(request) && !EMAIL.matcher(request.param("email")).matches()) {
            return fail(request, "invalidemailaddress", "The email address cannot be accepted as it appears to have an invalid "
                    + "format.\nPlease enter a well-formatted address or empty that field.");
        }
        if (captcha.demanded() && !captcha.passes(request)) {
            return fail(request, SimpleCaptcha.FAIL_CODE, SimpleCaptcha.FAIL_MESSAGE);
        }
        Optional<String> password = passwordRequest(request);
        if (password.isPresent()) {
            Optional<StubAnswer> refused = refusedPassword(request, username, password.get());
            if (refused.isPresent()) {
                return refused.get();
            }
        } else {
            return fail(request, "authmanager-create-no-primary", "The supplied credentials could not be used for account creation.");
        }
        if (mutations.contains(Mutation.PASS_CREATES_NOTHING)) {
            return pass(username);
        }
        if (!create(username)) {
            return fail(request, "userexists", "Username entered already in use.\nPlease choose a different name.");
        }
        return pass(username);
    }

    /**
     * The password of a PasswordAuthenticationRequest, which AuthenticationRequest::loadFromSubmission
     * loads only when all its fields (username, password, retype) are there; empty without one.
     */
    private Optional<String> passwordRequest(StubRequest request) {
        if (mutations.contains(Mutation.NO_CREATE_FIELDS) || !request.has("password")) {
            return Optional.empty();
        }
        if (!request.has("retype") && !mutations.contains(Mutation.MISSING_RETYPE_ACCEPTED)) {
            return Optional.empty();
        }
        return Optional.of(request.param("password"));
    }

    /** LocalPasswordPrimaryAuthenticationProvider::testForAccountCreation: the retype, then the password policy. */
    static boolean isCommon(String password) {
        return COMMON_PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    private Optional<StubAnswer> refusedPassword(StubRequest request, String username, String password) {
        String retype = request.has("retype") ? request.param("retype") : password;
        if (!password.equals(retype) && !mutations.contains(Mutation.IGNORES_RETYPE)) {
            return Optional.of(mutations.contains(Mutation.BADRETYPE_WRONG_CODE)
                    ? fail(request, "badpassword", "The password you entered is not valid.")
                    : fail(request, "badretype", "The passwords you entered do not match."));
        }
        if (mutations.contains(Mutation.PASSWORD_POLICY_UNCHECKED)) {
            return Optional.empty();
        }
        // PasswordPolicyChecks::checkPasswordCannotMatchDefaults: the module help's own example password.
        if (password.equals("ExamplePassword")) {
            return Optional.of(fail(request, "password-login-forbidden", "The use of this username and password has been forbidden."));
        }
        if (isCommon(password)) {
            return Optional.of(fail(request, "passwordincommonlist", "The password entered is in a list of very commonly used "
                    + "passwords. Please choose a more unique password."));
        }
        if (username.toLowerCase(Locale.ROOT).contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(fail(request, "password-substring-username-match", "Your password must not appear within your username."));
        }
        return Optional.empty();
    }

    /**
     * User::isCreatableName as MediaWiki 1.39 applies it with default settings: not an IP address, no
     * character a title cannot hold, none of $wgInvalidUsernameCharacters ("@:>="), at most 85 characters.
     */
    /**
     * What list=users can name (UserNameUtils::getCanonical with RIGOR_VALID): not an IP address, and nothing a title
     * cannot hold ("X#x" is the title "X" with a fragment). "@" and ":" are valid, only not creatable.
     */
    static boolean valid(String username) {
        String name = WikiState.canonical(username);
        if (name.isEmpty() || name.length() > 255 || IPV4.matcher(name).matches()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || "#<>[]|{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    static boolean creatable(String username) {
        String name = WikiState.canonical(username);
        if (name.isEmpty() || name.length() > 85 || IPV4.matcher(name).matches()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || "#<>[]|{}@:=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private boolean checksEmail(StubRequest request) {
        String email = request.param("email");
        if (email == null || email.isEmpty() || mutations.contains(Mutation.EMAIL_UNCHECKED)) {
            return false;
        }
        return !mutations.contains(Mutation.EMAIL_NEEDS_REALNAME) || request.params().containsKey("realname");
    }

    /** Stores the user and its newusers entry; false when the name was taken meanwhile. */
    private boolean create(String typed) {
        // A title ends at "#": a wiki that took such a name would store the part before it.
        String username = typed.indexOf('#') > 0 ? typed.substring(0, typed.indexOf('#')) : typed;
        Optional<WikiState.User> user = mutations.contains(Mutation.USEREXISTS_UNCHECKED)
                ? Optional.of(state.replaceUser(username)) : state.createUser(username);
        if (user.isEmpty()) {
            return false;
        }
        if (!mutations.contains(Mutation.NO_LOG_ENTRY)) {
            String performer = mutations.contains(Mutation.LOG_WRONG_PERFORMER) ? "MediaWiki default" : user.get().name();
            state.logCreation(user.get(), performer);
            if (mutations.contains(Mutation.LOG_DUPLICATED)) {
                state.logCreation(user.get(), performer);
            }
        }
        return true;
    }

    private StubAnswer pass(String username) {
        String shown = mutations.contains(Mutation.PASS_WRONG_USERNAME) ? "Someone else"
                : mutations.contains(Mutation.USERNAME_NOT_NORMALISED) ? username : WikiState.canonical(username);
        return StubAnswer.json(object("createaccount", object("status", "PASS", "username", shown)));
    }

    private StubAnswer fail(StubRequest request, String messagecode, String message) {
        return fail(request, messagecode, messagecode, message);
    }

    /** A FAIL whose message (key and English text) is given in the createmessageformat asked for. */
    private StubAnswer fail(StubRequest request, String messagecode, String key, String message) {
        if (mutations.contains(Mutation.FAIL_CREATES_ACCOUNT) && request.has("username")) {
            create(request.param("username"));
        }
        if (mutations.contains(Mutation.FAIL_CREATES_ACCOUNT_LATE) && request.has("username")) {
            String username = request.param("username");
            Thread late = new Thread(() -> {
                try {
                    Thread.sleep(LATE_MILLIS);
                    create(username);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            late.setDaemon(true);
            late.start();
        }
        Map<String, Object> result = object("status", "FAIL");
        String format = mutations.contains(Mutation.MESSAGE_FORMAT_IGNORED) || !request.has("createmessageformat")
                ? "wikitext" : request.param("createmessageformat");
        if (!mutations.contains(Mutation.FAIL_WITHOUT_MESSAGE)) {
            switch (format) {
                case "none" -> { }
                case "raw" -> result.put("message", mutations.contains(Mutation.RAW_MESSAGE_WITHOUT_PARAMS)
                        ? object("key", key) : object("key", key, "params", List.of()));
                case "html" -> result.put("message", html(message));
                default -> result.put("message", message);
            }
        }
        result.put("messagecode", messagecode);
        return StubAnswer.json(object("createaccount", result));
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
