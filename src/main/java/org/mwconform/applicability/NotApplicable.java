package org.mwconform.applicability;

import org.opentest4j.TestAbortedException;

/**
 * The scenario does not apply to this deployment. Cucumber reports it as skipped; the harness
 * reports it as {@code not-applicable} with this message as the evidence. Never a pass.
 */
public final class NotApplicable extends TestAbortedException {
    public NotApplicable(String evidence) {
        super(evidence);
    }
}
