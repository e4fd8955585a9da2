package org.mwconform.steps;

import io.cucumber.java.en.Then;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.world.ScenarioWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.MESSAGE_FORMAT;

/** createmessageformat: "Format to use for returning messages. One of the following values: html, wikitext, raw, none." */
public class MessageFormatSteps {
    private final ScenarioWorld world;

    public MessageFormatSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("the message is text")
    public void messageIsText() {
        CreateAccountResult result = world.outcome().result();
        world.verifier().check(MESSAGE_FORMAT, () -> {
            assertThat(result.message()).as("createaccount.message as a string").isNotBlank();
            assertThat(result.rawMessage()).as("a message object").isNull();
        });
    }

    @Then("the message is the message key {string} with its parameters")
    public void messageIsKey(String key) {
        CreateAccountResult result = world.outcome().result();
        world.verifier().check(MESSAGE_FORMAT, () -> {
            assertThat(result.rawMessage()).as("createaccount.message as {key, params}").isNotNull();
            assertThat(result.rawMessage().key()).as("message key").isEqualTo(key);
            assertThat(result.rawMessage().params()).as("message params").isNotNull();
        });
    }

    @Then("there is no message")
    public void noMessage() {
        CreateAccountResult result = world.outcome().result();
        world.verifier().check(MESSAGE_FORMAT, () -> assertThat(result.keys()).as("members of createaccount").doesNotContain("message"));
    }
}
