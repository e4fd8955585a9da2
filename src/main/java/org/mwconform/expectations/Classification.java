package org.mwconform.expectations;

/** A scenario's outcome and the one line that explains it. */
public record Classification(Outcome outcome, String reason) {
}
