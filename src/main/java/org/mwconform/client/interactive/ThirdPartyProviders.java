package org.mwconform.client.interactive;

import org.mwconform.client.AuthRequest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a client tells, from the announced requests alone, that a provider is chosen rather than filled in:
 * a {@code primary-required} request whose fields are all buttons ("Log in with ..."). Choosing it means
 * pressing its button and leaving out the other primary-required requests' own fields (a password).
 */
public final class ThirdPartyProviders {
    private ThirdPartyProviders() {
    }

    public static Optional<AuthRequest> first(List<AuthRequest> requests) {
        return requests.stream().filter(ThirdPartyProviders::isChosenByButton).findFirst();
    }

    static boolean isChosenByButton(AuthRequest request) {
        return "primary-required".equals(request.required()) && !request.fields().isEmpty()
                && request.fields().values().stream().allMatch(f -> "button".equals(f.type()));
    }

    /** For evidence: "id [required: field, field]; ...". */
    public static String describe(List<AuthRequest> requests) {
        return requests.stream().map(r -> r.id() + " [" + r.required() + ": " + String.join(", ", r.fields().keySet()) + "]")
                .collect(Collectors.joining("; "));
    }
}
