package org.mwconform.applicability;

import java.util.Arrays;
import java.util.Optional;

/** What a scenario needs from a deployment, declared as a {@code @needs:...} tag. */
public enum Requirement {
    /** Anonymous visitors may create accounts: the core flow of the documentation. */
    ANONYMOUS_CREATION("anonymous-creation");

    private final String tagValue;

    Requirement(String tagValue) {
        this.tagValue = tagValue;
    }

    public String tag() {
        return "@needs:" + tagValue;
    }

    public static Optional<Requirement> fromTag(String tag) {
        return Arrays.stream(values()).filter(r -> r.tag().equals(tag)).findFirst();
    }
}
