package org.mwconform.client.interactive;

import org.mwconform.client.AuthField;
import org.mwconform.client.AuthRequest;

import java.util.Optional;

/**
 * One way of answering a field a UI or REDIRECT response asks for, like a CAPTCHA strategy: it looks at the
 * announced field and its request (metadata included) and answers, or declines. The extension point for
 * a provider's own fields: add a strategy to {@link InteractiveProcedure}, never a special case.
 */
public interface FieldStrategy {

    /** The value to send, or empty when this strategy cannot answer this field. */
    Optional<String> answer(AuthRequest request, AuthField field);

    /** For evidence: "TOTP from the secret in the request's metadata", ... */
    String describe();
}
