package org.mwconform.stub;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.sun.net.httpserver.HttpExchange;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.mwconform.stub.StubAnswer.object;

/**
 * The interactive conversation of the documentation's example 3, as AuthManager runs it with a third-party
 * primary provider and a two-factor secondary provider (like environments/local/extensions/MwconformAuthFixture):
 * choosing the provider's button answers REDIRECT to {@code /oidc/authorize} on the stub's own server, which
 * logs the browser in with a cookie of its own and sends it through {@code /oidc/return} to createreturnurl with
 * code and state; createcontinue with them creates the account and answers UI (set up two-factor
 * authentication: a TOTP secret, a code, the skip2FASetup button); the right code or the button gives PASS.
 * A login through the provider answers RESTART (no linked account) and preserves the identity for
 * createpreservestate. Also, for every setup: createcontinue with nothing in progress, and createrequests.
 */
final class ThirdPartyFlow {
    static final String BUTTON = "stuboidclogin";
    static final String BEGIN_ID = "StubOidcBeginAuthenticationRequest:" + BUTTON;
    static final String RESPONSE_ID = "OpenIdConnectResponseAuthenticationRequest";
    static final String PASSWORD_ID = "MediaWiki\\Auth\\PasswordAuthenticationRequest";
    private static final String PROVIDER_COOKIE = "stub_oidc_provider";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base32 BASE32 = new Base32();

    private final WikiState state;
    private final Setup setup;
    private final Set<InteractiveDefect> defects;
    private final SimpleCaptcha captcha;
    private final String base;
    /** code -> state, as the provider issued them; state -> return URL, as the wiki remembers them. */
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, String> returnUrls = new ConcurrentHashMap<>();

    ThirdPartyFlow(WikiState state, Setup setup, Set<InteractiveDefect> defects, SimpleCaptcha captcha, String base) {
        this.state = state;
        this.setup = setup;
        this.defects = defects;
        this.captcha = captcha;
        this.base = base;
    }

    boolean on() {
        return setup == Setup.INTERACTIVE;
    }

    private boolean has(InteractiveDefect defect) {
        return defects.contains(defect);
    }

    // --- meta=authmanagerinfo --------------------------------------------------------------------------------

    /** The provider's button among the requests (create and login), and the preserved-state members. */
    void decorate(StubRequest request, Map<String, Object> info, List<Object> requests, String action) {
        if (on() && ("create".equals(action) || "login".equals(action))) {
            requests.add(1 <= requests.size() ? 1 : 0, object("id", BEGIN_ID, "metadata", object(), "required", "primary-required",
                    "provider", "OpenID Connect at the stub", "account", "OpenID Connect at the stub",
                    "fields", object(BUTTON, object("type", "button", "label", "Log in with OpenID Connect", "help", "Authenticate"))));
        }
        Object preserved = request.session().auth().get("preserved");
        if (preserved != null && "create".equals(action) && !has(InteractiveDefect.PRESERVED_STATE_NOT_ANNOUNCED)) {
            info.put("haspreservedstate", "");
            info.put("hasprimarypreservedstate", "");
            info.put("preservedusername", preserved);
        }
        if (has(InteractiveDefect.STATE_MEMBERS_MISSING)) {
            info.remove("canauthenticatenow");
            info.remove("preservedusername");
        }
    }

    // --- action=createaccount --------------------------------------------------------------------------------

    /** createrequests: only the named requests are loaded; the stub's password request is the one that matters. */
    StubRequest limitRequests(StubRequest request) {
        if (!request.has("createrequests") || has(InteractiveDefect.CREATEREQUESTS_IGNORED)
                || List.of(request.param("createrequests").split("\\|")).contains(PASSWORD_ID)) {
            return request;
        }
        Map<String, String> body = new LinkedHashMap<>(request.body());
        body.remove("password");
        body.remove("retype");
        return new StubRequest(request.method(), request.query(), body, request.session());
    }

