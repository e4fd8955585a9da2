package org.mwconform.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mwconform.client.Exchange;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.Outcome;
import org.mwconform.expectations.OutcomeClassifier;
import org.mwconform.report.messages.CucumberMessages;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A 30 MB answer leaves evidence (cut, with its length and hash); evidence that cannot be read makes the scenario an error. */
class EvidenceNeverLostTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aThirtyMegabyteAnswerLeavesEvidenceWithItsLengthAndHash() throws Exception {
        String huge = "{\"query\":{\"x\":\"" + "a".repeat(30 * 1024 * 1024) + "\"}}";
        Exchange exchange = new Exchange("read something large", "GET", "http://127.0.0.1/api.php", Map.of(), 200,
                "application/json", huge, 5);
        Evidence evidence = new Evidence("d", List.of("applies"), List.of(), List.of(EvidenceBodies.capped(exchange)), 1);
        byte[] attached = JSON.writeValueAsBytes(evidence);
        assertThat(attached.length).isLessThan(2 * EvidenceBodies.MAX_STORED_CHARACTERS);

        CucumberMessages.Run run = CucumberMessages.read(scenario("PASSED", Base64.getEncoder().encodeToString(attached)));
        ScenarioRecord record = run.records().get(0);
        assertThat(record.status()).isEqualTo("PASSED");
        assertThat(record.evidence()).isNotNull();
        assertThat(record.stepRequests()).isEqualTo(1);
        String stored = record.evidence().path("exchanges").path(0).path("body").asText();
        assertThat(stored).contains("body cut at " + EvidenceBodies.MAX_STORED_CHARACTERS + " of " + huge.length() + " characters")
                .contains("sha256 of the whole: " + EvidenceBodies.sha256(huge));
    }

    @Test
    void uncappedEvidenceOverJacksonsDefaultStringLimitIsStillRead() throws Exception {
        // A report written before bodies were capped, or by an extension: the one reader has the transport's limits.
        String huge = "b".repeat(21 * 1024 * 1024);
        Evidence evidence = new Evidence("d", List.of(), List.of(), List.of(new Exchange("p", "GET", "u", Map.of(), 200,
                "application/json", huge, 1)), 1);
        CucumberMessages.Run run = CucumberMessages.read(scenario("PASSED",
                Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(evidence))));
        assertThat(run.tornLines()).isZero();
        assertThat(run.records().get(0).evidence().path("exchanges").path(0).path("body").asText()).hasSize(huge.length());
    }

    @Test
    void evidenceThatCannotBeReadMakesTheScenarioAnError() {
        CucumberMessages.Run run = CucumberMessages.read(scenario("PASSED",
                Base64.getEncoder().encodeToString("{ not json".getBytes(StandardCharsets.UTF_8))));
        ScenarioRecord record = run.records().get(0);
        assertThat(record.status()).isEqualTo(CucumberMessages.EVIDENCE_LOST);
        var classified = new OutcomeClassifier().classify(record, Expectations.none());
        assertThat(classified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(classified.reason()).contains("evidence").contains("could not be read");
    }

    private static List<String> scenario(String status, String base64Evidence) {
        return List.of(
                "{\"pickle\":{\"id\":\"p\",\"uri\":\"f.feature\",\"name\":\"s\",\"steps\":[],\"tags\":[{\"name\":\"@id:s\"}],\"astNodeIds\":[]}}",
                "{\"testCase\":{\"id\":\"t\",\"pickleId\":\"p\",\"testSteps\":[{\"id\":\"x\",\"pickleStepId\":\"q\"}]}}",
                "{\"testCaseStarted\":{\"id\":\"a\",\"testCaseId\":\"t\",\"timestamp\":{\"seconds\":1,\"nanos\":0}}}",
                "{\"testStepFinished\":{\"testCaseStartedId\":\"a\",\"testStepId\":\"x\",\"testStepResult\":{\"status\":\"" + status
                        + "\",\"duration\":{\"seconds\":0,\"nanos\":0}}}}",
                "{\"attachment\":{\"testCaseStartedId\":\"a\",\"fileName\":\"" + Evidence.ATTACHMENT_NAME
                        + "\",\"contentEncoding\":\"BASE64\",\"mediaType\":\"application/json\",\"body\":\"" + base64Evidence + "\"}}",
                "{\"testCaseFinished\":{\"testCaseStartedId\":\"a\",\"willBeRetried\":false,\"timestamp\":{\"seconds\":2,\"nanos\":0}}}");
    }
}
