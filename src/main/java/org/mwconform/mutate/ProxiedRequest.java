package org.mwconform.mutate;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request on its way through the {@link FaultInjectingProxy}: its query and form parameters, decoded, so a
 * mutant can read and rewrite them by name.
 */
public final class ProxiedRequest {
    private final String method;
    private final Map<String, String> query;
    private final Map<String, String> form;

    ProxiedRequest(String method, String rawQuery, String formBody) {
        this.method = method;
        this.query = decode(rawQuery);
        this.form = decode(formBody);
    }

    public String method() {
        return method;
    }

    /** A parameter from the form body, else from the query string. */
    public String param(String name) {
        return form.containsKey(name) ? form.get(name) : query.get(name);
    }

    public boolean has(String name) {
        return param(name) != null;
    }

    /** Whether a parameter holds this value, or lists it among values separated by "|". */
    public boolean lists(String name, String value) {
        String v = param(name);
        return v != null && java.util.Arrays.asList(v.split("\\|")).contains(value);
    }

    /** Sets a parameter where it was (the form body unless it came in the query string). */
    public void set(String name, String value) {
        if (query.containsKey(name) && !form.containsKey(name)) {
            query.put(name, value);
        } else {
            form.put(name, value);
        }
    }

    public void remove(String name) {
        query.remove(name);
        form.remove(name);
    }

    /** {@code action=createaccount}. */
    public boolean createsAccount() {
        return "createaccount".equals(param("action"));
    }

    String rawQuery() {
        return encode(query);
    }

    String formBody() {
        return encode(form);
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
