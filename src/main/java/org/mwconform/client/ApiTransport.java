package org.mwconform.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.NameValuePair;
import org.apache.http.client.config.CookieSpecs;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.client.utils.URIBuilder;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.NoConnectionReuseStrategy;
import org.apache.http.impl.client.BasicCookieStore;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.message.BasicNameValuePair;
import org.mwconform.deployments.ClientSettings;
import org.mwconform.secrets.SecretMasker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One browser-like session against one api.php: its own cookies, and a record of every exchange, masked,
 * for the report. It never waits longer than the deployment's request deadline (connecting, sending and
 * reading the whole answer), never reads more than the size cap, waits out transient answers (maxlag,
 * HTTP 429 and 503) a bounded number of times, and registers every secret it meets with the masker
 * before anything can be written: the URL's userinfo and query values, every cookie value.
 * <p>
 * A wiki that does not answer (it restarts, reloads, or comes up late) is asked again, with backoff, for as long as the
 * deployment's patience lasts ({@link ClientSettings#patience()}): a refused connection or any request that was never
 * sent always, and a read ({@link #changesNothing}) after a reset or a timeout too. A request that may have changed the
 * wiki (an {@code action=createaccount} that was sent) is never sent again: its scenario ends in error, the evidence
 * saying that its outcome is unknown. Only when the patience is spent does the deployment's {@link TargetBreaker} open;
 * the next answer any session gets closes it. Apache HttpClient's own retries are off: this is the one place that decides.
 * <p>
 * Apache HttpClient is driven directly (REST Assured wraps it) because an overall deadline needs
 * {@code abort()} and a size cap needs the stream.
 */
public final class ApiTransport {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            // The size cap bounds an answer; Jackson's own 20 MB string limit would call a valid large answer malformed.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());
    /** Aborts requests whose deadline passed; daemon, so it never keeps a process alive. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mwconform-request-deadlines");
        t.setDaemon(true);
        return t;
    });
    private static final int REASON_LENGTH = 200;

    private final URI api;
    private final URI endpoint;
    private final Map<String, String> targetQuery;
    private final String shownApi;
    private final String basicAuth;
    private final SecretMasker masker;
    private final ClientSettings settings;
    private final TargetBreaker breaker;
    private final WriteGuard guard;
    private final CloseableHttpClient client;
    private final HttpClientContext context = HttpClientContext.create();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    public ApiTransport(URI api, SecretMasker masker) {
        this(api, masker, null);
    }

    /** @param source the local address to send from (a loopback address of the scenario's own), or null */
    public ApiTransport(URI api, SecretMasker masker, InetAddress source) {
        this(api, masker, source, ClientSettings.DEFAULT, TargetBreaker.none());
    }

    /** A session that reads only: every write is refused ({@link WriteGuard#readsOnly}). */
    public ApiTransport(URI api, SecretMasker masker, InetAddress source, ClientSettings settings, TargetBreaker breaker) {
        this(api, masker, source, settings, breaker, WriteGuard.readsOnly());
    }

    public ApiTransport(URI api, SecretMasker masker, InetAddress source, ClientSettings settings, TargetBreaker breaker,
                        WriteGuard guard) {
        this.guard = guard;
        this.api = api;
        this.masker = masker;
        this.settings = settings;
        this.breaker = breaker;
        masker.registerUrl(api);
        this.shownApi = SecretMasker.redactUrl(api.toString());
        this.targetQuery = queryOf(api);
        this.endpoint = withoutUserInfoAndQuery(api);
        this.basicAuth = api.getUserInfo() == null ? null
                : masker.register("Basic " + masker.register(Base64.getEncoder().encodeToString(api.getUserInfo().getBytes(StandardCharsets.UTF_8))));
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, TimeUnit.SECONDS.toMillis(settings.requestTimeoutSeconds()));
        RequestConfig.Builder config = RequestConfig.custom().setConnectTimeout(timeoutMs).setSocketTimeout(timeoutMs)
                .setConnectionRequestTimeout(timeoutMs).setRedirectsEnabled(false).setCookieSpec(CookieSpecs.STANDARD);
        if (source != null) {
            config.setLocalAddress(source);
        }
        context.setCookieStore(new BasicCookieStore());
        // One connection per request, as a fresh client would: a kept-alive socket can tie up a single-process test server.
        this.client = HttpClients.custom().setDefaultRequestConfig(config.build()).disableRedirectHandling()
                .setConnectionManager(connections(api))
                .setConnectionReuseStrategy(NoConnectionReuseStrategy.INSTANCE).setUserAgent(settings.userAgentHeader())
                .disableAutomaticRetries()
                .build();
    }

    public URI api() {
        return api;
    }

    /**
     * The session's connections: plain HTTP, and TLS only for an https wiki (building the TLS context costs a good part
     * of a short run, and a local wiki never needs it). Unbounded, as each scenario's session is its own client.
     */
    private static PoolingHttpClientConnectionManager connections(URI api) {
        RegistryBuilder<ConnectionSocketFactory> sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory());
        if ("https".equalsIgnoreCase(api.getScheme())) {
            sockets.register("https", SSLConnectionSocketFactory.getSystemSocketFactory());
        }
        PoolingHttpClientConnectionManager manager = new PoolingHttpClientConnectionManager(sockets.build());
        manager.setMaxTotal(64);
        manager.setDefaultMaxPerRoute(64);
        return manager;
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
        breaker.check();
        Map<String, String> everything = new LinkedHashMap<>(targetQuery);
        everything.putAll(params);
        everything.putAll(queryOnly);
        guard.check(everything, "https".equalsIgnoreCase(api.getScheme()));  // every request leaves through here
        Map<String, String> all = withJsonFormat(params);
        Integer maxlag = settings.maxlagFor(api);
        if (maxlag != null) {
            all.putIfAbsent("maxlag", String.valueOf(maxlag));
        }
        Map<String, String> query = new LinkedHashMap<>(targetQuery);
        query.putAll(queryOnly);
        String method = placement == Placement.GET_QUERY ? "GET" : "POST";
        String shownUrl = shownApi + (queryOnly.isEmpty() ? "" : (shownApi.contains("?") ? "&" : "?") + query(queryOnly));
        Patience patience = new Patience(settings.patience());
        for (int attempt = 0; ; ) {
            Raw raw;
            try {
                raw = execute(placement, all, query);
            } catch (NoAnswer none) {
                Map<String, String> sent = new LinkedHashMap<>(query);
                sent.putAll(all);
                boolean mayResend = !none.sent || changesNothing(all);
                long wait = mayResend ? patience.nextWait() : -1;
                exchanges.add(new Exchange(purpose + " — no answer: " + none.reason + (!mayResend
                        ? "; the request was sent, so its outcome is unknown, and it is not sent again (it may have changed the wiki)"
                        : wait >= 0 ? "; asked again in " + wait + " ms (patience " + seconds(patience.budget) + " s)"
                        : "; patience of " + seconds(patience.budget) + " s spent"),
                        method, shownUrl, sent, 0, null, "", none.millis));
                if (!mayResend) {
                    throw new TargetUnusableException(masker.mask("outcome unknown: " + describeAction(all) + " was sent to " + shownApi
                            + " and no answer came (" + none.reason + "); it is not sent again, since it may have changed the wiki"), none.getCause());
                }
                if (wait < 0) {
                    breaker.check();  // another session gave up first: its reason, so the console shows one line
                    String reason = none.reason + (patience.asked > 1 ? "; still no answer after the patience of "
                            + seconds(patience.budget) + " s (--patience, patience:)" : "");
                    breaker.trip(masker.mask(reason));
                    throw new TargetUnusableException(masker.mask(reason), none.getCause());
                }
                breaker.check();
                sleep(wait);
                continue;
            }
            Transient trouble = transientAnswer(raw);
            if (trouble == null) {
                breaker.close();  // an answer: the wiki is back for every session of the deployment
            }
            if (record || trouble != null) {
                Map<String, String> sent = new LinkedHashMap<>(query);
                sent.putAll(all);
                String what = purpose + (attempt == 0 ? "" : " (retry " + attempt + " of " + settings.retries() + ")")
                        + (trouble == null ? "" : " — transient answer: " + trouble.what() + ", retry after " + trouble.delaySeconds() + " s");
                exchanges.add(new Exchange(what, method, shownUrl, sent, raw.status(), raw.contentType(), raw.body(), raw.millis()));
            }
            if (trouble == null) {
                return new ApiResponse(raw.status(), raw.contentType(), parse(raw.status(), raw.contentType(), raw.body()), raw.servedBy());
            }
            if (attempt >= settings.retries() || trouble.delaySeconds() > settings.maxRetryAfterSeconds()) {
                String reason = "transient answers did not end: " + shownApi + " answered " + trouble.what()
                        + (attempt == 0 ? "" : " after " + attempt + " retries")
                        + (trouble.delaySeconds() > settings.maxRetryAfterSeconds()
                            ? " and asks to wait " + trouble.delaySeconds() + " s, more than client.maxRetryAfterSeconds (" + settings.maxRetryAfterSeconds() + ")"
                            : "")
                        + ": " + trouble.reason();
                breaker.trip(masker.mask(reason));
                throw new TargetUnusableException(masker.mask(reason));
            }
            sleep(TimeUnit.SECONDS.toMillis(trouble.delaySeconds()));
            attempt++;
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetUnusableException("interrupted while waiting to retry " + shownApi);
        }
    }

    /**
     * The actions that only read, documented as such (every {@code action=query} module the scenarios use: tokens,
     * list=users, list=logevents, authmanagerinfo, siteinfo; and paraminfo): sending one again cannot create anything.
     * Told by the action, not the method: a scenario may send a write as GET on purpose, to see the wiki refuse it.
     */
    static boolean changesNothing(Map<String, String> params) {
        String action = params.get("action");
        return "query".equals(action) || "paraminfo".equals(action) || "help".equals(action);
    }

    private static String describeAction(Map<String, String> params) {
        return "action=" + params.getOrDefault("action", "(none)");
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(Math.round(s * 10) / 10.0);
    }

    /**
     * The patience of one request: from its first unanswered attempt, waits of 100 ms doubling to 2 s, the last one cut
     * so that the final attempt falls at the end of the budget.
     */
    private static final class Patience {
        private static final long FIRST_WAIT_MS = 100;
        private static final long LONGEST_WAIT_MS = 2000;
        private final long budget;
        private long firstFailure;
        private int asked;

        Patience(Duration budget) {
            this.budget = budget.toNanos();
        }

        /** How long to wait before asking again, or -1 when the budget is spent. */
        long nextWait() {
            long now = System.nanoTime();
            if (asked++ == 0) {
                firstFailure = now;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(budget - (now - firstFailure));
            if (left <= 0) {
                return -1;
            }
            long backoff = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS << Math.min(10, asked - 1));
            return Math.min(backoff, left);
        }
    }

    /** No answer came: the reason as one line, whether the request had been sent, and how long the attempt took. */
    private static final class NoAnswer extends Exception {
        private final String reason;
        private final boolean sent;
        private final long millis;

        NoAnswer(String reason, boolean sent, long millis, IOException cause) {
            super(reason, cause, false, false);
            this.reason = reason;
            this.sent = sent;
            this.millis = millis;
        }
    }

    private record Raw(int status, String contentType, String body, Header retryAfter, long millis, String servedBy) {
    }

    /** A transient answer: what it was, how long the wiki asks to wait, and the wiki's own reason. */
    private record Transient(String what, long delaySeconds, String reason) {
    }

    private Raw execute(Placement placement, Map<String, String> params, Map<String, String> query) throws NoAnswer {
        HttpRequestBase request;
        try {
            URIBuilder uri = new URIBuilder(endpoint);
            query.forEach(uri::addParameter);
            if (placement == Placement.GET_QUERY) {
                params.forEach(uri::addParameter);
                request = new HttpGet(uri.build());
            } else {
                HttpPost post = new HttpPost(uri.build());
                List<NameValuePair> form = new ArrayList<>();
                params.forEach((k, v) -> form.add(new BasicNameValuePair(k, v)));
                post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
                request = post;
            }
        } catch (URISyntaxException e) {
            throw new TargetUnusableException("cannot build a request to " + shownApi + ": " + e.getMessage());
        }
        if (basicAuth != null) {
            request.setHeader("Authorization", basicAuth);
        }
        AtomicBoolean expired = new AtomicBoolean();
        HttpRequestBase aborted = request;
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            expired.set(true);
            aborted.abort();
        }, settings.requestTimeoutSeconds(), TimeUnit.SECONDS);
        long start = System.nanoTime();
        // The session's cookies, and of this attempt alone whether the request left: HttpClient marks it sent once flushed.
        HttpClientContext attempt = HttpClientContext.adapt(new org.apache.http.protocol.BasicHttpContext(context));
        try (CloseableHttpResponse response = client.execute(request, attempt)) {
            for (Header cookie : response.getHeaders("Set-Cookie")) {
                registerCookie(cookie.getValue());
            }
            HttpEntity entity = response.getEntity();
            Header type = response.getFirstHeader("Content-Type");
            String contentType = type == null ? null : type.getValue();
            String body = entity == null ? "" : read(entity, contentType, request);
            Header servedBy = response.getFirstHeader(ApiResponse.SERVED_BY);
            return new Raw(response.getStatusLine().getStatusCode(), contentType, body, response.getFirstHeader("Retry-After"),
                    (System.nanoTime() - start) / 1_000_000, servedBy == null ? null : servedBy.getValue());
        } catch (IOException e) {
            // The socket's own timeouts (connect, read) equal the overall deadline and may fire first under load.
            boolean timedOut = expired.get() || e instanceof java.io.InterruptedIOException;
            String reason = timedOut
                    ? "timeout: " + shownApi + " gave no complete answer within " + settings.requestTimeoutSeconds()
                      + " s (client.requestTimeoutSeconds)"
                    : "unreachable: cannot reach " + shownApi + ": " + rootMessage(e);
            if (e instanceof java.net.UnknownHostException || rootOf(e) instanceof java.net.UnknownHostException) {
                // No such host: a name that does not resolve does not come back within seconds; not a restart.
                breaker.trip(masker.mask(reason));
                throw new TargetUnusableException(masker.mask(reason), e);
            }
            throw new NoAnswer(masker.mask(reason), attempt.isRequestSent(), (System.nanoTime() - start) / 1_000_000, e);
        } finally {
            deadline.cancel(false);
        }
    }

    /** The body, up to the cap; a larger one is abandoned, never drained. */
    private String read(HttpEntity entity, String contentType, HttpRequestBase request) throws IOException {
        long cap = settings.maxResponseBytes();
        if (entity.getContentLength() > cap) {
            request.abort();
            throw tooLarge(entity.getContentLength() + " bytes");
        }
        InputStream in = entity.getContent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > cap) {
                request.abort();
                throw tooLarge("more than " + cap + " bytes");
            }
            out.write(buffer, 0, n);
        }
        Charset charset = StandardCharsets.UTF_8;
        try {
            ContentType parsed = contentType == null ? null : ContentType.parse(contentType);
            if (parsed != null && parsed.getCharset() != null) {
                charset = parsed.getCharset();
            }
        } catch (RuntimeException e) {
            // an unparseable content type: UTF-8, as api.php always sends
        }
        return out.toString(charset);
    }

    private TargetUnusableException tooLarge(String size) {
        String reason = "too large: " + shownApi + " answered " + size + ", over the cap of " + settings.maxResponseBytes()
                + " bytes (client.maxResponseBytes)";
        breaker.trip(reason);
        return new TargetUnusableException(reason);
    }

    /** A cookie's value is a secret from the moment the wiki sets it: it is a session. */
    private void registerCookie(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq >= 0) {
            String value = pair.substring(eq + 1).strip();
            masker.register(value);
            if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                masker.register(value.substring(1, value.length() - 1));
            }
        }
    }

    /** MediaWiki's maxlag error, and HTTP 429 and 503, ask the client to come back later. */
    private Transient transientAnswer(Raw raw) {
        boolean json = raw.contentType() != null && raw.contentType().toLowerCase(Locale.ROOT).contains("json");
        JsonNode error = null;
        if (json && raw.body().contains("\"error\"")) {
            try {
                error = JSON.readTree(raw.body()).get("error");
            } catch (JsonProcessingException e) {
                error = null;
            }
        }
        boolean maxlag = error != null && "maxlag".equals(ApiResponse.text(error, "code"));
        if (!maxlag && raw.status() != 429 && raw.status() != 503) {
            return null;
        }
        String reason = error != null && ApiResponse.text(error, "info") != null ? ApiResponse.text(error, "info") : plainText(raw.body());
        String what = maxlag ? "error maxlag (HTTP " + raw.status() + ")" : "HTTP " + raw.status();
        return new Transient(what, retryAfterSeconds(raw.retryAfter(), maxlag ? 5 : 2), reason.isBlank() ? "(no reason given)" : reason);
    }

    /** Retry-After in seconds or as an HTTP date (RFC 9110); the default when absent or unreadable. */
    private static long retryAfterSeconds(Header header, long fallback) {
        if (header == null || header.getValue() == null) {
            return fallback;
        }
        String value = header.getValue().strip();
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toSeconds());
            } catch (RuntimeException notADate) {
                return fallback;
            }
        }
    }

    /** A server's page as one short line of its text. */
    private static String plainText(String body) {
        String text = body == null ? "" : body.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ")
                .replaceAll("\\s+", " ").strip();
        return text.length() > REASON_LENGTH ? text.substring(0, REASON_LENGTH) + "…" : text;
    }

    private JsonNode parse(int status, String contentType, String body) {
        if (status >= 500) {
            throw new TargetUnusableException(shownApi + " answered HTTP " + status + " (" + describe(contentType) + ")");
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new TargetUnusableException(shownApi + " answered " + describe(contentType) + " (HTTP " + status
                    + "), not JSON: is this the wiki's api.php?");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new TargetUnusableException(shownApi + " answered an empty body (HTTP " + status + ")");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new TargetUnusableException(shownApi + " answered malformed JSON (HTTP " + status + "): "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private Map<String, String> maskForm(Map<String, String> form) {
        Map<String, String> masked = new LinkedHashMap<>();
        form.forEach((k, v) -> masked.put(k, masker.maskValue(k, v)));
        return masked;
    }

    private static String query(Map<String, String> query) {
        List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join("&", pairs);
    }

    /** Query-string values of secret-named parameters are masked like form values. */
    private String maskedUrl(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            pairs.add(eq < 0 ? pair : pair.substring(0, eq + 1) + masker.maskValue(pair.substring(0, eq), pair.substring(eq + 1)));
        }
        return url.substring(0, q + 1) + String.join("&", pairs);
    }

    private static Map<String, String> queryOf(URI api) {
        Map<String, String> query = new LinkedHashMap<>();
        if (api.getRawQuery() != null) {
            for (String pair : api.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static URI withoutUserInfoAndQuery(URI api) {
        try {
            return new URI(api.getScheme(), null, api.getHost(), api.getPort(), api.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new TargetUnusableException("not a usable api.php URL: " + SecretMasker.redactUrl(api.toString()));
        }
    }

    /**
     * JSON, and texts in a pinned language: the scenarios compare messages and error infos with the
     * documentation's English, so every request asks for English (uselang for messages, errorlang for errors)
     * instead of taking the wiki's content language or the user's preference.
     */
    private static Map<String, String> withJsonFormat(Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putIfAbsent("format", "json");
        all.putIfAbsent("uselang", PINNED_LANGUAGE);
        all.putIfAbsent("errorlang", PINNED_LANGUAGE);
        return all;
    }

    /** The language of every text the harness compares. */
    public static final String PINNED_LANGUAGE = "en";

    private static String describe(String contentType) {
        return contentType == null || contentType.isBlank() ? "no content type" : contentType;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = rootOf(e);
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
