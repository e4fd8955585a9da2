package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;
import org.mwconform.client.UserRights;
import org.mwconform.deployments.Credentials;

/**
 * {@code @needs:blocker}: a user who may block (credentials {@code blocker}, holding the block right), on a wiki on
 * this machine where the scenario speaks from a loopback address of its own: only that address is ever blocked.
 */
public final class Blocker implements Requirement {
    @Override
    public String name() {
        return "blocker";
    }

    @Override
    public String check(Target target) {
        Credentials.Lookup lookup = Credentials.lookup(target.deployment(), Credentials.BLOCKER);
        Credentials blocker = lookup.credentials().orElseThrow(() -> new NotApplicable(lookup.evidence()));
        if (!target.isolated()) {
            throw new NotApplicable("blocking this machine's one address would lock every later scenario out of " + target.deployment().name()
                    + ": only local: wikis this project starts, where each scenario speaks from a loopback address of its own (a loopback URL"
                    + " alone may be a tunnel to another wiki)");
        }
        UserRights rights = target.api().userRights(blocker.username()).orElseThrow(() -> new NotApplicable(lookup.evidence()
                + "; list=users: no such user on " + target.deployment().name()));
        String evidence = lookup.evidence() + "; list=users: " + rights.name() + " (groups " + String.join(", ", rights.groups()) + ") "
                + (rights.has("block") ? "holds" : "lacks") + " 'block'; this scenario speaks from a loopback address of its own";
        if (!rights.has("block")) {
            throw new NotApplicable(evidence);
        }
        return evidence;
    }
}
