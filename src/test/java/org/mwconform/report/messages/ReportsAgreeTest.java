package org.mwconform.report.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.KnownDeviation;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.Judgement;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioRecord;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.allure.AllureResults;
import org.mwconform.report.matrix.JunitXml;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cucumber's real {@code message} output of a run with one scenario ending each way (no wiki: test steps that
 * pass, fail a named condition, do not apply, or are undefined), read back, judged, and written as results,
 * JUnit XML and Allure results: all of them must name every outcome the same way.
 */
class ReportsAgreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Expectations EXPECTATIONS = new Expectations(List.of(
            new KnownDeviation("deviates", "api.error-code", java.util.Map.of("error.code", "missingparam"), "reviewed: the wiki says missingparam", null),
            new KnownDeviation("fixed", "api.error-code", java.util.Map.of("error.code", "missingparam"), "reviewed long ago", null)));

    @TempDir
    static Path dir;
    static CucumberMessages.Run run;

    @BeforeAll
    static void runCucumber() throws Exception {
        Path messages = dir.resolve("messages.ndjson");
        byte status = io.cucumber.core.cli.Main.run(new String[]{
                "--glue", "org.mwconform.report.messages.fixture",
                "--plugin", "message:" + messages,
                "--monochrome",
                "classpath:org/mwconform/report/messages/agreement.feature"}, ReportsAgreeTest.class.getClassLoader());
        assertThat(status).as("some scenarios fail on purpose").isEqualTo((byte) 1);
        run = CucumberMessages.read(messages);
    }

    @Test
    void everyFinishedScenarioBecomesARecordWithWhatTheClassifierNeeds() {
        Map<String, ScenarioRecord> byId = run.records().stream().collect(Collectors.toMap(ScenarioRecord::id, Function.identity()));
        assertThat(byId).containsOnlyKeys("holds", "deviates", "elsewhere", "absent", "fixed", "undefined", "retried");
        assertThat(run.pickles()).isEqualTo(7);
        assertThat(run.allScenariosSelected()).isTrue();
        assertThat(run.runFinished()).isTrue();

        ScenarioRecord deviates = byId.get("deviates");
        assertThat(deviates.feature()).isEqualTo("One of each outcome");
        assertThat(deviates.scenario()).isEqualTo("the reviewed condition fails");
        assertThat(deviates.status()).isEqualTo("FAILED");
        assertThat(deviates.errorType()).isEqualTo("ConditionFailure");
        assertThat(deviates.conditionId()).isEqualTo("api.error-code");
        assertThat(deviates.message()).startsWith("[api.error-code] the summary of api.error-code: expected").doesNotContain("\n");
        assertThat(deviates.line()).isEqualTo(9);
        assertThat(deviates.tags()).containsExactly("@id:deviates");
        assertThat(deviates.evidence().path("conditions").path(0).path("held").asBoolean(true)).isFalse();

        ScenarioRecord absent = byId.get("absent");
        assertThat(absent.status()).isEqualTo("SKIPPED");
        assertThat(absent.errorType()).isEqualTo("NotApplicable");
        assertThat(absent.message()).isEqualTo("authmanagerinfo announces no CAPTCHA");

        assertThat(byId.get("undefined").status()).isEqualTo("UNDEFINED");
        assertThat(byId.get("holds").status()).isEqualTo("PASSED");
        assertThat(byId.get("retried").line()).as("an outline row's line").isEqualTo(36);

        CucumberMessages.ScenarioRun steps = run.scenarios().stream().filter(s -> "deviates".equals(s.record().id())).findFirst().orElseThrow();
        assertThat(steps.steps().stream().filter(s -> !s.hook()).map(CucumberMessages.StepRun::text))
                .containsExactly("a condition that holds", "the condition \"api.error-code\" fails observing \"missingparam\"");
        assertThat(steps.stopMillis()).isGreaterThanOrEqualTo(steps.startMillis());
    }

    @Test
    void resultsJunitXmlAndAllureNameEveryOutcomeTheSameWay() throws Exception {
        Path runFolder = dir.resolve("run");
        Path deploymentFolder = runFolder.resolve("deployments/fixture");
        List<ScenarioResult> results = Judgement.judge(run.records(), EXPECTATIONS, run.allScenariosSelected(), deploymentFolder, runFolder);
        Map<String, Outcome> outcomes = results.stream().collect(Collectors.toMap(ScenarioResult::id, ScenarioResult::outcome));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "holds", Outcome.PASSED, "deviates", Outcome.KNOWN_DEVIATION, "elsewhere", Outcome.FAILED,
                "absent", Outcome.NOT_APPLICABLE, "fixed", Outcome.STALE_EXPECTATION, "undefined", Outcome.ERROR,
                "retried", Outcome.PASSED));
        assertThat(results).allSatisfy(r -> assertThat(r.evidence()).isEqualTo("deployments/fixture/evidence/" + r.id() + ".json"));

        // JUnit XML: the element and its type name the outcome
        DeploymentResult deployment = new DeploymentResult("fixture", "http://127.0.0.1:1/api.php", null, null, null, true,
                DeploymentResult.count(results), results, null, null);
        String xml = JunitXml.render(new RunReport(new RunReport.Run("r", null, null, 1, null, "test"), List.of(deployment)));
        NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("testcase");
        Map<String, String> junit = new HashMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            String id = c.getAttribute("name").replaceAll(".*\\[(.+)]$", "$1");
            Element child = (Element) Stream.of("failure", "error", "skipped").map(c::getElementsByTagName)
                    .filter(l -> l.getLength() > 0).map(l -> l.item(0)).findFirst().orElse(null);
            junit.put(id, child == null ? "passed" : child.getAttribute("type"));
        }

        // Allure: status, and the category whose pattern matches the message
        Path allure = deploymentFolder.resolve("allure-results");
        new AllureResults(allure, "fixture").write(results, run.scenarios(), runFolder);
        JsonNode categories = JSON.readTree(allure.resolve("categories.json").toFile());
        Map<String, String> allureOutcome = new HashMap<>();
        try (Stream<Path> files = Files.list(allure)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode t = JSON.readTree(f.toFile());
                String id = t.path("testCaseId").asText().substring("fixture/".length());
                String status = t.path("status").asText();
                String message = t.path("statusDetails").path("message").asText("");
                String category = "none";
                for (JsonNode c : categories) {
                    if (c.path("matchedStatuses").toString().contains("\"" + status + "\"")
                            && Pattern.compile(c.path("messageRegex").asText()).matcher(message).matches()) {
                        category = c.path("name").asText();
                    }
                }
                allureOutcome.put(id, status + "/" + category);
                assertThat(t.path("parameters").toString()).contains(outcomes.get(id).label());
                if (!id.equals("fixed")) {
                    assertThat(t.path("attachments").path(0).path("name").asText()).isEqualTo("evidence");
                    assertThat(t.path("steps").size()).isPositive();
                }
            }
        }

        Map<Outcome, String> allureWay = Map.of(Outcome.PASSED, "passed/none", Outcome.KNOWN_DEVIATION, "skipped/Known deviations",
                Outcome.NOT_APPLICABLE, "skipped/Not applicable", Outcome.FAILED, "failed/Failed conditions",
                Outcome.STALE_EXPECTATION, "failed/Stale expectations", Outcome.ERROR, "broken/Errors");
        Map<Outcome, String> junitWay = Map.of(Outcome.PASSED, "passed", Outcome.KNOWN_DEVIATION, "known-deviation",
                Outcome.NOT_APPLICABLE, "not-applicable", Outcome.FAILED, "failed", Outcome.STALE_EXPECTATION, "stale-expectation",
                Outcome.ERROR, "error");
        outcomes.forEach((id, outcome) -> {
            assertThat(junit.get(id)).as("junit.xml for " + id).isEqualTo(junitWay.get(outcome));
            assertThat(allureOutcome.get(id)).as("Allure for " + id).isEqualTo(allureWay.get(outcome));
        });
        assertThat(allureOutcome).hasSameSizeAs(outcomes);
    }

    @Test
    void aRetriedAttemptIsNoResultAndATornLineIsSkipped() {
        List<String> lines = List.of(
                "{\"pickle\":{\"id\":\"p\",\"uri\":\"f.feature\",\"name\":\"s\",\"steps\":[],\"tags\":[{\"name\":\"@id:s\"}],\"astNodeIds\":[]}}",
                "{\"testCase\":{\"id\":\"t\",\"pickleId\":\"p\",\"testSteps\":[{\"id\":\"x\",\"pickleStepId\":\"q\"}]}}",
                "{\"testCaseStarted\":{\"id\":\"a1\",\"testCaseId\":\"t\",\"timestamp\":{\"seconds\":1,\"nanos\":0}}}",
                "{\"testStepFinished\":{\"testCaseStartedId\":\"a1\",\"testStepId\":\"x\",\"testStepResult\":{\"status\":\"FAILED\",\"message\":\"boom\",\"duration\":{\"seconds\":0,\"nanos\":0}}}}",
                "{\"testCaseFinished\":{\"testCaseStartedId\":\"a1\",\"willBeRetried\":true,\"timestamp\":{\"seconds\":2,\"nanos\":0}}}",
                "{\"testCaseStarted\":{\"id\":\"a2\",\"testCaseId\":\"t\",\"timestamp\":{\"seconds\":3,\"nanos\":0}}}",
                "{\"testStepFinished\":{\"testCaseStartedId\":\"a2\",\"testStepId\":\"x\",\"testStepResult\":{\"status\":\"PASSED\",\"duration\":{\"seconds\":0,\"nanos\":0}}}}",
                "{\"testCaseFinished\":{\"testCaseStartedId\":\"a2\",\"willBeRetried\":false,\"timestamp\":{\"seconds\":4,\"nanos\":0}}}",
                "{\"testCaseStarted\":{\"id\":\"a3\",\"testCaseId\":\"t\",\"timest");
        CucumberMessages.Run read = CucumberMessages.read(lines);
        assertThat(read.records()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("s");
            assertThat(r.status()).isEqualTo("PASSED");
        });
        assertThat(read.tornLines()).isEqualTo(1);
        assertThat(read.runFinished()).isFalse();
    }
}
