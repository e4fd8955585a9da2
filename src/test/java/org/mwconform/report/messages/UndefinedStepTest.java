package org.mwconform.report.messages;

import org.junit.jupiter.api.Test;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.Outcome;
import org.mwconform.expectations.OutcomeClassifier;
import org.mwconform.report.ScenarioRecord;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped step: its text, the nearest known steps and Cucumber's snippet, in the scenario's one-line reason. */
class UndefinedStepTest {
    @Test
    void anUndefinedStepIsAnsweredWithItsTextTheNearestStepsAndTheSnippet() {
        List<String> lines = List.of(
                "{\"stepDefinition\":{\"id\":\"d1\",\"pattern\":{\"source\":\"the wiki lists the extension {string}\",\"type\":\"CUCUMBER_EXPRESSION\"}}}",
                "{\"stepDefinition\":{\"id\":\"d2\",\"pattern\":{\"source\":\"the account exists\",\"type\":\"CUCUMBER_EXPRESSION\"}}}",
                "{\"stepDefinition\":{\"id\":\"d3\",\"pattern\":{\"source\":\"I receive a createaccount token\",\"type\":\"CUCUMBER_EXPRESSION\"}}}",
                "{\"pickle\":{\"id\":\"p1\",\"uri\":\"file:///x/no-bot-names.feature\",\"name\":\"The wiki runs NoBotNames\",\"tags\":[{\"name\":\"@id:loaded\"}],"
                        + "\"steps\":[{\"id\":\"ps1\",\"text\":\"the wiki lists the extention \\\"NoBotNames\\\"\"}],\"astNodeIds\":[]}}",
                "{\"testCase\":{\"id\":\"tc1\",\"pickleId\":\"p1\",\"testSteps\":[{\"id\":\"ts1\",\"pickleStepId\":\"ps1\",\"stepDefinitionIds\":[]}]}}",
                "{\"testCaseStarted\":{\"id\":\"s1\",\"testCaseId\":\"tc1\",\"timestamp\":{\"seconds\":1,\"nanos\":0}}}",
                "{\"suggestion\":{\"id\":\"g1\",\"pickleStepId\":\"ps1\",\"snippets\":[{\"language\":\"java\",\"code\":"
                        + "\"@Then(\\\"the wiki lists the extention {string}\\\")\\npublic void the_wiki_lists_the_extention(String string) {\\n}\"}]}}",
                "{\"testStepFinished\":{\"testCaseStartedId\":\"s1\",\"testStepId\":\"ts1\",\"testStepResult\":{\"status\":\"UNDEFINED\",\"duration\":{\"seconds\":0,\"nanos\":0}}}}",
                "{\"testCaseFinished\":{\"testCaseStartedId\":\"s1\",\"timestamp\":{\"seconds\":2,\"nanos\":0},\"willBeRetried\":false}}");
        ScenarioRecord record = CucumberMessages.read(lines).records().get(0);
        String reason = new OutcomeClassifier().classify(record, Expectations.none()).reason();
        assertThat(new OutcomeClassifier().classify(record, Expectations.none()).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(reason).isEqualTo("undefined step \"the wiki lists the extention \"NoBotNames\"\"; nearest known:"
                + " \"the wiki lists the extension {string}\" | \"the account exists\" | \"I receive a createaccount token\";"
                + " Cucumber's snippet: @Then(\"the wiki lists the extention {string}\") public void the_wiki_lists_the_extention(String string) { }");
    }
}
