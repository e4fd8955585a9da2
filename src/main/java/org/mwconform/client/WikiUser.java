package org.mwconform.client;

/** One row of {@code list=users}. */
public record WikiUser(String name, Long userid, boolean missing, boolean invalid, String registration) {

    public boolean exists() {
        return !missing && !invalid && userid != null;
    }
}
