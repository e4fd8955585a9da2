package org.mwconform.expectations;

import com.fasterxml.jackson.annotation.JsonValue;

/** The vocabulary of results.json. */
public enum Outcome {
    PASSED("passed"),
    FAILED("failed"),
    NOT_APPLICABLE("not-applicable"),
    KNOWN_DEVIATION("known-deviation"),
    /** A known deviation that did not happen: the expectations file is out of date. Fails the run. */
    STALE_EXPECTATION("stale-expectation"),
    /** The scenario could not be judged: target unusable, harness defect, undefined step. */
    ERROR("error");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Whether this outcome, reviewed or not, leaves the run green. */
    public boolean isExpected() {
        return this == PASSED || this == NOT_APPLICABLE || this == KNOWN_DEVIATION;
    }
}
