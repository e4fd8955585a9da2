package org.mwconform.expectations;

/**
 * A scenario's outcome and the one line that explains it.
 *
 * @param condition the condition the outcome rests on when it is not the first one that failed (a side-effect
 *                  guard checked after the scenario stopped), else null
 */
public record Classification(Outcome outcome, String reason, String condition) {
    public Classification(Outcome outcome, String reason) {
        this(outcome, reason, null);
    }
}
