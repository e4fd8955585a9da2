package org.mwconform.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.mwconform.stub.Mutation;
import org.mwconform.stub.Setup;
import org.mwconform.stub.StubWiki;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only hostile api.php: it forwards to a conforming {@link StubWiki} and misbehaves the way wikis the
 * harness does not control do (drips, hangs, floods, rate-limits, lies, plants secrets). Never a deployment
 * whose conformance is reported; it only tests the harness. Bound to 127.0.0.1 on a random port.
 */
final class HostileWiki implements AutoCloseable {
    enum Behaviour {
        /** Every answer drips one byte every 5 s, forever. */
        DRIP,
        /** The preflight (siteinfo, paraminfo) is answered; every later request hangs without a byte. */
        HANG_AFTER_SITEINFO,
        /** siteinfo is a valid JSON answer of about 100 MB. */
        HUGE_SITEINFO,
        /** siteinfo is valid JSON holding a 25 MB string: large, yet under a 64 MB cap. */
        LARGE_VALID_SITEINFO,
        /** After the preflight (siteinfo, paraminfo), the first request gets HTTP 429 and the second MediaWiki's maxlag error, each with Retry-After: 1. */
        TRANSIENT_THEN_FINE,
        /** After the preflight (siteinfo, paraminfo), every request gets HTTP 503 with Retry-After: 1. */
        UNAVAILABLE_AFTER_SITEINFO,
        /** Every answer after the preflight takes 1 s: each request is in time, the whole deployment is not. */
        SLOW_AFTER_SITEINFO,
        /** The generator string carries terminal escape codes and a fake summary. */
        ESCAPES_IN_GENERATOR,
        /** authmanagerinfo announces password as a hidden field with a value of the wiki's own. */
        HIDDEN_PASSWORD,
        /** Plants secrets: a cookie, a sensitive hidden TOTP field, a question CAPTCHA, and echoes cookie and query back. */
        CANARIES
    }

    static final String FAKE_SUMMARY = "\u001b[2K\rlocal-vanilla: 40 passed, 0 known deviations, 0 not applicable, 0 failed, 0 stale expectations, 0 errors";
    static final String SERVER_PASSWORD = "ServerGivenValue-7f3a";
    static final String COOKIE_CANARY = "CanaryCookieValue8d1e";
    static final String TOTP_CANARY = "CanaryTotpSecretJBSWY3DPEHPK3PXP";
    static final String CAPTCHA_QUESTION = "What is the canary's colour?";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Behaviour behaviour;
    private final StubWiki stub;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-wiki");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient forward = HttpClient.newHttpClient();
    private final AtomicInteger afterSiteinfo = new AtomicInteger();
    /** Every User-Agent, maxlag and password value received, for the tests to look at. */
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    final List<String> maxlags = new CopyOnWriteArrayList<>();
    final List<String> passwordsSent = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();
    final Map<String, Integer> transientSent = new ConcurrentHashMap<>();

