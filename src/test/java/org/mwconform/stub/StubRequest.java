package org.mwconform.stub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One api.php request as the modules see it: its method, the parameters of the query string and of the
 * POST body kept apart (mustpostparams needs to know where a parameter came from), and the session.
 */
record StubRequest(String method, Map<String, String> query, Map<String, String> body, WikiState.Session session) {

    static StubRequest of(String method, String rawQuery, String rawBody, WikiState.Session session) {
        return new StubRequest(method, decode(rawQuery), decode(rawBody), session);
    }

    boolean isPost() {
        return "POST".equalsIgnoreCase(method);
    }

    /** Query string and body together; the body wins, as in PHP's $_REQUEST. */
    Map<String, String> params() {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.putAll(body);
        return all;
    }

    String param(String name) {
        return params().get(name);
    }

    /** A parameter that is present and not empty. */
    boolean has(String name) {
        String value = param(name);
        return value != null && !value.isEmpty();
    }

    private static Map<String, String> decode(String form) {
        if (form == null || form.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
