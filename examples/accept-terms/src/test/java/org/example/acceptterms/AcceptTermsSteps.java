package org.example.acceptterms;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.mwconform.client.AuthField;
import org.mwconform.client.AuthRequest;
import org.mwconform.conditions.Condition;
import org.mwconform.world.ScenarioWorld;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension's own steps: thin, on the core's world, client and conditions. */
public class AcceptTermsSteps {
    /** A condition with a stable id, so an expectations file can name it like the core's. */
    static final Condition TERMS_CHECKBOX = new Condition("acceptterms.required-checkbox",
            "authmanagerinfo announces the terms of use as a required checkbox");

    private final ScenarioWorld world;

    public AcceptTermsSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("the terms of use are a required checkbox")
    public void requiredCheckbox() {
        world.verifier().check(TERMS_CHECKBOX, () -> {
            AuthRequest request = AcceptTermsField.request(world.authManagerInfo()).orElse(null);
            assertThat(request).as(AcceptTermsField.REQUEST_ID).isNotNull();
            assertThat(request.required()).as(AcceptTermsField.REQUEST_ID + ".required").isEqualTo("required");
            AuthField field = request.fields().get(AcceptTermsField.FIELD);
            assertThat(field).as(AcceptTermsField.FIELD).isNotNull();
            assertThat(field.type()).as(AcceptTermsField.FIELD + ".type").isEqualTo("checkbox");
        });
    }

    @When("I submit a new account without accepting the terms of use")
    public void withoutAccepting() {
        // An unticked checkbox is not sent at all, as a browser leaves it out.
        world.submitAnswered(world.request().without(AcceptTermsField.FIELD));
    }

    @When("I submit a new account accepting the terms of use")
    public void accepting() {
        assertThat(world.request().get(AcceptTermsField.FIELD)).as("answered by AcceptTermsField").isEqualTo(AcceptTermsField.ACCEPTED);
        world.submitAnswered(world.request());
    }
}
