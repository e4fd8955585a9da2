package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirement;
import org.mwconform.applicability.Target;

/** {@code @needs:module-disabled}: the wiki disabled the module ($wgAPIModules['createaccount'] = 'ApiDisabled'). */
public final class ModuleDisabled implements Requirement {
    @Override
    public String name() {
        return "module-disabled";
    }

    @Override
    public String check(Target target) {
        String module = Module.of(target.api());
        if (!Module.DISABLED.equals(module)) {
            throw new NotApplicable("action=paraminfo: the createaccount module is " + module + ", not " + Module.DISABLED);
        }
        return "action=paraminfo: the createaccount module is " + Module.DISABLED;
    }
}