    /** The interactive answers, or empty when the request is the password flow's. */
    Optional<StubAnswer> createAccount(StubRequest request) {
        Map<String, Object> auth = request.session().auth();
        if (request.has("createcontinue")) {
            Object conversation = auth.get("create");
            if (!(conversation instanceof Conversation c)) {
                return Optional.of(fail(has(InteractiveDefect.NOT_IN_PROGRESS_WRONG_CODE) ? "authmanager-create-no-primary"
                        : "authmanager-create-not-in-progress", "Account creation is not in progress or your session data was lost."));
            }
            return Optional.of(continueCreation(request, c));
        }
        if (!on()) {
            return Optional.empty();
        }
        boolean preserved = request.has("createpreservestate") && auth.get("preserved") != null;
        if (!preserved && !(request.has(BUTTON) && !request.has("password"))) {
            return Optional.empty();
        }
        String username = request.param("username");
        if (username == null || username.isBlank() || (preserved && !username.equals(auth.get("preserved")))) {
            return Optional.of(fail("noname", "You have not specified a valid username."));
        }
        if (state.user(username).isPresent()) {
            return Optional.of(fail("userexists", "Username entered already in use."));
        }
        if (captcha.demanded() && !captcha.passes(request)) {
            return Optional.of(fail(SimpleCaptcha.FAIL_CODE, SimpleCaptcha.FAIL_MESSAGE));
        }
        Conversation c = new Conversation(WikiState.canonical(username));
        auth.put("create", c);
        if (preserved) {
            auth.remove("preserved");
            return Optional.of(primaryPassed(request, c));
        }
        return Optional.of(redirect(request, c, request.param("createreturnurl"), "createaccount"));
    }

    private StubAnswer continueCreation(StubRequest request, Conversation c) {
        if (c.secret == null) {
            Optional<String> refused = checkReturn(request, c);
            if (refused.isPresent()) {
                request.session().auth().remove("create");
                return has(InteractiveDefect.REFUSAL_AS_CAPTCHA_FAILURE) ? fail(SimpleCaptcha.FAIL_CODE, SimpleCaptcha.FAIL_MESSAGE)
                        : fail("mwconform-oidc-refused", refused.get());
            }
            return primaryPassed(request, c);
        }
        boolean skipped = request.has("skip2FASetup") && !has(InteractiveDefect.SKIP_IGNORED);
        boolean right = request.has("code") && (totpMatches(c.secret, request.param("code")) || has(InteractiveDefect.WRONG_TOTP_ACCEPTED));
        if (skipped || right) {
            request.session().auth().remove("create");
            if (!has(InteractiveDefect.PASS_WITHOUT_ACCOUNT) && !has(InteractiveDefect.CREATED_BEFORE_SECONDARY)) {
                create(c);
            }
            return StubAnswer.json(object("createaccount", object("status", "PASS", "username", c.username)));
        }
        return ui(request, c, "mwconform-2fa-wrong-code", "The two-factor authentication code is not correct.");
    }

    /** The primary provider passed; the secondary asks. The account exists only with the final PASS (the documented success). */
    private StubAnswer primaryPassed(StubRequest request, Conversation c) {
        if (has(InteractiveDefect.CREATED_BEFORE_SECONDARY)) {
            create(c);
        }
        c.secret = BASE32.encodeAsString(bytes(10));
        return ui(request, c, "mwconform-2fa-setup", "Set up two-factor authentication");
    }

    private void create(Conversation c) {
        state.createUser(c.username).ifPresent(u -> state.logCreation(u, u.name()));
    }

    private StubAnswer ui(StubRequest request, Conversation c, String key, String text) {
        Map<String, Object> result = object("status", "UI");
        if (!has(InteractiveDefect.UI_WITHOUT_REQUESTS)) {
            List<Object> requests = List.of(
                    object("id", "TwoFactorAuthenticationRequest", "metadata", object("account", c.username, "secret", c.secret),
                            "required", "optional", "provider", "", "account", "", "fields", object(
                                    "2FAInfo", object("type", "null", "label", "Add the account to your app", "help", "Setup instructions"),
                                    "code", object("type", "string", "label", "Code", "help", "Two-factor authentication code"))),
                    object("id", "MediaWiki\\Auth\\ButtonAuthenticationRequest:skip2FASetup", "metadata", object(), "required", "optional",
                            "provider", "MediaWiki\\Auth\\ButtonAuthenticationRequest",
                            "account", "MediaWiki\\Auth\\ButtonAuthenticationRequest:skip2FASetup",
                            "fields", object("skip2FASetup", object("type", "button", "label", "Skip", "help", "Skip two-factor authentication setup"))));
            putRequests(request, result, requests);
        }
        String format = has(InteractiveDefect.UI_MESSAGE_FORMAT_IGNORED) || !request.has("createmessageformat")
                ? "wikitext" : request.param("createmessageformat");
        switch (format) {
            case "none" -> { }
            case "raw" -> result.put("message", has(InteractiveDefect.UI_RAW_WITHOUT_PARAMS) ? object("key", key)
                    : object("key", key, "params", List.of()));
            default -> result.put("message", text);
        }
        result.put("messagecode", key);
        return StubAnswer.json(object("createaccount", result));
    }

