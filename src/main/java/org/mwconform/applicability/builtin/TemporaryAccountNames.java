package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;
import org.mwconform.client.TemporaryAccounts;

/**
 * {@code @needs:temporary-account-names}: siteinfo names the patterns of temporary account names
 * ({@code siprop=autocreatetempuser}, {@code matchPatterns}: given when the wiki knows temporary accounts, even with
 * their creation off). A name in such a pattern is reserved (RealTempUserConfig::isReservedName). Decided from
 * siteinfo alone: a wiki that does not know the property, or lists no usable pattern, is not asked anything.
 */
public final class TemporaryAccountNames implements Requirement {
    @Override
    public String name() {
        return "temporary-account-names";
    }

    @Override
    public String check(Target target) {
        TemporaryAccounts temp = target.api().temporaryAccounts();
        if (!temp.answered()) {
            throw new NotApplicable("temporary accounts unknown to this wiki: " + temp.evidence());
        }
        if (temp.usablePatterns().isEmpty()) {
            throw new NotApplicable("siteinfo names no pattern of temporary account names (PREFIX$1SUFFIX): " + temp.evidence());
        }
        return temp.evidence();
    }
}
