package org.mwconform.applicability.builtin;

import org.mwconform.applicability.NotApplicable;
import org.mwconform.client.MediaWikiApi;

/** The class serving action=createaccount, from action=paraminfo: ApiDisabled when an admin disabled it. */
final class Module {
    static final String DISABLED = "ApiDisabled";
    private static final String NONE = "no module";

    private Module() {
    }

    static String of(MediaWikiApi api) {
        return api.moduleClass("createaccount").orElse(NONE);
    }

    /** The module's class, or not applicable when it is disabled or missing. */
    static String enabled(MediaWikiApi api) {
        String module = of(api);
        if (DISABLED.equals(module) || NONE.equals(module)) {
            throw new NotApplicable("action=paraminfo: the createaccount module is " + module
                    + " ($wgAPIModules['createaccount'] = 'ApiDisabled' disables it, as the documentation describes)");
        }
        return module;
    }
}
