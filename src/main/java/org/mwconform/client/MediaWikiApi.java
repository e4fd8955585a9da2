package org.mwconform.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.mwconform.secrets.SecretMasker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.mwconform.client.ApiResponse.text;

/**
 * The small typed client the steps talk to: tokens, authmanagerinfo, createaccount and the checks
 * through list=users and list=logevents. The only place that knows the Action API's JSON paths.
 */
public final class MediaWikiApi {
    private final ApiTransport transport;
    private final SecretMasker masker;
    /** Answers read once for the run, replayed instead of asking again (none: every read goes to the wiki). */
    private final WikiFacts facts;

    public MediaWikiApi(ApiTransport transport, SecretMasker masker) {
        this(transport, masker, WikiFacts.none());
    }

    private MediaWikiApi(ApiTransport transport, SecretMasker masker, WikiFacts facts) {
        this.transport = transport;
        this.masker = masker;
        this.facts = facts;
    }

    /**
     * The same session, answering the reads in {@code facts} from there (for applicability decisions, which must not
     * ask the wiki again what it said once for the run); anything else still goes to the wiki.
     */
    public MediaWikiApi withFacts(WikiFacts facts) {
        return new MediaWikiApi(transport, masker, facts);
    }

    /**
     * Reads, once for the run, what every scenario's applicability check consults (an anonymous visitor's view):
     * siteinfo, the createaccount module, the visitor's rights and authmanagerinfo for account creation.
     */
    public WikiFacts readFacts() {
        WikiFacts read = WikiFacts.reading(masker::mask);
        // One query for siteinfo, userinfo and authmanagerinfo (the API answers each module in its own member), kept
        // as the answer to each of the three reads a scenario makes alone.
        Map<String, String> siteInfo = siteInfoParams();
        Map<String, String> rights = currentUserRightsParams();
        Map<String, String> fields = authManagerInfoParams("create");
        Map<String, String> together = new LinkedHashMap<>(siteInfo);
        together.putAll(rights);
        together.putAll(fields);
        together.put("meta", String.join("|", siteInfo.get("meta"), rights.get("meta"), fields.get("meta")));
        together.put("siprop", siteInfo.get("siprop") + "|" + temporaryAccountsParams().get("siprop"));
        ApiResponse answer = transport.send("read siteinfo, the current user's rights and authmanagerinfo for account creation",
                ApiTransport.Placement.GET_QUERY, together, Map.of(), true);
        read.record("read siteinfo", siteInfo, answer);
        MediaWikiApi replaying = withFacts(read);
        if (replaying.siteInfo().generator() == null) {
            return read;  // not the Action API: the preflight says so, with nothing more asked
        }
        read.record("read the current user's rights", rights, answer);
        // Unknown to MediaWiki 1.39, which warns and answers the rest: that answer is the evidence too.
        read.record("read what siteinfo says of temporary accounts", temporaryAccountsParams(), answer);
        read.record("read authmanagerinfo for account creation", fields, answer);
        replaying.authManagerInfo();  // its sensitive fields' values become secrets before anything is written
        Map<String, String> module = moduleClassParams("createaccount");
        read.record("read paraminfo of the createaccount module", module, get("read paraminfo of the createaccount module", module));
        return read;
    }

    /** {@code meta=tokens&type=createaccount}; the token is registered as a secret. Empty when none is issued. */
    public Optional<String> createAccountToken() {
        return token("createaccount");
    }

    /** {@code meta=tokens&type=TYPE}, registered as a secret before anyone can print it. */
    private Optional<String> token(String type) {
        ApiResponse response = get("fetch a " + type + " token", Map.of("action", "query", "meta", "tokens", "type", type));
        Optional<String> token = Optional.ofNullable(text(response.json().path("query").path("tokens"), type + "token"));
        // The whole token and its HMAC part, so neither the escaped nor the bare form leaks.
        token.ifPresent(t -> masker.register(t.split("\\+")[0]));
        return token.map(masker::register);
    }

