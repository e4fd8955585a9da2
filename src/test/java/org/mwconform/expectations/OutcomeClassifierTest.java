package org.mwconform.expectations;

import org.junit.jupiter.api.Test;
import org.mwconform.report.ScenarioRecord;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeClassifierTest {
    private final OutcomeClassifier classifier = new OutcomeClassifier();
    private final Expectations expectations = new Expectations(List.of(
            new KnownDeviation("notoken", "api.error-code", "says missingparam", null)));

    private static ScenarioRecord record(String id, String status, String errorType, String condition) {
        return new ScenarioRecord(id, "F", "S", "file:x.feature", 1, List.of(), status, errorType, condition, "msg", null);
    }

    @Test
    void theDeviationOnlyCoversTheConditionItNames() {
        assertThat(classifier.classify(record("notoken", "FAILED", "ConditionFailure", "api.error-code"), expectations).outcome())
                .isEqualTo(Outcome.KNOWN_DEVIATION);
        assertThat(classifier.classify(record("notoken", "FAILED", "ConditionFailure", "users.no-account"), expectations).outcome())
                .isEqualTo(Outcome.FAILED);
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
        assertThat(classifier.classify(record("x", "SKIPPED", null, null), expectations).outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void brokenTargetsAndUndefinedStepsAreErrorsNotFailures() {
        assertThat(classifier.classify(record("x", "FAILED", "TargetUnusableException", null), expectations).outcome())
                .isEqualTo(Outcome.ERROR);
        assertThat(classifier.classify(record("x", "UNDEFINED", null, null), expectations).outcome()).isEqualTo(Outcome.ERROR);
    }
}
