package org.mwconform.client;

import java.util.List;

/**
 * {@code meta=authmanagerinfo} for one {@code amirequestsfor} action.
 *
 * @param canAuthenticateNow        {@code canauthenticatenow}: the session could log in now
 * @param hasPrimaryPreservedState  {@code hasprimarypreservedstate}: a failed login left state that createpreservestate can use
 * @param preservedUsername         {@code preservedusername}: the username that state belongs to ("" when none)
 * @param announced                 which of these three members the wiki sent at all
 */
public record AuthManagerInfo(boolean canCreateAccounts, List<AuthRequest> requests, boolean canAuthenticateNow,
                              boolean hasPrimaryPreservedState, String preservedUsername, List<String> announced) {

    public AuthManagerInfo(boolean canCreateAccounts, List<AuthRequest> requests) {
        this(canCreateAccounts, requests, false, false, "", List.of());
    }

    /** Every announced field, by name, across all requests. */
    public List<AuthField> fields() {
        return requests.stream().flatMap(r -> r.fields().values().stream()).toList();
    }
}
