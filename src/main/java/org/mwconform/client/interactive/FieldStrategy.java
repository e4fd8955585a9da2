package org.mwconform.client.interactive;

import org.mwconform.client.AuthField;
import org.mwconform.client.AuthRequest;

import java.util.Optional;

/**
 * One way of answering a field the wiki asks for, like a CAPTCHA strategy: it looks at the announced field and
 * its request (metadata included) and answers, or declines. The extension point for fields an extension adds
 * (a terms-of-use checkbox, a provider's own fields): register an implementation in
 * {@code META-INF/services/org.mwconform.client.interactive.FieldStrategy} (a public class with a no-argument
 * constructor), and it answers the account-creation form ({@code org.mwconform.accounts.FieldStrategies}) and
 * the fields of UI and REDIRECT responses ({@link InteractiveProcedure}) alike; never a special case in the core.
 */
public interface FieldStrategy {

    /** The value to send, or empty when this strategy cannot answer this field. */
    Optional<String> answer(AuthRequest request, AuthField field);

    /** For evidence: "TOTP from the secret in the request's metadata", ... */
    String describe();
}
