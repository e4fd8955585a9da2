package org.mwconform.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.mwconform.secrets.SecretMasker;

import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * One browser-like session against one api.php: its own cookies, its own REST Assured
 * specification (never RestAssured's static configuration, which leaks between scenarios),
 * and a record of every exchange, masked, for the report.
 */
public final class ApiTransport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MS = 30_000;

    private final URI api;
    private final SecretMasker masker;
    private final RequestSpecification spec;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    public ApiTransport(URI api, SecretMasker masker) {
        this(api, masker, null);
    }

    /** @param source the local address to send from (a loopback address of the scenario's own), or null */
    public ApiTransport(URI api, SecretMasker masker, InetAddress source) {
        this.api = api;
        this.masker = masker;
        HttpClientConfig http = HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", TIMEOUT_MS)
                .setParam("http.socket.timeout", TIMEOUT_MS);
        if (source != null) {
            http = http.setParam("http.route.local-address", source);
        }
        RestAssuredConfig config = RestAssuredConfig.config()
                .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                .httpClient(http);
        this.spec = new RequestSpecBuilder()
                .setBaseUri(api.toString())
                .setConfig(config)
                .addFilter(new CookieFilter())
                .addHeader("User-Agent", "mwconform/0.1 (conformance harness; account creation)")
                .build();
    }

    public URI api() {
        return api;
    }

    /**
     * Every exchange of this session so far, masked now rather than when recorded: a secret is often
     * learnt from the very response that carries it (a token), so only now are all secrets known.
     */
    public List<Exchange> exchanges() {
        return exchanges.stream().map(e -> new Exchange(e.purpose(), e.method(), masker.mask(maskedUrl(e.url())),
                maskForm(e.form()), e.status(), e.contentType(), masker.mask(e.body()), e.millis())).toList();
    }

    /** How many exchanges this session has recorded so far (to place another agent's, a browser's, among them). */
    public int exchangeCount() {
        return exchanges.size();
    }

    /** How a request travels: the documented POST body, or the ways clients get it wrong. */
    public enum Placement { POST_BODY, GET_QUERY }

    public ApiResponse send(String purpose, Placement placement, Map<String, String> params,
                            Map<String, String> queryOnly, boolean record) {
        Map<String, String> all = withJsonFormat(params);
        long start = System.nanoTime();
        Response response;
        try {
            RequestSpecification request = RestAssured.given(spec).queryParams(queryOnly);
            response = placement == Placement.GET_QUERY
                    ? request.queryParams(all).get()
                    : request.formParams(all).post();
        } catch (Exception e) {
            // REST Assured is Groovy: it throws checked exceptions (ConnectException) undeclared.
            throw new TargetUnusableException("unreachable: cannot reach " + api + ": " + rootMessage(e), e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String body = response.asString();
        String contentType = response.getContentType();
        if (record) {
            Map<String, String> sent = new LinkedHashMap<>(queryOnly);
            sent.putAll(all);
            exchanges.add(new Exchange(purpose, placement == Placement.GET_QUERY ? "GET" : "POST",
                    api + (queryOnly.isEmpty() ? "" : "?" + query(queryOnly)), sent, response.getStatusCode(),
                    contentType, body, millis));
        }
        return new ApiResponse(response.getStatusCode(), contentType, parse(response.getStatusCode(), contentType, body));
    }

    private JsonNode parse(int status, String contentType, String body) {
        if (status >= 500) {
            throw new TargetUnusableException(api + " answered HTTP " + status + " (" + describe(contentType) + ")");
        }
        if (contentType == null || !contentType.toLowerCase().contains("json")) {
            throw new TargetUnusableException(api + " answered " + describe(contentType) + " (HTTP " + status
                    + "), not JSON: is this the wiki's api.php?");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TargetUnusableException(api + " answered malformed JSON (HTTP " + status + ")");
        }
    }

    private Map<String, String> maskForm(Map<String, String> form) {
        Map<String, String> masked = new LinkedHashMap<>();
        form.forEach((k, v) -> masked.put(k, masker.maskValue(k, v)));
        return masked;
    }

    private static String query(Map<String, String> query) {
        return query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /** Query-string values of secret-named parameters are masked like form values. */
    private String maskedUrl(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        return url.substring(0, q + 1) + java.util.Arrays.stream(url.substring(q + 1).split("&"))
                .map(pair -> {
                    int eq = pair.indexOf('=');
                    return eq < 0 ? pair : pair.substring(0, eq + 1) + masker.maskValue(pair.substring(0, eq), pair.substring(eq + 1));
                }).collect(Collectors.joining("&"));
    }

    private static Map<String, String> withJsonFormat(Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putIfAbsent("format", "json");
        return all;
    }

    private static String describe(String contentType) {
        return contentType == null || contentType.isBlank() ? "no content type" : contentType;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
