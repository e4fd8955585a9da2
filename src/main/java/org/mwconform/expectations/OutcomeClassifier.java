package org.mwconform.expectations;

import org.mwconform.report.ScenarioRecord;

import java.util.Optional;

/**
 * Turns what Cucumber saw into the report's vocabulary. A failure counts as a known deviation only when
 * the same condition the expectations file names failed; anything else that failed is still a failure.
 */
public final class OutcomeClassifier {
    private static final String NOT_APPLICABLE = "NotApplicable";

    public Classification classify(ScenarioRecord record, Expectations expectations) {
        Optional<KnownDeviation> deviation = record.id() == null ? Optional.empty() : expectations.forScenario(record.id());
        return switch (record.status()) {
            case "PASSED" -> deviation
                    .map(d -> new Classification(Outcome.STALE_EXPECTATION, "expected condition " + d.condition()
                            + " to fail (" + d.reason() + "), but the scenario passed: update the expectations file"))
                    .orElse(new Classification(Outcome.PASSED, null));
            case "FAILED" -> failed(record, deviation);
            case "SKIPPED" -> NOT_APPLICABLE.equals(record.errorType())
                    ? new Classification(Outcome.NOT_APPLICABLE, record.message())
                    : new Classification(Outcome.ERROR, "skipped without evidence of applicability: " + record.message());
            default -> new Classification(Outcome.ERROR, "scenario status " + record.status()
                    + (record.message() == null ? "" : ": " + record.message()));
        };
    }

    private static Classification failed(ScenarioRecord record, Optional<KnownDeviation> deviation) {
        if (record.conditionId() == null) {
            return new Classification(Outcome.ERROR, record.errorType() + ": " + record.message());
        }
        if (deviation.isPresent() && deviation.get().condition().equals(record.conditionId())) {
            return new Classification(Outcome.KNOWN_DEVIATION, deviation.get().reason() + " | observed: " + record.message());
        }
        return new Classification(Outcome.FAILED, record.message());
    }
}