    private StubAnswer redirect(StubRequest request, Conversation c, String returnUrl, String module) {
        c.state = WikiState.hex(16);
        c.issuedStates.add(c.state);
        returnUrls.put(c.state, returnUrl);
        Map<String, Object> result = object("status", "REDIRECT");
        if (!has(InteractiveDefect.REDIRECT_WITHOUT_TARGET)) {
            result.put("redirecttarget", base + "/oidc/authorize?response_type=code&client_id=stub&state=" + c.state);
        }
        putRequests(request, result, List.of(object("id", RESPONSE_ID, "metadata", object(), "required", "required",
                "provider", "OpenID Connect at the stub", "account", "", "fields", object(
                        "code", object("type", "string", "label", "OpenID Code", "help", "OpenID Connect code response"),
                        "state", object("type", "string", "label", "OpenID State", "help", "OpenID Connect state response")))));
        return StubAnswer.json(object(module, result));
    }

    /** requests, and with createmergerequestfields their fields merged into one array instead. */
    @SuppressWarnings("unchecked")
    private void putRequests(StubRequest request, Map<String, Object> result, List<Object> requests) {
        boolean merge = (request.has("createmergerequestfields") || request.has("loginmergerequestfields"))
                && !has(InteractiveDefect.MERGE_IGNORED);
        if (!merge) {
            result.put("requests", requests);
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        List<Object> bare = new ArrayList<>();
        for (Object r : requests) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) r);
            fields.putAll((Map<String, Object>) copy.remove("fields"));
            bare.add(copy);
        }
        result.put("requests", bare);
        result.put("fields", fields);
    }

    /** Why the returned code and state are refused, or empty when they are the provider's answer to this attempt. */
    private Optional<String> checkReturn(StubRequest request, Conversation c) {
        String code = request.param("code");
        String returned = request.param("state");
        if (returned == null || returned.isEmpty() || ((code == null || code.isEmpty()) && !has(InteractiveDefect.MISSING_CODE_ACCEPTED))) {
            return Optional.of("The OpenID Connect response (code and state) is missing.");
        }
        boolean current = returned.equals(c.state);
        boolean earlier = has(InteractiveDefect.REPLAYED_STATE_ACCEPTED) && request.session().auth().containsKey("issued:" + returned);
        if (!current && !earlier && !has(InteractiveDefect.STATE_UNCHECKED)) {
            return Optional.of("The OpenID Connect state does not match this authentication attempt.");
        }
        c.state = null;
        if (code == null || code.isEmpty()) {
            return Optional.empty();
        }
        String issuedFor = has(InteractiveDefect.REPLAYED_STATE_ACCEPTED) ? codes.get(code) : codes.remove(code);
        if (issuedFor == null || (!issuedFor.equals(returned) && !has(InteractiveDefect.STATE_UNCHECKED))) {
            return Optional.of("The OpenID Connect code is unknown, expired or already used.");
        }
        request.session().auth().put("issued:" + returned, Boolean.TRUE);
        return Optional.empty();
    }

    // --- action=clientlogin ----------------------------------------------------------------------------------

    StubAnswer login(StubRequest request) {
        Map<String, Object> auth = request.session().auth();
        if (request.has("logincontinue")) {
            Object conversation = auth.remove("login");
            if (!(conversation instanceof Conversation c)) {
                return StubAnswer.json(object("clientlogin", object("status", "FAIL", "message", "Not in progress",
                        "messagecode", "authmanager-authn-not-in-progress")));
            }
            Optional<String> refused = checkReturn(request, c);
            if (refused.isPresent()) {
                return StubAnswer.json(object("clientlogin", object("status", "FAIL", "message", refused.get(),
                        "messagecode", "mwconform-oidc-refused", "canpreservestate", false)));
            }
            if (has(InteractiveDefect.RESTART_AS_FAIL)) {
                return StubAnswer.json(object("clientlogin", object("status", "FAIL", "message", "No linked account",
                        "messagecode", "authmanager-authn-no-local-user", "canpreservestate", false)));
            }
            auth.put("preserved", "Stub-oidc-" + WikiState.hex(4));
            return StubAnswer.json(object("clientlogin", object("status", "RESTART", "requests", List.of(),
                    "message", "No local user exists for the authenticated third-party account.",
                    "messagecode", "authmanager-authn-no-local-user", "canpreservestate", "")));
        }
        if (!on() || !request.has(BUTTON)) {
            return StubAnswer.json(object("clientlogin", object("status", "FAIL", "message", "The stub only logs in through its provider.",
                    "messagecode", "authmanager-authn-no-primary")));
        }
        Conversation c = new Conversation(null);
        auth.put("login", c);
        return redirect(request, c, request.param("loginreturnurl"), "clientlogin");
    }

    // --- the stand-in provider and the wiki's return page -----------------------------------------------------

    /** /oidc/authorize: log the browser in with a cookie of the provider's own (first visit), then send it back with a code. */
    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = StubRequest.of("GET", exchange.getRequestURI().getRawQuery(), null, null).query();
        String st = q.get("state");
        if (st == null || !returnUrls.containsKey(st)) {
            respond(exchange, 400, null);
            return;
        }
        boolean loggedIn = exchange.getRequestHeaders().getOrDefault("Cookie", List.of()).stream()
                .anyMatch(h -> h.contains(PROVIDER_COOKIE + "="));
        if (!loggedIn) {
            exchange.getResponseHeaders().add("Set-Cookie", PROVIDER_COOKIE + "=" + WikiState.hex(8) + "; Path=/oidc; HttpOnly");
            respond(exchange, 302, base + exchange.getRequestURI());
            return;
        }
        String code = WikiState.hex(16);
        codes.put(code, st);
        respond(exchange, 302, base + "/oidc/return?code=" + code + "&state=" + st);
    }

    /** /oidc/return: on to the attempt's return URL with code and state added. */
    void giveBack(HttpExchange exchange) throws IOException {
        Map<String, String> q = StubRequest.of("GET", exchange.getRequestURI().getRawQuery(), null, null).query();
        String returnUrl = q.get("state") == null ? null : returnUrls.get(q.get("state"));
        if (returnUrl == null) {
            respond(exchange, 400, null);
            return;
        }
        String sep = URI.create(returnUrl).getRawQuery() == null ? "?" : "&";
        respond(exchange, 302, returnUrl + sep + "code=" + enc(q.getOrDefault("code", "")) + "&state=" + enc(q.get("state")));
    }

    private static void respond(HttpExchange exchange, int status, String location) throws IOException {
        try (exchange) {
            if (location != null) {
                exchange.getResponseHeaders().set("Location", location);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            byte[] body = (status == 400 ? "invalid request\n" : "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static StubAnswer fail(String code, String message) {
        return StubAnswer.json(object("createaccount", object("status", "FAIL", "message", message, "messagecode", code)));
    }

    private static boolean totpMatches(String secret, String code) {
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
        SecretKeySpec key = new SecretKeySpec(BASE32.decode(secret), totp.getAlgorithm());
        Instant now = Instant.now();
        try {
            for (long skew : new long[] {0, -30, 30}) {
                if (totp.generateOneTimePasswordString(key, now.plusSeconds(skew)).equals(code.strip())) {
                    return true;
                }
            }
            return false;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One conversation in the session: the account, the state the provider was given, the TOTP secret once asked. */
    private static final class Conversation {
        final String username;
        final List<String> issuedStates = new ArrayList<>();
        String state;
        String secret;

        Conversation(String username) {
            this.username = username;
        }
    }
}
