package org.mwconform.expectations;

import org.junit.jupiter.api.Test;
import org.mwconform.conditions.CheckedCondition;
import org.mwconform.deployments.ConfigurationException;
import org.mwconform.report.ScenarioRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeClassifierTest {
    private final OutcomeClassifier classifier = new OutcomeClassifier();
    private final Expectations expectations = new Expectations(List.of(
            new KnownDeviation("notoken", "api.error-code", Map.of("error.code", "missingparam"), "says missingparam", null),
            new KnownDeviation("invalidemailaddress-sample-fields", "createaccount.status", Map.of("createaccount.status", "PASS"),
                    "drops the address", null)));

    private static ScenarioRecord record(String id, String status, String errorType, String condition, CheckedCondition... failures) {
        return new ScenarioRecord(id, "F", "S", "file:x.feature", 1, List.of(), status, errorType, condition, "msg", null,
                List.of(failures), 0);
    }

    private static CheckedCondition failure(String id, Map<String, String> observed) {
        return new CheckedCondition(id, "summary", false, "detail of " + id, observed);
    }

    private Outcome outcome(ScenarioRecord record) {
        return classifier.classify(record, expectations).outcome();
    }

    @Test
    void theDeviationOnlyCoversTheConditionItNames() {
        assertThat(outcome(record("notoken", "FAILED", "ConditionFailure", "api.error-code",
                failure("api.error-code", Map.of("error.code", "missingparam"))))).isEqualTo(Outcome.KNOWN_DEVIATION);
        assertThat(outcome(record("notoken", "FAILED", "ConditionFailure", "createaccount.status",
                failure("createaccount.status", Map.of("error.code", "missingparam"))))).isEqualTo(Outcome.FAILED);
    }

    /** Defect: a wiki answering badparams, or PASS without a token, was shown as the known deviation of notoken. */
    @Test
    void theDeviationPinsWhatWasObserved() {
        assertThat(outcome(record("notoken", "FAILED", "ConditionFailure", "api.error-code",
                failure("api.error-code", Map.of("error.code", "badparams"))))).isEqualTo(Outcome.FAILED);
        assertThat(outcome(record("notoken", "FAILED", "ConditionFailure", "api.error-code",
                failure("api.error-code", Map.of("createaccount.status", "PASS"))))).isEqualTo(Outcome.FAILED);
        // The sample-fields deviation is a PASS, not just any answer other than FAIL.
        assertThat(outcome(record("invalidemailaddress-sample-fields", "FAILED", "ConditionFailure", "createaccount.status",
                failure("createaccount.status", Map.of("error.code", "internal_api_error"))))).isEqualTo(Outcome.FAILED);
        assertThat(outcome(record("invalidemailaddress-sample-fields", "FAILED", "ConditionFailure", "createaccount.status",
                failure("createaccount.status", Map.of("createaccount.status", "PASS"))))).isEqualTo(Outcome.KNOWN_DEVIATION);
        // Without evidence of what was observed, nothing can be matched.
        assertThat(outcome(record("notoken", "FAILED", "ConditionFailure", "api.error-code"))).isEqualTo(Outcome.FAILED);
    }

    /** Defect: "no account was created" was never checked once an earlier condition failed. */
    @Test
    void anAccountCreatedByARejectedRequestIsAlwaysAFailure() {
        Classification c = classifier.classify(record("notoken", "FAILED", "ConditionFailure", "api.error-code",
                failure("api.error-code", Map.of("error.code", "missingparam")),
                failure("users.no-account", Map.of("detail", "list=users shows it"))), expectations);
        assertThat(c.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(c.reason()).startsWith("[users.no-account]");
        assertThat(c.condition()).isEqualTo("users.no-account");
    }

    @Test
    void aDeviationCannotNameTheNoAccountGuardAndMustPinAnObservation(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path guard = dir.resolve("guard.expectations.yml");
        Files.writeString(guard, "deviations:\n  - {scenario: x, condition: users.no-account, observed: {detail: y}, reason: r}\n");
        assertThatThrownBy(() -> Expectations.load(guard)).isInstanceOf(ConfigurationException.class).hasMessageContaining("always a failure");
        Path unpinned = dir.resolve("unpinned.expectations.yml");
        Files.writeString(unpinned, "deviations:\n  - {scenario: x, condition: api.error-code, reason: r}\n");
        assertThatThrownBy(() -> Expectations.load(unpinned)).isInstanceOf(ConfigurationException.class).hasMessageContaining("observed");
        Path pinned = dir.resolve("pinned.expectations.yml");
        Files.writeString(pinned, "deviations:\n  - {scenario: x, condition: api.error-code, observed: {error.code: missingparam}, reason: r}\n");
        assertThat(Expectations.load(pinned).forScenario("x")).get().extracting(KnownDeviation::observed)
                .isEqualTo(Map.of("error.code", "missingparam"));
    }

    @Test
    void aDeviationThatStoppedHappeningIsStale() {
        Classification c = classifier.classify(record("notoken", "PASSED", null, null), expectations);
        assertThat(c.outcome()).isEqualTo(Outcome.STALE_EXPECTATION);
        assertThat(c.outcome().isExpected()).isFalse();
    }

    @Test
    void notApplicableNeedsEvidenceAndIsNeverAPass() {
        assertThat(classifier.classify(record("x", "SKIPPED", "NotApplicable", null), expectations))
                .isEqualTo(new Classification(Outcome.NOT_APPLICABLE, "msg"));
        assertThat(outcome(record("x", "SKIPPED", null, null))).isEqualTo(Outcome.ERROR);
    }

    /** Defect: a form found unfillable after requests were sent made the scenario not-applicable. */
    @Test
    void notApplicableFoundAfterTheScenarioSentRequestsIsAnError() {
        ScenarioRecord late = new ScenarioRecord("x", "F", "S", "file:x.feature", 1, List.of(), "SKIPPED", "NotApplicable", null,
                "no strategy answers the CAPTCHA", null, List.of(), 2);
        assertThat(classifier.classify(late, expectations).outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void brokenTargetsAndUndefinedStepsAreErrorsNotFailures() {
        assertThat(outcome(record("x", "FAILED", "TargetUnusableException", null))).isEqualTo(Outcome.ERROR);
        assertThat(outcome(record("x", "UNDEFINED", null, null))).isEqualTo(Outcome.ERROR);
    }
}
