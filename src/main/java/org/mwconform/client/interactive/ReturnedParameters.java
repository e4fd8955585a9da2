package org.mwconform.client.interactive;

import org.mwconform.client.AuthField;
import org.mwconform.client.AuthRequest;

import java.util.Map;
import java.util.Optional;

/** After a REDIRECT: "any fields passed to the return URL" answer the fields of the same name. */
public final class ReturnedParameters implements FieldStrategy {
    private final Map<String, String> returned;

    public ReturnedParameters(Map<String, String> returned) {
        this.returned = Map.copyOf(returned);
    }

    @Override
    public Optional<String> answer(AuthRequest request, AuthField field) {
        return Optional.ofNullable(returned.get(field.name()));
    }

    @Override
    public String describe() {
        return "the parameters passed to the return URL " + returned.keySet();
    }
}
