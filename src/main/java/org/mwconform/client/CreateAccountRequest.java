package org.mwconform.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of one createaccount POST, built from announced fields, plus the
 * flow parameters (createreturnurl / createcontinue, createmessageformat).
 * Immutable: each "with" returns a changed copy, so a scenario can bend one thing at a time.
 */
public final class CreateAccountRequest {
    private final Map<String, String> fields;

    private CreateAccountRequest(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
    }

    public static CreateAccountRequest of(Map<String, String> fields) {
        return new CreateAccountRequest(new LinkedHashMap<>(fields));
    }

    public CreateAccountRequest with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(name, value);
        return new CreateAccountRequest(changed);
    }

    public CreateAccountRequest without(String name) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.remove(name);
        return new CreateAccountRequest(changed);
    }

    public String get(String name) {
        return fields.get(name);
    }

    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("action", "createaccount");
        params.putAll(fields);
        return params;
    }
}
