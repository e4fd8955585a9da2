package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Target;
import org.mwconform.client.UserRights;
import org.mwconform.deployments.Credentials;

/**
 * A user who may create accounts for someone else: credentials from the environment (never from a file), the
 * module enabled, and the wiki's own list=users showing the user with the createaccount right. Whether the
 * password is right is for the scenario to find out, by logging in.
 */
record AccountCreator(UserRights rights, String evidence) {

    static AccountCreator of(Target target) {
        Credentials.Lookup lookup = Credentials.lookup(target.deployment(), Credentials.CREATOR);
        Credentials creator = lookup.credentials().orElseThrow(() -> new NotApplicable(lookup.evidence()));
        String module = Module.enabled(target.api());
        UserRights rights = target.api().userRights(creator.username()).orElseThrow(() -> new NotApplicable(lookup.evidence()
                + "; list=users: no such user on " + target.deployment().name()));
        String evidence = lookup.evidence() + "; action=paraminfo: createaccount is " + module + "; list=users: "
                + rights.name() + " (groups " + String.join(", ", rights.groups()) + ") "
                + (rights.has("createaccount") ? "holds" : "lacks") + " 'createaccount'";
        if (!rights.has("createaccount")) {
            throw new NotApplicable(evidence);
        }
        return new AccountCreator(rights, evidence);
    }
}
