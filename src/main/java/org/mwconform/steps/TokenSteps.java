package org.mwconform.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.mwconform.world.ScenarioWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.TOKEN_FORMAT;
import static org.mwconform.conditions.Conditions.TOKEN_ISSUED;

public class TokenSteps {
    /** The documentation's example token: hex digits, then "+\". */
    private static final String TOKEN_PATTERN = "[0-9a-f]{32,}\\+\\\\";
    private final ScenarioWorld world;

    public TokenSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("I fetch a createaccount token")
    public void fetchToken() {
        world.token(world.api().createAccountToken().orElse(null));
    }

    @Then("I receive a createaccount token")
    public void receivedToken() {
        world.verifier().check(TOKEN_ISSUED, () -> assertThat(world.token()).as("createaccounttoken").isNotBlank());
    }

    @Then("the token has the form of the documentation's example")
    public void tokenForm() {
        world.verifier().check(TOKEN_FORMAT, () -> assertThat(world.token()).as("createaccounttoken").matches(TOKEN_PATTERN));
    }
}
