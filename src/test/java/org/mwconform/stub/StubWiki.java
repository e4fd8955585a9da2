package org.mwconform.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process fake api.php for the harness's own tests: the account-creation flow the features use,
 * answered as the documentation describes it (formatversion=1 JSON), unless a {@link Mutation} breaks
 * it on purpose. It is never a deployment whose conformance is reported; it only proves the scenarios
 * can fail. Its {@link Setup} adds ConfirmEdit's CAPTCHA, as a wiki may. Bound to 127.0.0.1 on a
 * random port; thread-safe, since scenarios run in parallel.
 */
public final class StubWiki implements AutoCloseable {
    static final String SESSION_COOKIE = "stub_session";
    private static final String PATH = "/api.php";

    private final Setup setup;
    private final Set<Mutation> mutations;
    private final WikiState state;
    private final ApiErrors errors;
    private final QueryModules query;
    private final CreateAccountModule createAccount;
    private final ThirdPartyFlow thirdParty;
    private final HttpServer server;
    private final ExecutorService threads;

    /** A stub of the given setup with one defect, or none with {@link Mutation#NONE}. */
    public static StubWiki start(Setup setup, Mutation mutation) {
        return start(setup, Set.of(mutation));
    }

    /** A stub of the given setup with several defects at once (they should touch different scenarios). */
    public static StubWiki start(Setup setup, Set<Mutation> mutations) {
        return start(setup, mutations, Set.of());
    }

    /** A stub of the given setup with defects of its interactive flow ({@link Setup#INTERACTIVE}). */
    public static StubWiki start(Setup setup, Set<Mutation> mutations, Set<InteractiveDefect> defects) {
        try {
            return new StubWiki(setup, mutations, defects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stub wiki", e);
        }
    }

    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    private StubWiki(Setup setup, Set<Mutation> mutations, Set<InteractiveDefect> defects) throws IOException {
        EnumSet<Mutation> set = EnumSet.noneOf(Mutation.class);
        set.addAll(mutations);
        set.remove(Mutation.NONE);
        this.setup = setup;
        this.mutations = Collections.unmodifiableSet(set);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.state = new WikiState(this.mutations.contains(Mutation.TOKEN_WITHOUT_SUFFIX) ? "" : "+\\");
        this.errors = new ApiErrors(this.mutations, api().toString());
        SimpleCaptcha captcha = new SimpleCaptcha(setup, this.mutations);
        EnumSet<InteractiveDefect> interactive = EnumSet.noneOf(InteractiveDefect.class);
        interactive.addAll(defects);
        interactive.remove(InteractiveDefect.NONE);
        this.thirdParty = new ThirdPartyFlow(state, setup, interactive, captcha, "http://127.0.0.1:" + port());
        this.query = new QueryModules(state, this.mutations, errors, captcha, thirdParty);
        this.createAccount = new CreateAccountModule(state, this.mutations, errors, captcha, thirdParty);
        this.threads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "stub-wiki-" + server.getAddress().getPort());
            t.setDaemon(true);
            return t;
        });
        server.createContext(PATH, this::serve);
        server.createContext("/oidc/authorize", thirdParty::authorize);
        server.createContext("/oidc/return", thirdParty::giveBack);
        server.setExecutor(threads);
        server.start();
    }

    /** The api.php URL, e.g. {@code http://127.0.0.1:41234/api.php}. */
    /** Takes the createaccount right from anonymous visitors (or gives it back), as an admin of a wiki might. */
    public void anonymousCreation(boolean allowed) {
        state.anonymousCreation(allowed);
    }

    /** Every request the stub received, as "METHOD action" in order: what a guard kept away never shows here. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** How many accounts the stub holds: the safe probes must never change it. */
    public int userCount() {
        return state.userCount();
    }

    /** Every account, name to id: a safe probe must leave it as it found it. */
    public java.util.Map<String, Long> userIds() {
        return state.userIds();
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + port() + PATH);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Setup setup() {
        return setup;
    }

    public Set<Mutation> mutations() {
        return mutations;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            StubAnswer answer;
            try {
                answer = answer(exchange);
            } catch (RuntimeException e) {
                // A bug of the stub must be visible, not a hung connection.
                answer = new StubAnswer(500, "text/plain; charset=utf-8", "stub wiki bug: " + e);
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private StubAnswer answer(HttpExchange exchange) throws IOException {
        String rawBody;
        try (InputStream in = exchange.getRequestBody()) {
            rawBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (mutations.contains(Mutation.HTML_500)) {
            return StubAnswer.html(500, "Internal Server Error");
        }
        if (mutations.contains(Mutation.HTML_200)) {
            return StubAnswer.html(200, "Welcome");
        }
        WikiState.Session session = state.session(sessionCookie(exchange));
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly");
        StubRequest request = StubRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
                "POST".equalsIgnoreCase(exchange.getRequestMethod()) ? rawBody : null, session);
        String action = request.param("action");
        received.add(exchange.getRequestMethod() + " " + action);
        if (action == null) {
            return errors.error("missingparam", "The \"action\" parameter must be set.");
        }
        return switch (action) {
            case "query" -> query.handle(request);
            case "createaccount" -> createAccount.handle(request);
            case "clientlogin" -> thirdParty.login(request);
            case "paraminfo" -> paramInfo(request);
            case "validatepassword" -> validatePassword(request);
            default -> errors.error("badvalue", "Unrecognized value for parameter \"action\": " + action + ".");
        };
    }

    /** action=validatepassword: the password policy (the stub's: its list of common passwords), never a defect. */
    private static StubAnswer validatePassword(StubRequest request) {
        boolean common = CreateAccountModule.isCommon(String.valueOf(request.param("password")));
        return StubAnswer.json(StubAnswer.object("validatepassword", common
                ? StubAnswer.object("validity", "Change", "validitymessages", List.of(StubAnswer.object("code", "passwordincommonlist")))
                : StubAnswer.object("validity", "Good")));
    }

    /** Only what applicability asks: which class serves a module. */
    private static StubAnswer paramInfo(StubRequest request) {
        String module = request.param("modules");
        return StubAnswer.json(StubAnswer.object("paraminfo", StubAnswer.object("modules", List.of(StubAnswer.object(
                "name", module, "classname", "createaccount".equals(module) ? "ApiAMCreateAccount" : "ApiQuery", "path", module)))));
    }

    private static String sessionCookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : headers) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals(SESSION_COOKIE)) {
                    return pair[1];
                }
            }
        }
        return null;
    }
}
