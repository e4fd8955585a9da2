package org.mwconform.applicability;

import java.util.Collection;

/** What a scenario may leave behind, declared as a tag. Accounts are forever, so both kinds need a writable wiki. */
public final class SideEffect {
    /** The scenario creates an account when the wiki conforms. */
    public static final String CREATES_ACCOUNT = "@creates-account";
    /** The scenario expects a rejection, but a wiki that does not conform would create an account. */
    public static final String MAY_CREATE_ACCOUNT = "@may-create-account";
    /** The scenario uses up a per-IP throttle of the wiki: only on a wiki marked disposable. */
    public static final String EXHAUSTS_THROTTLE = "@exhausts-throttle";
    /**
     * Expects a rejection, and is built so that no account can be created even where the wiki lacks that
     * rejection (features/README.md: the guard of each probe). Runs on read-only targets too: there the
     * request names an account that already exists (list=allusers) and its retyped password differs.
     */
    public static final String SAFE_PROBE = "@safe-probe";
    /** Reads only. */
    public static final String READ_ONLY = "@read-only";

    private SideEffect() {
    }

    public static boolean writes(Collection<String> tags) {
        return tags.contains(CREATES_ACCOUNT) || tags.contains(MAY_CREATE_ACCOUNT);
    }
}
