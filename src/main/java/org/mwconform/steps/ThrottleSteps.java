package org.mwconform.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.mwconform.applicability.DeclaredThrottle;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.world.ScenarioWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.THROTTLE_MESSAGE;

/**
 * $wgAccountCreationThrottle: how many attempts one IP may make. Built from the other steps, run as
 * many times as the deployment's declared throttle allows; the scenario's own loopback address keeps
 * its attempts from touching any other scenario's quota.
 */
public class ThrottleSteps {
    private final ScenarioWorld world;
    private final AccountCreationSteps creation;
    private final OutcomeSteps outcome;

    public ThrottleSteps(ScenarioWorld world, AccountCreationSteps creation, OutcomeSteps outcome) {
        this.world = world;
        this.creation = creation;
        this.outcome = outcome;
    }

    @Given("I have created as many accounts as the throttle allows")
    public void useUpWithAccounts() {
        for (int i = 0; i < throttle().count(); i++) {
            creation.prepare();
            creation.createAsAnnounced();
            outcome.passes();
        }
        creation.prepare();
    }

    @Given("I have used up the throttle with attempts whose retyped password differs")
    public void useUpWithFailures() {
        for (int i = 0; i < throttle().count(); i++) {
            creation.prepare();
            creation.createWithDifferentRetype();
            outcome.failsWith("badretype");
        }
        creation.prepare();
    }

    @Given("I have tried as many times as the throttle allows to create it again")
    public void useUpWithExistingName() {
        for (int i = 0; i < throttle().count(); i++) {
            creation.createAsAnnounced();
            outcome.failsWith("userexists");
        }
        creation.prepare();
    }

    @When("I create another account, asking for messages as raw")
    public void anotherRaw() {
        world.submitAnswered(world.request().with("createmessageformat", "raw"));
    }

    @Then("the message names the throttle's limit and its period")
    public void messageNamesLimit() {
        CreateAccountResult result = world.outcome().result();
        DeclaredThrottle throttle = throttle();
        world.verifier().check(THROTTLE_MESSAGE, () -> {
            assertThat(result.rawMessage()).as("createaccount.message as {key, params}").isNotNull();
            assertThat(result.rawMessage().key()).as("message key").isEqualTo("acct_creation_throttle_hit");
            assertThat(result.rawMessage().params()).as("message params").hasSizeGreaterThanOrEqualTo(2);
            assertThat(result.rawMessage().params().get(0)).as("the number of accounts allowed").isEqualTo(String.valueOf(throttle.count()));
            assertThat(result.rawMessage().params().get(1)).as("the period").contains(String.valueOf(throttle.seconds()));
        });
    }

    private DeclaredThrottle throttle() {
        return DeclaredThrottle.of(world.deployment()).orElseThrow();
    }
}
