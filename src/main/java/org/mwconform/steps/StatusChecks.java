package org.mwconform.steps;

import org.mwconform.client.CreateAccountOutcome;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.world.ScenarioWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.STATUS;

/** The one status check every interactive step starts with (createaccount or clientlogin: the same shape). */
final class StatusChecks {
    private StatusChecks() {
    }

    static CreateAccountResult status(ScenarioWorld world, String expected) {
        CreateAccountOutcome outcome = world.outcome();
        world.verifier().check(STATUS, () -> assertThat(outcome.result())
                .as("the answer's status object (the wiki answered %s)", describe(outcome)).isNotNull()
                .extracting(CreateAccountResult::status).as("status").isEqualTo(expected));
        return outcome.result();
    }

    static String describe(CreateAccountOutcome outcome) {
        if (outcome.error() != null) {
            return "error " + outcome.error().code();
        }
        CreateAccountResult r = outcome.result();
        return r == null ? "neither a status object nor an error" : "status " + r.status()
                + (r.messagecode() == null ? "" : " / " + r.messagecode());
    }
}
