package org.mwconform.report.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.internal.Allure2ModelJackson;
import org.mwconform.expectations.Outcome;
import org.mwconform.files.AtomicFiles;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.messages.CucumberMessages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Allure results written from the harness's own judgement, never from Cucumber's raw status, so Allure agrees with
 * results.json, the matrix and junit.xml on every outcome. The mapping (the same one as a known failure in pytest's
 * xfail: expected, reviewed, not a pass):
 * <table>
 *   <caption>outcome in Allure</caption>
 *   <tr><th>outcome</th><th>Allure status</th><th>category</th></tr>
 *   <tr><td>passed</td><td>passed</td><td>none</td></tr>
 *   <tr><td>known-deviation</td><td>skipped, statusDetails.known</td><td>Known deviations</td></tr>
 *   <tr><td>not-applicable</td><td>skipped</td><td>Not applicable</td></tr>
 *   <tr><td>failed</td><td>failed</td><td>Failed conditions</td></tr>
 *   <tr><td>stale-expectation</td><td>failed</td><td>Stale expectations</td></tr>
 *   <tr><td>error</td><td>broken</td><td>Errors</td></tr>
 * </table>
 * Every result also carries the outcome word as a tag and as the parameter {@code outcome}.
 */
public final class AllureResults {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The categories file of a results folder: one category per outcome that is not a pass, matched by its message prefix. */
    static final Map<Outcome, String> CATEGORIES = categories();

    private final Path folder;
    private final String deployment;

    public AllureResults(Path folder, String deployment) {
        this.folder = folder;
        this.deployment = deployment;
    }

    private static Map<Outcome, String> categories() {
        Map<Outcome, String> c = new LinkedHashMap<>();
        c.put(Outcome.KNOWN_DEVIATION, "Known deviations");
        c.put(Outcome.NOT_APPLICABLE, "Not applicable");
        c.put(Outcome.FAILED, "Failed conditions");
        c.put(Outcome.STALE_EXPECTATION, "Stale expectations");
        c.put(Outcome.ERROR, "Errors");
        return c;
    }

    public static Status status(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> Status.PASSED;
            case KNOWN_DEVIATION, NOT_APPLICABLE -> Status.SKIPPED;
            case FAILED, STALE_EXPECTATION -> Status.FAILED;
            case ERROR -> Status.BROKEN;
        };
    }

    /** The status message: the outcome word first, so the category's pattern and a reader see the same thing. */
    public static String message(ScenarioResult result) {
        return result.outcome().label() + (result.reason() == null ? "" : ": " + result.reason());
    }

    /**
     * Writes one result per judged scenario (with its steps when Cucumber ran it) and the categories file.
     *
     * @param runs the scenarios as Cucumber ran them, matched to results by feature and scenario; may be empty
     */
    public void write(List<ScenarioResult> results, List<CucumberMessages.ScenarioRun> runs, Path evidenceRoot) throws IOException {
        AtomicFiles.createDirectories(folder);
        // Allure's own model mapper, each file written whole (Allure's FileSystemResultsWriter writes in place).
        var allure = Allure2ModelJackson.createMapper();
        for (ScenarioResult result : results) {
            CucumberMessages.ScenarioRun run = runs.stream()
                    .filter(r -> result.id() != null ? result.id().equals(r.record().id())
                            : result.scenario().equals(r.record().scenario()) && result.feature().equals(r.record().feature()))
                    .findFirst().orElse(null);
            TestResult test = testResult(result, run);
            if (result.evidence() != null && evidenceRoot != null) {
                Path evidence = evidenceRoot.resolve(result.evidence());
                if (Files.isRegularFile(evidence)) {
                    String source = UUID.randomUUID() + "-attachment.json";
                    AtomicFiles.copy(evidence, folder.resolve(source));
                    test.setAttachments(List.of(new Attachment().setName("evidence").setType("application/json").setSource(source)));
                }
            }
            AtomicFiles.write(folder.resolve(test.getUuid() + "-result.json"), out -> allure.writeValue(out, test));
        }
        List<Map<String, Object>> categories = new ArrayList<>();
        CATEGORIES.forEach((outcome, name) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", name);
            c.put("matchedStatuses", List.of(status(outcome).value()));
            c.put("messageRegex", "^" + outcome.label() + "(:[\\s\\S]*)?$");
            categories.add(c);
        });
        AtomicFiles.writeJson(folder.resolve("categories.json"), JSON.writer(), categories);
        AtomicFiles.writeString(folder.resolve("environment.properties"), "deployment=" + deployment + "\n");
    }

    /**
     * A deployment's suites, as results.json counts them: the page's documented contract, what the core observes
     * beyond it, and one suite per extension ({@code @extension:NAME}) under the extension's name.
     */
    static String suite(ScenarioResult result) {
        if (result.extension() != null) {
            return "extension " + result.extension();
        }
        return org.mwconform.report.DeploymentResult.beyondDocs(result) ? "beyond the documentation" : "documented";
    }

    private TestResult testResult(ScenarioResult result, CucumberMessages.ScenarioRun run) {
        String uuid = UUID.randomUUID().toString();
        String key = deployment + "/" + (result.id() != null ? result.id() : result.feature() + "/" + result.scenario());
        List<Label> labels = new ArrayList<>(List.of(
                new Label().setName("parentSuite").setValue(deployment),
                new Label().setName("suite").setValue(suite(result)),
                new Label().setName("feature").setValue(result.feature()),
                new Label().setName("tag").setValue(result.outcome().label()),
                new Label().setName("framework").setValue("cucumberjvm")));
        if (result.tags() != null) {
            result.tags().forEach(t -> labels.add(new Label().setName("tag").setValue(t)));
        }
        TestResult test = new TestResult()
                .setUuid(uuid)
                .setHistoryId(key)
                .setTestCaseId(key)
                .setName(result.scenario())
                .setFullName(deployment + ": " + result.feature() + ": " + result.scenario())
                .setStatus(status(result.outcome()))
                .setStage(Stage.FINISHED)
                .setLabels(labels)
                .setParameters(List.of(new Parameter().setName("outcome").setValue(result.outcome().label()),
                        new Parameter().setName("deployment").setValue(deployment)));
        if (result.outcome() != Outcome.PASSED) {
            StatusDetails details = new StatusDetails().setMessage(message(result))
                    .setKnown(result.outcome() == Outcome.KNOWN_DEVIATION);
            if (result.condition() != null) {
                details.setTrace("condition: " + result.condition());
            }
            test.setStatusDetails(details);
        }
        if (run != null) {
            test.setStart(run.startMillis()).setStop(run.stopMillis());
            List<StepResult> steps = new ArrayList<>();
            long at = run.startMillis();
            for (CucumberMessages.StepRun step : run.steps()) {
                if (step.hook()) {
                    at += step.durationMillis();
                    continue;
                }
                StepResult s = new StepResult().setName(step.text()).setStage(Stage.FINISHED)
                        .setStatus(stepStatus(step.status())).setStart(at).setStop(at + step.durationMillis());
                if (step.message() != null) {
                    s.setStatusDetails(new StatusDetails().setMessage(step.message()));
                }
                at += step.durationMillis();
                steps.add(s);
            }
            test.setSteps(steps);
        }
        return test;
    }

    private static Status stepStatus(String cucumberStatus) {
        return switch (cucumberStatus) {
            case "PASSED" -> Status.PASSED;
            case "FAILED" -> Status.FAILED;
            case "SKIPPED" -> Status.SKIPPED;
            default -> Status.BROKEN;
        };
    }
}
