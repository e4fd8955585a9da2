package org.mwconform.applicability;

import java.util.Collection;
import java.util.List;

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

    /**
     * What a scenario can do to accounts: every scenario carries exactly one of these (a test checks it, extension
     * scenarios included). {@link #EXHAUSTS_THROTTLE} is a second mark beside a write, never in place of one.
     */
    public static final List<String> ACCOUNT_EFFECTS = List.of(CREATES_ACCOUNT, MAY_CREATE_ACCOUNT, SAFE_PROBE, READ_ONLY);

    private SideEffect() {
    }

    /** Whether the scenario may write: tagged so, or not tagged at all (deny by default: an untagged scenario is a write). */
    public static boolean writes(Collection<String> tags) {
        return tags.contains(CREATES_ACCOUNT) || tags.contains(MAY_CREATE_ACCOUNT) || !declared(tags);
    }

    /** Whether the scenario carries any side-effect tag of {@link #ACCOUNT_EFFECTS}. */
    public static boolean declared(Collection<String> tags) {
        return ACCOUNT_EFFECTS.stream().anyMatch(tags::contains);
    }

    /** The side-effect tags a scenario carries: exactly one is right. */
    public static List<String> of(Collection<String> tags) {
        return ACCOUNT_EFFECTS.stream().filter(tags::contains).toList();
    }
}