    public AuthManagerInfo authManagerInfo() {
        return authManagerInfo("create");
    }

    /** {@code meta=authmanagerinfo&amirequestsfor=ACTION} ({@code create}, {@code login}, ...). */
    public AuthManagerInfo authManagerInfo(String action) {
        ApiResponse response = get("read authmanagerinfo for " + ("create".equals(action) ? "account creation" : action),
                authManagerInfoParams(action));
        JsonNode info = response.json().path("query").path("authmanagerinfo");
        List<String> announced = new ArrayList<>();
        for (String member : List.of("canauthenticatenow", "hasprimarypreservedstate", "preservedusername")) {
            if (info.has(member)) {
                announced.add(member);
            }
        }
        return new AuthManagerInfo(info.has("cancreateaccounts") && isTrue(info.get("cancreateaccounts")),
                requests(info.path("requests")), isTrue(info.get("canauthenticatenow")),
                isTrue(info.get("hasprimarypreservedstate")), text(info, "preservedusername"), List.copyOf(announced));
    }

    /**
     * One {@code action=clientlogin} POST of an interactive login (a provider button and loginreturnurl, or
     * logincontinue and the fields a REDIRECT or UI asked for). Its {@code clientlogin} object has the shape of
     * createaccount's, so it is read into the same type.
     */
    public CreateAccountOutcome clientLoginStep(Map<String, String> fields) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("action", "clientlogin");
        params.putAll(fields);
        ApiResponse response = transport.send("log in (clientlogin)", ApiTransport.Placement.POST_BODY, params, Map.of(), true);
        JsonNode node = response.json().get("clientlogin");
        return new CreateAccountOutcome(response, node == null ? null : createAccountResult(node), response.error());
    }

    /** A login token ({@code meta=tokens&type=login}), registered as a secret. */
    public Optional<String> loginToken() {
        return token("login");
    }

    private static Map<String, String> authManagerInfoParams(String action) {
        return Map.of("action", "query", "meta", "authmanagerinfo", "amirequestsfor", action);
    }

    private static Map<String, String> currentUserRightsParams() {
        return Map.of("action", "query", "meta", "userinfo", "uiprop", "rights");
    }

    private static Map<String, String> moduleClassParams(String module) {
        return Map.of("action", "paraminfo", "modules", module);
    }

    private static Map<String, String> siteInfoParams() {
        return Map.of("action", "query", "meta", "siteinfo", "siprop", "general|extensions");
    }

    /** Rights of the current session's user ({@code meta=userinfo}). */
    public List<String> currentUserRights() {
        ApiResponse response = get("read the current user's rights", currentUserRightsParams());
        return strings(response.json().path("query").path("userinfo").path("rights"));
    }

    /** The PHP class behind an API module ({@code action=paraminfo}): {@code ApiDisabled} when an admin disabled it. */
    public Optional<String> moduleClass(String module) {
        ApiResponse response = get("read paraminfo of the " + module + " module", moduleClassParams(module));
        return Optional.ofNullable(text(response.json().path("paraminfo").path("modules").path(0), "classname"));
    }

    public SiteInfo siteInfo() {
        ApiResponse response = get("read siteinfo", siteInfoParams());
        JsonNode query = response.json().path("query");
        List<String> extensions = new ArrayList<>();
        query.path("extensions").forEach(e -> extensions.add(text(e, "name")));
        JsonNode general = query.path("general");
        return new SiteInfo(text(general, "generator"), text(general, "sitename"), extensions, text(general, "dbtype"));
    }

    private static Map<String, String> temporaryAccountsParams() {
        return Map.of("action", "query", "meta", "siteinfo", "siprop", "autocreatetempuser");
    }

    /**
     * What siteinfo says of temporary accounts ({@code siprop=autocreatetempuser}, MediaWiki 1.43). A wiki that does not
     * know the property answers a warning instead: {@link TemporaryAccounts#answered()} is false, with that warning as
     * evidence.
     */
    public TemporaryAccounts temporaryAccounts() {
        ApiResponse response = get("read what siteinfo says of temporary accounts", temporaryAccountsParams());
        JsonNode member = response.json().path("query").get("autocreatetempuser");
        if (member != null && member.isArray() && member.isEmpty()) {
            // formatversion=1 leaves out a false "enabled"; PHP's empty array then reads as [].
            return new TemporaryAccounts(true, false, List.of(), "meta=siteinfo autocreatetempuser: " + member + " (not enabled)");
        }
        if (member == null || !member.isObject()) {
            JsonNode warnings = response.json().get("warnings");
            return new TemporaryAccounts(false, false, List.of(), "meta=siteinfo has no autocreatetempuser"
                    + (warnings == null ? " (and no warning)" : "; the wiki warned: " + warnings));
        }
        List<String> patterns = strings(member.path("matchPatterns"));
        return new TemporaryAccounts(true, isTrue(member.get("enabled")), patterns, "meta=siteinfo autocreatetempuser: " + member);
    }

    /** {@code list=users&usprop=cancreate} for one name: whether an account could be created with it. Creates nothing. */
    public CanCreate canCreate(String name) {
        ApiResponse response = get("ask list=users whether an account can be created as " + name, Map.of("action", "query",
                "list", "users", "ususers", name, "usprop", "cancreate"));
        JsonNode user = response.json().path("query").path("users").path(0);
        List<String> codes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        user.path("cancreateerror").forEach(e -> {
            codes.add(text(e, "code"));
            keys.add(e.path("message").isTextual() ? e.path("message").asText() : text(e.path("message"), "key"));
        });
        return new CanCreate(text(user, "name"), user.has("missing"), user.has("invalid"), isTrue(user.get("cancreate")), codes, keys);
    }

    /**
     * An edit by this session ({@code action=edit}, appending {@code text} to {@code title}) with the session's own csrf
     * token: an anonymous session's is {@code +\\}. On a wiki with temporary accounts, an anonymous edit creates a
     * temporary user and logs the session in as it ({@code tempusercreated}).
     */
    public EditOutcome edit(String title, String text, String summary) {
        String token = token("csrf").orElse(null);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("action", "edit");
        params.put("title", title);
        params.put("appendtext", text);
        params.put("summary", summary);
        if (token != null) {
            params.put("token", token);
        }
        ApiResponse response = transport.send("edit " + title, ApiTransport.Placement.POST_BODY, params, Map.of(), true);
        JsonNode edit = response.json().path("edit");
        return new EditOutcome(text(edit, "result"), edit.has("tempusercreated") && isTrue(edit.get("tempusercreated")),
                text(edit, "tempusercreatedredirect"), response.error());
    }

    /** Who this session is ({@code meta=userinfo}): name, id, and whether it is anonymous or a temporary user. */
    public CurrentUser currentUser() {
        ApiResponse response = transport.send("read who the session is (meta=userinfo)", ApiTransport.Placement.GET_QUERY,
                Map.of("action", "query", "meta", "userinfo"), Map.of(), true);
        JsonNode info = response.json().path("query").path("userinfo");
        return new CurrentUser(text(info, "name"), info.path("id").asLong(), info.has("anon") && isTrue(info.get("anon")),
                info.has("temp") && isTrue(info.get("temp")));
    }

    public CreateAccountOutcome createAccount(CreateAccountRequest request, Delivery delivery) {
        Map<String, String> params = request.params();
        Map<String, String> query = new LinkedHashMap<>();
        if (delivery == Delivery.TOKEN_IN_QUERY_STRING && params.containsKey("createtoken")) {
            query.put("createtoken", params.remove("createtoken"));
        }
        ApiTransport.Placement placement = delivery == Delivery.GET ? ApiTransport.Placement.GET_QUERY : ApiTransport.Placement.POST_BODY;
        ApiResponse response = transport.send("create an account", placement, params, query, true);
        JsonNode node = response.json().get("createaccount");
        return new CreateAccountOutcome(response, node == null ? null : createAccountResult(node), response.error());
    }

    /**
     * What createaccount would answer to {@code username}, judged by a GET with no side effect ({@code list=users&usprop=cancreate}):
     * for a read-only target, where even a refused POST logs an authentication event and a wiki lacking the refusal
     * would count it against its throttle. MediaWiki's AuthManager::beginAccountCreation starts with canCreateAccount,
     * the very check cancreate reports (an account that exists: userexists; a name UserNameUtils cannot create:
     * invaliduser; a pre-authentication provider's testUserForCreation: TitleBlacklist, AntiSpoof). A name
     * list=users calls "invalid" (getCanonical refuses it, as "#" and IP addresses) fails createaccount's stricter
     * check too: invaliduser. Empty when the wiki answers no cancreate (older than MediaWiki 1.27): then only a POST can tell.
     * The outcome is FAIL with the code as its messagecode and the message key as its message, or PASS when the wiki would
     * create the account.
     */
    public Optional<CreateAccountOutcome> judgeNameByGet(String username) {
        ApiResponse response = transport.send("judge the username by list=users&usprop=cancreate, instead of a POST (a read-only target)",
                ApiTransport.Placement.GET_QUERY, Map.of("action", "query", "list", "users", "ususers", username, "usprop", "cancreate"),
                Map.of(), true);
        if (response.error() != null) {
            return Optional.empty();
        }
        JsonNode user = response.json().path("query").path("users").path(0);
        String code;
        String message;
        if (user.has("invalid")) {
            code = "invaliduser";
            message = "noname";
        } else if (user.has("userid")) {
            code = "userexists";
            message = "userexists";
        } else if (user.has("cancreateerror") && user.get("cancreateerror").path(0).has("code")) {
            JsonNode first = user.get("cancreateerror").path(0);
            code = text(first, "code");
            message = first.has("message") ? text(first, "message") : first.has("text") ? text(first, "text") : first.has("html")
                    ? text(first, "html") : code;
        } else if (user.has("missing") && user.has("cancreate") && isTrue(user.get("cancreate"))) {
            return Optional.of(new CreateAccountOutcome(response, new CreateAccountResult(CreateAccountResult.PASS, text(user, "name"),
                    null, null, null, null, List.of(), Set.of("status", "username"), Map.of(), false), null));
        } else {
            return Optional.empty();
        }
        return Optional.of(new CreateAccountOutcome(response, new CreateAccountResult(CreateAccountResult.FAIL, null, message, null, code,
                null, List.of(), Set.of("status", "message", "messagecode"), Map.of(), false), null));
    }

    /** {@code list=users} for one name. {@code record=false} while polling, so the report keeps one exchange, not forty. */
    public WikiUser user(String name, boolean record) {
        ApiResponse response = send("look the account up in list=users", Map.of("action", "query", "list", "users",
                "ususers", name, "usprop", "registration"), record);
        JsonNode user = response.json().path("query").path("users").path(0);
        JsonNode id = user.get("userid");
        return new WikiUser(text(user, "name"), id == null ? null : id.asLong(), user.has("missing"), user.has("invalid"),
                text(user, "registration"));
    }

    /** The newusers log entries for one user page, newest first. */
    public List<LogEvent> newUsersLog(String username, boolean record) {
        ApiResponse response = send("read the newusers log", Map.of("action", "query", "list", "logevents",
                "letype", "newusers", "letitle", "User:" + username, "leprop", "ids|type|title|user|comment|timestamp|details",
                "lelimit", "10"), record);
        List<LogEvent> events = new ArrayList<>();
        for (JsonNode e : response.json().path("query").path("logevents")) {
            events.add(new LogEvent(e.path("logid").asLong(), text(e, "type"), text(e, "action"), text(e, "title"),
                    text(e, "user"), text(e, "comment"), text(e, "timestamp")));
        }
        return events;
    }

    private ApiResponse get(String purpose, Map<String, String> params) {
        Optional<ApiResponse> known = facts.answer(params);
        return known.isPresent() ? known.get() : transport.send(purpose, ApiTransport.Placement.GET_QUERY, params, Map.of(), true);
    }

    private ApiResponse send(String purpose, Map<String, String> params, boolean record) {
        return transport.send(purpose, ApiTransport.Placement.GET_QUERY, params, Map.of(), record);
    }

    private CreateAccountResult createAccountResult(JsonNode node) {
        JsonNode message = node.path("message");
        String text = message.isTextual() ? message.asText() : null;
        // params must be in the JSON for a raw message: an absent member is null, never an empty list that holds anyway.
        CreateAccountResult.RawMessage raw = message.isObject()
                ? new CreateAccountResult.RawMessage(text(message, "key"), message.path("params").isArray() ? strings(message.get("params")) : null)
                : null;
        return new CreateAccountResult(text(node, "status"), text(node, "username"), text, raw,
                text(node, "messagecode"), text(node, "redirecttarget"), requests(node.path("requests")), keys(node),
                fields(node.path("fields")), isTrue(node.get("canpreservestate")));
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return Set.copyOf(keys);
    }

    /**
     * Fields as announced. A field the wiki marks {@code sensitive} is registered with the masker before
     * anything is written: its name (every value sent in it is masked) and any value the wiki gives it.
     */
    private Map<String, AuthField> fields(JsonNode object) {
        Map<String, AuthField> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> {
            boolean sensitive = f.getValue().has("sensitive") && isTrue(f.getValue().get("sensitive"));
            if (sensitive) {
                masker.registerSensitiveName(f.getKey());
                masker.register(text(f.getValue(), "value"));
            }
            fields.put(f.getKey(), new AuthField(f.getKey(),
                text(f.getValue(), "type"), text(f.getValue(), "label"), text(f.getValue(), "help"),
                text(f.getValue(), "value"), f.getValue().has("optional") && isTrue(f.getValue().get("optional")), sensitive));
        });
        return fields;
    }

    /** The announced requests, their fields read by {@link #fields}. */
    private List<AuthRequest> requests(JsonNode array) {
        List<AuthRequest> requests = new ArrayList<>();
        for (JsonNode r : array) {
            Map<String, AuthField> fields = fields(r.path("fields"));
            Map<String, String> metadata = new LinkedHashMap<>();
            r.path("metadata").fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
            requests.add(new AuthRequest(text(r, "id"), text(r, "required"), text(r, "provider"), text(r, "account"),
                    metadata, fields, keys(r)));
        }
        return requests;
    }

    /** formatversion=1 says "true" with an empty string and "false" by leaving the member out. */
    private static boolean isTrue(JsonNode value) {
        return value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean());
    }

    /** Scalars as their text, objects and arrays as JSON (a raw message parameter may be {"duration": 86400}). */
    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isValueNode() ? v.asText() : v.toString()));
        return values;
    }

    // --- a logged-in creator (creating an account for someone else) ------------------------------------

    /**
     * Logs this session in with {@code action=clientlogin}: a login token from {@code meta=tokens&type=login},
     * then username, password, logintoken and loginreturnurl in a POST body. The password is registered as a
     * secret before anything is sent. Tokens belong to a session and its user: fetch a createaccount token
     * again after logging in.
     */
    /**
     * The codes of what the wiki's password policy says of a password for a new user (action=validatepassword,
     * MediaWiki 1.29+): empty when it is good; empty Optional when the wiki has no such module.
     */
    public Optional<List<String>> passwordPolicyFailures(String password, String username) {
        ApiResponse response = transport.send("ask the password policy about a password (action=validatepassword)",
                ApiTransport.Placement.POST_BODY, Map.of("action", "validatepassword", "password", password, "user", username),
                Map.of(), true);
        JsonNode validity = response.json().path("validatepassword");
        if (validity.isMissingNode()) {
            return Optional.empty();
        }
        List<String> codes = new ArrayList<>();
        validity.path("validitymessages").forEach(m -> codes.add(text(m, "code")));
        return Optional.of(codes);
    }

    public LoginResult clientLogin(String username, String password, String returnUrl) {
        masker.register(password);
        String token = token("login").orElse(null);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("action", "clientlogin");
        params.put("username", username);
        params.put("password", password);
        if (token != null) {
            params.put("logintoken", token);
        }
        params.put("loginreturnurl", returnUrl);
        ApiResponse response = transport.send("log in as " + username + " (clientlogin)", ApiTransport.Placement.POST_BODY,
                params, Map.of(), true);
        JsonNode node = response.json().path("clientlogin");
        return new LoginResult(text(node, "status"), text(node, "username"), text(node, "message"), text(node, "messagecode"),
                response.error());
    }

    /** Who this session is ({@code meta=userinfo}): the user's name, or an IP address when it is anonymous. */
    public String currentUserName() {
        ApiResponse response = get("read who the session is logged in as", Map.of("action", "query", "meta", "userinfo"));
        return text(response.json().path("query").path("userinfo"), "name");
    }

    /** A user's groups and effective rights ({@code list=users&usprop=groups|rights}); empty when no such user exists. */
    /**
     * The name of an account that exists on the wiki, read from {@code list=allusers} (never hard-coded): the
     * first whose name MediaWiki would still accept today (letters, digits, spaces and hyphens; older wikis
     * hold legacy names that a creation would refuse as invaliduser before it could say userexists).
     */
    public Optional<String> existingUsername() {
        ApiResponse response = get("read the name of an existing account from list=allusers", Map.of("action", "query",
                "list", "allusers", "aulimit", "50"));
        for (JsonNode user : response.json().path("query").path("allusers")) {
            String name = text(user, "name");
            if (name != null && name.matches("[A-Z][A-Za-z0-9 -]{1,60}") && !name.matches("[0-9. ]+")) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    public Optional<UserRights> userRights(String username) {
        ApiResponse response = get("read the groups and rights of " + username, Map.of("action", "query", "list", "users",
                "ususers", username, "usprop", "groups|rights"));
        JsonNode user = response.json().path("query").path("users").path(0);
        if (user.isMissingNode() || user.has("missing") || user.has("invalid") || !user.has("userid")) {
            return Optional.empty();
        }
        return Optional.of(new UserRights(text(user, "name"), strings(user.path("groups")), strings(user.path("rights"))));
    }

    /** What {@code action=block} answered: the blocked target and its block id, or the error. */
    public record BlockResult(String user, Long id, boolean noCreate, ApiError error) {
    }

    /**
     * Blocks an IP address or user from creating accounts ({@code action=block&nocreate=1}), as the logged-in
     * user of this session, with a csrf token fetched for it. Only for addresses of the harness's own.
     */
    public BlockResult blockAccountCreation(String target, String expiry, String reason) {
        String token = token("csrf").orElse(null);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("action", "block");
        params.put("user", target);
        params.put("nocreate", "1");
        params.put("expiry", expiry);
        params.put("reason", reason);
        if (token != null) {
            params.put("token", token);
        }
        ApiResponse response = transport.send("block " + target + " from creating accounts", ApiTransport.Placement.POST_BODY,
                params, Map.of(), true);
        JsonNode node = response.json().path("block");
        return new BlockResult(text(node, "user"), node.has("id") ? node.get("id").asLong() : null, node.has("nocreate"), response.error());
    }
}
