package org.mwconform.client.interactive;

import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.CookieSpecs;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.impl.client.BasicCookieStore;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.mwconform.client.Exchange;
import org.mwconform.client.TargetUnusableException;
import org.mwconform.secrets.SecretMasker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Direct the user to the redirecttarget and wait for the return to createreturnurl": what a browser
 * (or web view) does with a REDIRECT. It keeps its own cookies, by host as browsers do (RFC 6265; never
 * the API session's: the web view is another user agent), follows each 3xx itself, and stops at the
 * first hop that points at the return URL without requesting it: the client takes control back there.
 * A hop that is neither a redirect nor the return URL (an error page, a login form) ends it: the
 * provider wants a human, and the flow cannot go on unattended.
 */
public final class BrowserRedirects {
    private static final int MAX_HOPS = 20;
    private static final int TIMEOUT_MS = 30_000;

    private final SecretMasker masker;
    private final InetAddress source;
    private final Consumer<Exchange> record;

    /**
     * @param source the local address to send from (the scenario's own loopback address), or null
     * @param record receives every hop, for the evidence (masked when the report is written)
     */
    public BrowserRedirects(SecretMasker masker, InetAddress source, Consumer<Exchange> record) {
        this.masker = masker;
        this.source = source;
        this.record = record;
    }

    /** Follows {@code target} until a hop points at {@code returnUrl}; its query parameters are registered as secrets (codes, states). */
    public ReturnVisit follow(String target, String returnUrl) {
        URI returnTo = URI.create(returnUrl);
        BasicCookieStore cookies = new BasicCookieStore();
        RequestConfig config = RequestConfig.custom().setRedirectsEnabled(false).setCookieSpec(CookieSpecs.STANDARD)
                .setConnectTimeout(TIMEOUT_MS).setSocketTimeout(TIMEOUT_MS).setLocalAddress(source).build();
        List<String> hops = new ArrayList<>();
        try (CloseableHttpClient browser = HttpClients.custom().setDefaultRequestConfig(config)
                .setDefaultCookieStore(cookies).setUserAgent("mwconform/0.1 (browser stand-in)").build()) {
            URI next = URI.create(target);
            for (int hop = 0; hop < MAX_HOPS; hop++) {
                if (isReturn(next, returnTo)) {
                    ReturnVisit visit = ReturnVisit.of(next, hops, cookies.getCookies().size());
                    visit.parameters().values().forEach(masker::register);
                    return visit;
                }
                hops.add(next.toString());
                HttpClientContext context = HttpClientContext.create();
                long start = System.nanoTime();
                HttpResponse response = browser.execute(new HttpGet(next), context);
                int status = response.getStatusLine().getStatusCode();
                Header location = response.getFirstHeader("Location");
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
                Header type = response.getFirstHeader("Content-Type");
                record.accept(new Exchange("browser: follow the redirect (hop " + (hop + 1) + ")", "GET", next.toString(), Map.of(),
                        status, type == null ? null : type.getValue(), status / 100 == 3 ? "Location: " + (location == null ? "" : location.getValue()) : body,
                        (System.nanoTime() - start) / 1_000_000));
                if (status / 100 != 3 || location == null) {
                    throw new RedirectFailed("the browser stopped at " + describe(next) + ": HTTP " + status
                            + " without a redirect, before returning to createreturnurl " + returnUrl);
                }
                next = next.resolve(location.getValue().trim());
            }
            throw new RedirectFailed("more than " + MAX_HOPS + " redirects without returning to createreturnurl " + returnUrl);
        } catch (IOException e) {
            throw new TargetUnusableException("unreachable: the browser cannot reach " + describe(URI.create(target)) + ": " + e, e);
        }
    }

    /** Same scheme, host, port and path as the return URL: its query is the answer, never requested. */
    static boolean isReturn(URI hop, URI returnTo) {
        return eq(hop.getScheme(), returnTo.getScheme()) && eq(hop.getHost(), returnTo.getHost())
                && hop.getPort() == returnTo.getPort() && eq(path(hop), path(returnTo));
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    private static String describe(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
    }

    /** The redirect chain did not come back: a conformance failure of the provider, not an unusable target. */
    public static final class RedirectFailed extends RuntimeException {
        public RedirectFailed(String oneLine) {
            super(oneLine);
        }
    }
}
