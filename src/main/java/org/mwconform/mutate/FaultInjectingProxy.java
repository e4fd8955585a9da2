package org.mwconform.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on 127.0.0.1 in front of one api.php that injects a {@link Mutant}. It forwards each request
 * with its cookies, and, for a wiki on this machine, from the same loopback address the client used, so
 * per-IP throttles and blocks stay per scenario as they are without it. Without a mutant it changes nothing.
 */
public final class FaultInjectingProxy implements AutoCloseable {
    private static final ObjectMapper JSON = org.mwconform.client.JsonReading.MAPPER;
    private static final List<String> REQUEST_HEADERS = List.of("Cookie", "User-Agent");
    private static final List<String> ANSWER_HEADERS = List.of("Set-Cookie", "Cache-Control", "Expires", "MediaWiki-API-Error");

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final CloseableHttpClient http = HttpClients.custom().disableCookieManagement().disableRedirectHandling()
            .disableAutomaticRetries().setMaxConnTotal(64).setMaxConnPerRoute(64).build();
    private volatile Mutant mutant;

    private FaultInjectingProxy(URI upstream, Mutant mutant) throws IOException {
        this.upstream = upstream;
        this.mutant = mutant;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** @param mutant the defect to inject, or null to pass everything through unchanged */
    public static FaultInjectingProxy start(URI upstream, Mutant mutant) throws IOException {
        return new FaultInjectingProxy(upstream, mutant);
    }

    /** The api.php the harness talks to instead of the wiki's own. */
    public URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + upstream.getRawPath());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ProxiedRequest request = new ProxiedRequest(method, exchange.getRequestURI().getRawQuery(), "POST".equals(method) ? body : "");
            Mutant m = mutant;
            if (m != null) {
                m.request(request);
            }
            String query = request.rawQuery();
            URI target = URI.create(upstream.toString() + (query.isEmpty() ? "" : "?" + query));
            HttpRequestBase forward;
            if ("POST".equals(method)) {
                HttpPost post = new HttpPost(target);
                post.setEntity(new StringEntity(request.formBody(), ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8)));
                forward = post;
            } else {
                forward = new HttpGet(target);
            }
            for (String name : REQUEST_HEADERS) {
                List<String> values = exchange.getRequestHeaders().get(name);
                if (values != null) {
                    values.forEach(v -> forward.addHeader(name, v));
                }
            }
            InetAddress from = exchange.getRemoteAddress().getAddress();
            RequestConfig.Builder config = RequestConfig.custom().setConnectTimeout(30_000).setSocketTimeout(60_000);
            if (from.isLoopbackAddress() && InetAddress.getByName(upstream.getHost()).isLoopbackAddress()) {
                config.setLocalAddress(from);
            }
            forward.setConfig(config.build());
            HttpResponse response = http.execute(forward);
            byte[] answer = EntityUtils.toByteArray(response.getEntity());
            String contentType = response.getEntity() == null || response.getEntity().getContentType() == null ? null
                    : response.getEntity().getContentType().getValue();
            if (m != null && contentType != null && contentType.contains("json")) {
                answer = mutate(m, request, answer);
            }
            for (String name : ANSWER_HEADERS) {
                for (Header h : response.getHeaders(name)) {
                    exchange.getResponseHeaders().add(name, h.getValue());
                }
            }
            if (contentType != null) {
                exchange.getResponseHeaders().add("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(response.getStatusLine().getStatusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (IOException | RuntimeException e) {
            byte[] error = ("mwconform proxy: " + e.getClass().getSimpleName()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, error.length);
            exchange.getResponseBody().write(error);
        }
    }

    private static byte[] mutate(Mutant mutant, ProxiedRequest request, byte[] answer) {
        try {
            JsonNode json = JSON.readTree(answer);
            if (!(json instanceof ObjectNode object)) {
                return answer;
            }
            mutant.answer(request, object);
            return JSON.writeValueAsBytes(object);
        } catch (IOException e) {
            return answer;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            http.close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }
}
