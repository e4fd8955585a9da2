package org.mwconform.stub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.mwconform.stub.StubAnswer.object;

/**
 * {@code action=query} with the submodules the features use: meta=tokens, authmanagerinfo, userinfo,
 * siteinfo and list=users, logevents. One small method per submodule.
 */
final class QueryModules {
    private final WikiState state;
    private final Set<Mutation> mutations;
    private final ApiErrors errors;
    private final SimpleCaptcha captcha;
    private final ThirdPartyFlow thirdParty;

    QueryModules(WikiState state, Set<Mutation> mutations, ApiErrors errors, SimpleCaptcha captcha, ThirdPartyFlow thirdParty) {
        this.thirdParty = thirdParty;
        this.state = state;
        this.mutations = mutations;
        this.errors = errors;
        this.captcha = captcha;
    }

    StubAnswer handle(StubRequest request) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (String meta : values(request.param("meta"))) {
            switch (meta) {
                case "tokens" -> query.put("tokens", tokens(request));
                case "authmanagerinfo" -> query.put("authmanagerinfo", authManagerInfo(request));
                case "userinfo" -> query.put("userinfo", userInfo(request));
                case "siteinfo" -> query.putAll(siteInfo(request));
                default -> {
                    return errors.error("badvalue", "Unrecognized value for parameter \"meta\": " + meta + ".");
                }
            }
        }
        for (String list : values(request.param("list"))) {
            switch (list) {
                case "users" -> query.put("users", users(request));
                case "logevents" -> query.put("logevents", logEvents(request));
                case "allusers" -> query.put("allusers", state.userNames().stream().limit(50)
                        .<Object>map(name -> object("userid", state.user(name).orElseThrow().userid(), "name", name)).toList());
                default -> {
                    return errors.error("badvalue", "Unrecognized value for parameter \"list\": " + list + ".");
                }
            }
        }
        Map<String, Object> body = object("batchcomplete", "");
        if (!query.isEmpty()) {
            body.put("query", query);
        }
        return StubAnswer.json(body);
    }

    private Map<String, Object> tokens(StubRequest request) {
        Map<String, Object> tokens = new LinkedHashMap<>();
        if (values(request.param("type")).contains("createaccount") && !mutations.contains(Mutation.TOKEN_NOT_ISSUED)) {
            tokens.put("createaccounttoken", request.session().createAccountToken());
        }
        if (values(request.param("type")).contains("login")) {
            tokens.put("logintoken", request.session().createAccountToken());
        }
        return tokens;
    }

    /**
     * What MediaWiki 1.39 announces for amirequestsfor=create: with ConfirmEdit, its CAPTCHA first (a new
     * one on every call), then the requests of a wiki without authentication extensions.
     */
    private Map<String, Object> authManagerInfo(StubRequest request) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("canauthenticatenow", "");
        if (!mutations.contains(Mutation.NO_CANCREATEACCOUNTS)) {
            info.put("cancreateaccounts", "");
        }
        info.put("preservedusername", "");
        List<Object> requests = new ArrayList<>();
        if ("create".equals(request.param("amirequestsfor"))) {
            if (captcha.announced()) {
                requests.add(captchaRequest(captcha.issue(request.session())));
            }
            if (!mutations.contains(Mutation.NO_CREATE_FIELDS)) {
                String id = "MediaWiki\\Auth\\PasswordAuthenticationRequest";
                requests.add(authRequest(id, id, id, object(), "primary-required", object(
                        "username", field("string", "Username", "Username for authentication."),
                        "password", field("password", "Password", "Password for authentication."),
                        "retype", field("password", "Confirm password", "Password again to confirm."))));
            }
            String username = "MediaWiki\\Auth\\UsernameAuthenticationRequest";
            requests.add(authRequest(username, username, username, object(), "required", object(
                    "username", field("string", "Username", "Username for authentication."))));
            String userData = "MediaWiki\\Auth\\UserDataAuthenticationRequest";
            requests.add(authRequest(userData, userData, userData, object(), "required", object(
                    "email", optional(field("email", "Email", "Email address")),
                    "realname", optional(field("string", "Real name", "Real name of user")))));
        }
        thirdParty.decorate(request, info, requests, request.param("amirequestsfor"));
        info.put("requests", requests);
        return info;
    }

    /** ConfirmEdit's CaptchaAuthenticationRequest for a SimpleCaptcha sum. */
    private Map<String, Object> captchaRequest(SimpleCaptcha.Challenge challenge) {
        String id = mutations.contains(Mutation.CAPTCHA_ID_NOT_SENT) ? null : challenge.id();
        String wordType = mutations.contains(Mutation.CAPTCHA_FIELDS_WRONG_TYPE) ? "password" : "string";
        return authRequest(SimpleCaptcha.REQUEST_ID, SimpleCaptcha.PROVIDER, SimpleCaptcha.REQUEST_ID,
                object("type", "simple", "mime", "text/plain"), "required", object(
                        "captchaId", field("hidden", id, "CAPTCHA ID", "This value should be sent back unchanged."),
                        "captchaInfo", field("null", challenge.info(), SimpleCaptcha.INFO_LABEL, "Description of the CAPTCHA."),
                        "captchaWord", field(wordType, "CAPTCHA", "Solution of the CAPTCHA.")));
    }

    private Map<String, Object> authRequest(String id, String provider, String account, Map<String, Object> metadata,
                                            String required, Map<String, Object> fields) {
        Map<String, Object> request = object("id", id, "metadata", metadata, "required", required);
        if (!mutations.contains(Mutation.INCOMPLETE_REQUESTS)) {
            request.put("provider", provider);
            request.put("account", account);
        }
        if (!(mutations.contains(Mutation.REQUEST_WITHOUT_FIELDS) && id.endsWith("\\UsernameAuthenticationRequest"))) {
            request.put("fields", fields);
        }
        return request;
    }

    private Map<String, Object> field(String type, String label, String help) {
        return field(type, null, label, help);
    }

    /** A field in MediaWiki's order: type, value (when it has one), label, help. */
    private Map<String, Object> field(String type, String value, String label, String help) {
        Map<String, Object> field = new LinkedHashMap<>();
        if (!(mutations.contains(Mutation.FIELD_WITHOUT_TYPE) && "Real name".equals(label))) {
            field.put("type", type);
        }
        if (value != null) {
            field.put("value", value);
        }
        if (!mutations.contains(Mutation.INCOMPLETE_REQUESTS)) {
            field.put("label", label);
        }
        field.put("help", help);
        return field;
    }

    private static Map<String, Object> optional(Map<String, Object> field) {
        field.put("optional", "");
        return field;
    }

    private Map<String, Object> userInfo(StubRequest request) {
        Map<String, Object> info = object("id", 0, "name", "127.0.0.1", "anon", "");
        if (values(request.param("uiprop")).contains("rights")) {
            List<String> rights = new ArrayList<>(List.of("createaccount", "read", "edit", "createpage", "createtalk", "writeapi",
                    "viewmywatchlist", "editmywatchlist", "editmyoptions", "abusefilter-view", "abusefilter-log"));
            if (!state.anonymousCreation()) {
                rights.remove("createaccount");
            }
            info.put("rights", rights);
        }
        return info;
    }

    private Map<String, Object> siteInfo(StubRequest request) {
        Map<String, Object> parts = new LinkedHashMap<>();
        List<String> props = values(request.param("siprop"));
        if (props.isEmpty() || props.contains("general")) {
            parts.put("general", object("mainpage", "Main Page", "sitename", "Stub Wiki",
                    "generator", "MediaWiki stub"  /* no release: the documented behaviour, so no release's reviewed deviations apply */, "lang", "en"));
        }
        if (props.contains("extensions")) {
            parts.put("extensions", captcha.announced() || captcha.demanded()
                    ? List.of(object("type", "antispam", "name", "ConfirmEdit", "version", "1.6.0"))
                    : List.of());
        }
        return parts;
    }

    /**
     * As ApiQueryUsers answers: a name UserNameUtils::getCanonical refuses ("#", an IP address) is "invalid" whatever
     * the wiki holds; an account by its canonical name; else "missing", with usprop=cancreate AuthManager::canCreateAccount's
     * verdict (a name that is valid but not creatable, such as one with "@", is cancreateerror invaliduser).
     */
    private List<Object> users(StubRequest request) {
        List<Object> users = new ArrayList<>();
        List<String> props = values(request.param("usprop"));
        boolean registration = props.contains("registration");
        // A wiki whose createaccount takes any name has UserNameUtils take it too: list=users shares that code.
        boolean anyName = mutations.contains(Mutation.INVALID_USERNAME_ACCEPTED);
        for (String name : values(request.param("ususers"))) {
            if (!CreateAccountModule.valid(name) && !anyName) {
                users.add(object("name", name, "invalid", ""));
                continue;
            }
            users.add(state.user(name).<Object>map(u -> {
                Map<String, Object> user = object("userid", u.userid(), "name", u.name());
                if (registration) {
                    user.put("registration", u.registration());
                }
                return user;
            }).orElseGet(() -> {
                Map<String, Object> missing = object("name", WikiState.canonical(name), "missing", "");
                if (props.contains("cancreate")) {
                    boolean can = CreateAccountModule.creatable(name) || anyName;
                    if (can) {
                        missing.put("cancreate", "");
                    } else {
                        missing.put("cancreateerror", List.of(object("message", "noname", "params", List.of(),
                                "code", "invaliduser", "type", "error")));
                    }
                }
                return missing;
            }));
        }
        return users;
    }

    private List<Object> logEvents(StubRequest request) {
        List<Object> events = new ArrayList<>();
        int limit = request.has("lelimit") ? Integer.parseInt(request.param("lelimit")) : 10;
        for (WikiState.LogEntry e : state.log(request.param("letype"), request.param("letitle"))) {
            if (events.size() == limit) {
                break;
            }
            events.add(object("logid", e.logid(), "ns", 2, "title", e.title(), "pageid", 0, "logpage", 0,
                    "params", object("userid", e.userid()), "type", e.type(), "action", e.action(),
                    "user", e.performer(), "timestamp", e.timestamp(), "comment", ""));
        }
        return events;
    }

    private static List<String> values(String multi) {
        return multi == null || multi.isEmpty() ? List.of() : List.of(multi.split("\\|"));
    }
}
