package org.example.acceptterms;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;
import org.mwconform.client.AuthRequest;

/**
 * {@code @needs:terms-of-use}: the wiki asks for the terms of use on account creation, as authmanagerinfo says.
 * Registered in META-INF/services/org.mwconform.applicability.Requirement, like the core's own requirements.
 */
public final class TermsOfUse implements Requirement {
    @Override
    public String name() {
        return "terms-of-use";
    }

    @Override
    public String check(Target target) {
        AuthRequest request = AcceptTermsField.request(target.api().authManagerInfo()).orElseThrow(() ->
                new NotApplicable("authmanagerinfo announces no " + AcceptTermsField.REQUEST_ID + " for account creation"));
        return "authmanagerinfo announces " + request.id() + " (" + request.required() + ") with the field " + AcceptTermsField.FIELD;
    }
}