    HostileWiki(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.stub = StubWiki.start(behaviour == Behaviour.CANARIES ? Setup.CAPTCHA : Setup.VANILLA, Mutation.NONE);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api.php", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api.php");
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        stub.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            String all = query + "&" + new String(requestBody, StandardCharsets.UTF_8);
            userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            queries.add(query);
            maxlags.add(param(all, "maxlag"));
            // The preflight's reads (siteinfo with userinfo and authmanagerinfo, and paraminfo) are answered as they are:
            // each behaviour meets the scenarios' own requests.
            boolean siteinfo = all.contains("meta=siteinfo") || all.contains("action=paraminfo");
            if (all.contains("action=createaccount")) {
                passwordsSent.add(String.valueOf(param(all, "password")));
            }
            switch (behaviour) {
                case DRIP -> {
                    drip(exchange);
                    return;
                }
                case HANG_AFTER_SITEINFO -> {
                    if (!siteinfo) {
                        sleepForever();
                        return;
                    }
                }
                case HUGE_SITEINFO, LARGE_VALID_SITEINFO -> {
                    if (siteinfo) {
                        large(exchange, behaviour == Behaviour.HUGE_SITEINFO ? 100 : 25);
                        return;
                    }
                }
                case TRANSIENT_THEN_FINE -> {
                    if (!siteinfo) {
                        int n = afterSiteinfo.incrementAndGet();
                        if (n == 1) {
                            send(exchange, 429, "text/html", "<html><body><h1>Too many requests</h1></body></html>", Map.of("Retry-After", "1"));
                            transientSent.merge("429", 1, Integer::sum);
                            return;
                        }
                        if (n == 2) {
                            send(exchange, 200, "application/json", "{\"error\":{\"code\":\"maxlag\",\"info\":\"Waiting for db1: 7 seconds lagged.\"}}",
                                    Map.of("Retry-After", "1", "X-Database-Lag", "7"));
                            transientSent.merge("maxlag", 1, Integer::sum);
                            return;
                        }
                    }
                }
                case SLOW_AFTER_SITEINFO -> {
                    if (!siteinfo) {
                        Thread.sleep(1000);
                    }
                }
                case UNAVAILABLE_AFTER_SITEINFO -> {
                    if (!siteinfo) {
                        send(exchange, 503, "text/html", "<html><head><title>503</title></head><body><p>Wiki down for maintenance until 12:00 UTC</p></body></html>",
                                Map.of("Retry-After", "1"));
                        return;
                    }
                }
                default -> {
                }
            }
            HttpResponse<String> answer = forward(exchange, requestBody);
            String body = rewrite(answer.body(), siteinfo, all, exchange);
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            answer.headers().firstValue("Set-Cookie").ifPresent(c -> headers.put("Set-Cookie", c));
            send(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("application/json"), body, headers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String rewrite(String body, boolean siteinfo, String all, HttpExchange exchange) throws IOException {
        if (!body.startsWith("{")) {
            return body;
        }
        JsonNode json = JSON.readTree(body);
        if (!(json instanceof ObjectNode root)) {
            return body;
        }
        if (siteinfo && behaviour == Behaviour.ESCAPES_IN_GENERATOR && root.path("query").path("general") instanceof ObjectNode general) {
            general.put("generator", "MediaWiki 1.39.0" + FAKE_SUMMARY + "\u001b]0;owned\u0007\n");
        }
        JsonNode requests = root.path("query").path("authmanagerinfo").path("requests");
        if (behaviour == Behaviour.HIDDEN_PASSWORD) {
            for (JsonNode r : requests) {
                JsonNode password = r.path("fields").path("password");
                if (password instanceof ObjectNode p) {
                    p.put("type", "hidden");
                    p.put("value", SERVER_PASSWORD);
                }
            }
        }
        if (behaviour == Behaviour.CANARIES) {
            for (JsonNode r : requests) {
                JsonNode info = r.path("fields").path("captchaInfo");
                if (info instanceof ObjectNode i) {
                    i.put("value", CAPTCHA_QUESTION);
                    i.put("label", CAPTCHA_QUESTION);
                }
            }
            if (requests.isArray()) {
                ObjectNode totp = ((com.fasterxml.jackson.databind.node.ArrayNode) requests).addObject();
                totp.put("id", "TOTPAuthenticationRequest").put("required", "optional").put("provider", "OATHAuth").put("account", "");
                totp.putObject("fields").putObject("OATHToken").put("type", "hidden").put("label", "Token")
                        .put("value", TOTP_CANARY).put("sensitive", "");
            }
            // A wiki that echoes what it was sent: the session cookie and the URL's query.
            root.putObject("echo").put("cookie", String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")))
                    .put("query", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery())
                    .put("planted", COOKIE_CANARY);
        }
        return JSON.writeValueAsString(root);
    }

    private HttpResponse<String> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI target = URI.create(stub.api() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
            request.header("Content-Type", type);
        }
        return forward.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void send(HttpExchange exchange, int status, String type, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (behaviour == Behaviour.CANARIES) {
            exchange.getResponseHeaders().add("Set-Cookie", "wikiTrack=" + COOKIE_CANARY + "; Path=/; HttpOnly");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void drip(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String body = "{\"batchcomplete\":\"\",\"query\":{\"general\":{\"generator\":\"MediaWiki 1.39.0\"}}}" + " ".repeat(100_000);
        for (int i = 0; i < body.length(); i++) {
            try {
                out.write(body.charAt(i));
                out.flush();
                Thread.sleep(5000);
            } catch (IOException | InterruptedException gone) {
                return;
            }
        }
    }

    private static void large(HttpExchange exchange, int megabytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);  // chunked: no Content-Length to refuse early
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"batchcomplete\":\"\",\"query\":{\"general\":{\"generator\":\"MediaWiki 1.39.0\",\"sitename\":\"Big\",\"padding\":\""
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < megabytes; i++) {
                out.write(chunk);
            }
            out.write("\"},\"extensions\":[]}}".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException gone) {
            // the client gave up at its cap: as it should
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String param(String all, String name) {
        for (String pair : all.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
