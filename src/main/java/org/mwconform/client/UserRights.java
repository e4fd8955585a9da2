package org.mwconform.client;

import java.util.List;

/** A registered user's groups and effective rights, as {@code list=users&usprop=groups|rights} shows them to anyone. */
public record UserRights(String name, List<String> groups, List<String> rights) {

    public boolean has(String right) {
        return rights.contains(right);
    }
}
