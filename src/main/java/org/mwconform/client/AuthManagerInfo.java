package org.mwconform.client;

import java.util.List;

/** {@code meta=authmanagerinfo} for {@code amirequestsfor=create}. */
public record AuthManagerInfo(boolean canCreateAccounts, List<AuthRequest> requests) {

    /** Every announced field, by name, across all requests. */
    public List<AuthField> fields() {
        return requests.stream().flatMap(r -> r.fields().values().stream()).toList();
    }
}
