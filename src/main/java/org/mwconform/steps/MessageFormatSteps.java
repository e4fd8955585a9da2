package org.mwconform.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.mwconform.client.CreateAccountOutcome;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.world.ScenarioWorld;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.MESSAGE_FORMAT;
import static org.mwconform.conditions.Verifier.observed;

/**
 * createmessageformat: "Format to use for returning messages. One of the following values: html, wikitext,
 * raw, none. Default: wikitext". Plain messages read the same as html and as wikitext, so html and wikitext
 * are told apart on a message that differs between them (the block notice, with its links): the same
 * request is sent in the other format too, for comparison.
 */
public class MessageFormatSteps {
    private static final String WIKITEXT = "wikitext";
    private static final String HTML = "html";
    private static final String DEFAULT = "(default)";
    private final ScenarioWorld world;
    /** The message of the same request in each format asked for, the scenario's own last. */
    private final Map<String, String> messages = new LinkedHashMap<>();

    public MessageFormatSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("I create an account, asking for messages as {word}, and for comparison as {word}")
    public void createInFormat(String format, String comparison) {
        send(comparison);
        send(format);
    }

    @When("I create an account without asking for a message format, and for comparison as wikitext and as html")
    public void createInDefaultFormat() {
        send(WIKITEXT);
        send(HTML);
        send(DEFAULT);
    }

    private void send(String format) {
        CreateAccountOutcome outcome = world.submitAnswered(DEFAULT.equals(format) ? world.request().without("createmessageformat")
                : world.request().with("createmessageformat", format));
        messages.put(format, outcome.result() == null ? null : outcome.result().message());
    }

    @Then("the message is wikitext, not the HTML of the same message")
    public void messageIsWikitext() {
        String wikitext = messages.get(WIKITEXT);
        String html = messages.get(HTML);
        world.verifier().check(MESSAGE_FORMAT, observed("message as wikitext", wikitext, "message as html", html), () -> {
            assertThat(wikitext).as("createaccount.message as wikitext").isNotBlank().isNotEqualTo(html);
            assertThat(wikitext).as("the wikitext message keeps its [[links]]").contains("[[").doesNotContain("href=");
        });
    }

    @Then("the message is HTML, not the wikitext of the same message")
    public void messageIsHtml() {
        String wikitext = messages.get(WIKITEXT);
        String html = messages.get(HTML);
        world.verifier().check(MESSAGE_FORMAT, observed("message as html", html, "message as wikitext", wikitext), () -> {
            assertThat(html).as("createaccount.message as html").isNotBlank().isNotEqualTo(wikitext);
            assertThat(html).as("the html message renders the links").contains("href=").doesNotContain("[[");
        });
    }

    @Then("the message is the wikitext one, not the HTML one")
    public void messageIsDefault() {
        String given = messages.get(DEFAULT);
        world.verifier().check(MESSAGE_FORMAT, observed("message without createmessageformat", given,
                "message as wikitext", messages.get(WIKITEXT), "message as html", messages.get(HTML)), () -> {
            assertThat(messages.get(WIKITEXT)).as("the wikitext and html forms of this message differ").isNotEqualTo(messages.get(HTML));
            assertThat(given).as("createaccount.message without createmessageformat (documented default: wikitext)")
                    .isNotBlank().isEqualTo(messages.get(WIKITEXT));
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
