package org.mwconform.extension;

import org.mwconform.client.AuthField;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.interactive.FieldStrategy;

import java.util.Optional;

/** A test-only extension field strategy, registered in src/test/resources/META-INF/services like an extension's. */
public final class ReferralCodeStrategy implements FieldStrategy {
    @Override
    public Optional<String> answer(AuthRequest request, AuthField field) {
        return "referralcode".equals(field.name()) ? Optional.of("WELCOME") : Optional.empty();
    }

    @Override
    public String describe() {
        return "referral code WELCOME";
    }
}
