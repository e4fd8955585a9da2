package org.example.acceptterms;

import org.mwconform.client.AuthField;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.interactive.FieldStrategy;

import java.util.Optional;

/**
 * Answers the checkbox AcceptTerms adds to account creation, so every scenario that creates an account, the core
 * contract's included, runs on a wiki with the extension. Registered in
 * META-INF/services/org.mwconform.client.interactive.FieldStrategy.
 */
public final class AcceptTermsField implements FieldStrategy {
    public static final String REQUEST_ID = "AcceptTermsAuthenticationRequest";
    public static final String FIELD = "acceptterms";
    /** What a browser sends for a ticked checkbox. */
    public static final String ACCEPTED = "1";

    @Override
    public Optional<String> answer(AuthRequest request, AuthField field) {
        return REQUEST_ID.equals(request.id()) && FIELD.equals(field.name()) ? Optional.of(ACCEPTED) : Optional.empty();
    }

    @Override
    public String describe() {
        return "AcceptTerms: the terms of use are accepted (" + FIELD + "=" + ACCEPTED + ")";
    }

    static Optional<AuthRequest> request(AuthManagerInfo info) {
        return info.requests().stream().filter(r -> REQUEST_ID.equals(r.id())).findFirst();
    }
}
