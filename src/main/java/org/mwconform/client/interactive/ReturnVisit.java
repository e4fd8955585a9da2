package org.mwconform.client.interactive;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the browser came back: the return URL with what the flow added to it. Its query parameters are
 * "any fields passed to the return URL", to post with createcontinue (minus those createreturnurl had already).
 *
 * @param hops         the URLs requested on the way, in order
 * @param cookiesKept  how many cookies the browser held at the end (providers log their users in with one)
 */
public record ReturnVisit(URI url, Map<String, String> parameters, List<String> hops, int cookiesKept) {

    static ReturnVisit of(URI url, List<String> hops, int cookies) {
        return new ReturnVisit(url, query(url), List.copyOf(hops), cookies);
    }

    /** The decoded query parameters of a URL, in order; a repeated name keeps its last value. */
    public static Map<String, String> query(URI url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = url.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!name.isEmpty()) {
                parameters.put(name, value);
            }
        }
        return parameters;
    }

    /** The parameters the flow added: those the original return URL did not carry already. */
    public Map<String, String> addedTo(String returnUrl) {
        Map<String, String> added = new LinkedHashMap<>(parameters);
        query(URI.create(returnUrl)).keySet().forEach(added::remove);
        return added;
    }
}
