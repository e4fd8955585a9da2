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

    QueryModules(WikiState state, Set<Mutation> mutations, ApiErrors errors) {
        this.state = state;
        this.mutations = mutations;
        this.errors = errors;
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
        return tokens;
    }

    /** What MediaWiki 1.39 announces for amirequestsfor=create on a wiki without authentication extensions. */
    private Map<String, Object> authManagerInfo(StubRequest request) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("canauthenticatenow", "");
        if (!mutations.contains(Mutation.NO_CANCREATEACCOUNTS)) {
            info.put("cancreateaccounts", "");
        }
        info.put("preservedusername", "");
        List<Object> requests = new ArrayList<>();
        if ("create".equals(request.param("amirequestsfor"))) {
            if (!mutations.contains(Mutation.NO_CREATE_FIELDS)) {
                requests.add(authRequest("MediaWiki\\Auth\\PasswordAuthenticationRequest", "primary-required", object(
                        "username", field("string", "Username", "Username for authentication.", false),
                        "password", field("password", "Password", "Password for authentication.", false),
                        "retype", field("password", "Confirm password", "Password again to confirm.", false))));
            }
            requests.add(authRequest("MediaWiki\\Auth\\UsernameAuthenticationRequest", "required", object(
                    "username", field("string", "Username", "Username for authentication.", false))));
            requests.add(authRequest("MediaWiki\\Auth\\UserDataAuthenticationRequest", "required", object(
                    "email", field("email", "Email", "Email address", true),
                    "realname", field("string", "Real name", "Real name of user", true))));
        }
        info.put("requests", requests);
        return info;
    }

    private Map<String, Object> authRequest(String id, String required, Map<String, Object> fields) {
        Map<String, Object> request = object("id", id, "metadata", object(), "required", required);
        if (!mutations.contains(Mutation.INCOMPLETE_REQUESTS)) {
            request.put("provider", id);
            request.put("account", id);
        }
        if (!(mutations.contains(Mutation.REQUEST_WITHOUT_FIELDS) && id.endsWith("\\UsernameAuthenticationRequest"))) {
            request.put("fields", fields);
        }
        return request;
    }

    private Map<String, Object> field(String type, String label, String help, boolean optional) {
        Map<String, Object> field = new LinkedHashMap<>();
        if (!(mutations.contains(Mutation.FIELD_WITHOUT_TYPE) && "Real name".equals(label))) {
            field.put("type", type);
        }
        if (!mutations.contains(Mutation.INCOMPLETE_REQUESTS)) {
            field.put("label", label);
        }
        field.put("help", help);
        if (optional) {
            field.put("optional", "");
        }
        return field;
    }

    private Map<String, Object> userInfo(StubRequest request) {
        Map<String, Object> info = object("id", 0, "name", "127.0.0.1", "anon", "");
        if (values(request.param("uiprop")).contains("rights")) {
            info.put("rights", List.of("createaccount", "read", "edit", "createpage", "createtalk", "writeapi",
                    "viewmywatchlist", "editmywatchlist", "editmyoptions", "abusefilter-view", "abusefilter-log"));
        }
        return info;
    }

    private Map<String, Object> siteInfo(StubRequest request) {
        Map<String, Object> parts = new LinkedHashMap<>();
        List<String> props = values(request.param("siprop"));
        if (props.isEmpty() || props.contains("general")) {
            parts.put("general", object("mainpage", "Main Page", "sitename", "Stub Wiki",
                    "generator", "MediaWiki 1.39.0-stub", "lang", "en"));
        }
        if (props.contains("extensions")) {
            parts.put("extensions", List.of());
        }
        return parts;
    }

    private List<Object> users(StubRequest request) {
        List<Object> users = new ArrayList<>();
        boolean registration = values(request.param("usprop")).contains("registration");
        for (String name : values(request.param("ususers"))) {
            users.add(state.user(name).<Object>map(u -> {
                Map<String, Object> user = object("userid", u.userid(), "name", u.name());
                if (registration) {
                    user.put("registration", u.registration());
                }
                return user;
            }).orElseGet(() -> object("name", WikiState.canonical(name), "missing", "")));
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
