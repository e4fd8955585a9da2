package org.mwconform.client.interactive;

import org.mwconform.client.AuthField;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.CreateAccountResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step 4 of the documented general procedure, for any provider, driven only by what the wiki announces:
 * <ul>
 *   <li>REDIRECT: the browser follows {@code redirecttarget} to the return URL; the fields passed to it
 *       answer the requests of the response ({@link #afterRedirect});</li>
 *   <li>UI: each field of the new requests is answered by the first {@link FieldStrategy} that can; a
 *       button is pressed only when chosen by name ({@link #afterUi}, {@link #press});</li>
 *   <li>RESTART: "the authentication worked but we don't have a linked user account. You might treat
 *       this as UI or as FAIL": {@link #restartAdvice}.</li>
 * </ul>
 * The result is the parameters to post with {@code createcontinue} (or {@code logincontinue}); the caller
 * adds the token and the flag. Fields no strategy answers are listed, never invented.
 */
public final class InteractiveProcedure {
    private static final Set<String> NOTHING_TO_SEND = Set.of("null", "button");
    private final List<FieldStrategy> strategies;
    private final BrowserRedirects browser;

    public InteractiveProcedure(BrowserRedirects browser, List<FieldStrategy> strategies) {
        this.browser = browser;
        this.strategies = List.copyOf(strategies);
    }

    /** The continuation's fields, and the required ones nobody here can answer ("field (request id)"). */
    public record Continuation(Map<String, String> fields, List<String> unanswerable) {
    }

    /** Follows the REDIRECT in a browser and answers its requests from the return URL. */
    public Redirected afterRedirect(CreateAccountResult redirect, String returnUrl) {
        if (redirect.redirecttarget() == null || redirect.redirecttarget().isBlank()) {
            throw new BrowserRedirects.RedirectFailed("the REDIRECT has no redirecttarget to send the browser to");
        }
        ReturnVisit visit = browser.follow(redirect.redirecttarget(), returnUrl);
        List<FieldStrategy> withReturned = new ArrayList<>();
        withReturned.add(new ReturnedParameters(visit.addedTo(returnUrl)));
        withReturned.addAll(strategies);
        return new Redirected(visit, fill(requests(redirect), withReturned));
    }

    /** The visit and what it answers. */
    public record Redirected(ReturnVisit visit, Continuation continuation) {
    }

    /** Answers a UI response's fields with the strategies; presses no button. */
    public Continuation afterUi(CreateAccountResult ui) {
        return fill(requests(ui), strategies);
    }

    /**
     * The requests to answer. With createmergerequestfields the fields come in one array beside the requests:
     * they are answered as one request carrying every request's metadata, required if any request is.
     */
    static List<AuthRequest> requests(CreateAccountResult result) {
        if (result.mergedFields() == null || result.mergedFields().isEmpty()) {
            return result.requests();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        result.requests().forEach(r -> metadata.putAll(r.metadata()));
        boolean required = result.requests().stream().anyMatch(r -> !"optional".equals(r.required()));
        return List.of(new AuthRequest("merged", required ? "required" : "optional", null, null, metadata,
                result.mergedFields(), Set.of("id", "required", "metadata", "fields")));
    }

    /** Presses the button named {@code name} among the announced requests, and sends nothing else. */
    public static Optional<Map<String, String>> press(List<AuthRequest> requests, String name) {
        return requests.stream().map(r -> r.fields().get(name)).filter(f -> f != null && "button".equals(f.type()))
                .findFirst().map(f -> Map.of(name, "1"));
    }

    /** What the documentation says a RESTART means and what a client may do with it. */
    public static String restartAdvice(CreateAccountResult restart) {
        return "RESTART: the authentication worked but there is no linked local account; treat it as UI or as FAIL"
                + (restart.canPreserveState() ? " (canpreservestate: createaccount with createpreservestate can continue from it)" : "");
    }

    private static Continuation fill(List<AuthRequest> requests, List<FieldStrategy> strategies) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> unanswerable = new ArrayList<>();
        for (AuthRequest request : requests) {
            for (AuthField field : request.fields().values()) {
                if (field.type() != null && NOTHING_TO_SEND.contains(field.type())) {
                    continue;
                }
                Optional<String> value = strategies.stream().map(s -> s.answer(request, field)).flatMap(Optional::stream).findFirst();
                if (value.isPresent()) {
                    fields.put(field.name(), value.get());
                } else if ("hidden".equals(field.type()) && field.value() != null) {
                    fields.put(field.name(), field.value());
                } else if (!"optional".equals(request.required()) && !field.optional()) {
                    unanswerable.add(field.name() + " (" + request.id() + ")");
                }
            }
        }
        return new Continuation(fields, List.copyOf(unanswerable));
    }

    public List<String> describeStrategies() {
        return strategies.stream().map(FieldStrategy::describe).toList();
    }
}
