package org.mwconform.client;

import java.util.List;
import java.util.Optional;

/** {@code meta=authmanagerinfo} for {@code amirequestsfor=create}. */
public record AuthManagerInfo(boolean canCreateAccounts, List<AuthRequest> requests) {

    public Optional<AuthRequest> request(String id) {
        return requests.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Every announced field, by name, across all requests. */
    public List<AuthField> fields() {
        return requests.stream().flatMap(r -> r.fields().values().stream()).toList();
    }

    public boolean announcesField(String name) {
        return fields().stream().anyMatch(f -> f.name().equals(name));
    }
}
