package org.mwconform.expectations;

import org.mwconform.conditions.CheckedCondition;
import org.mwconform.report.ScenarioRecord;

import java.util.Map;
import java.util.Optional;

/**
 * Turns what Cucumber saw into the report's vocabulary. A failure counts as a known deviation only when
 * the condition the expectations file names failed first, with exactly the observation it pins, and nothing
 * else failed; an account created by a rejected request is always a failure. A scenario that sent requests
 * and then found it could not apply could not be judged: an error, never not-applicable.
 */
public final class OutcomeClassifier {
    private static final String NOT_APPLICABLE = "NotApplicable";

    public Classification classify(ScenarioRecord record, Expectations expectations) {
        Optional<KnownDeviation> deviation = record.id() == null ? Optional.empty() : expectations.forScenario(record.id());
        return switch (record.status()) {
            case "PASSED" -> deviation
                    .map(d -> new Classification(Outcome.STALE_EXPECTATION, "expected condition " + d.condition()
                            + " to fail with " + d.observed() + " (" + d.reason() + "), but the scenario passed: update the expectations file"))
                    .orElse(new Classification(Outcome.PASSED, null));
            case "FAILED" -> failed(record, deviation);
            case "SKIPPED" -> skipped(record);
            case "UNDEFINED" -> new Classification(Outcome.ERROR, record.message() != null && record.message().startsWith("undefined step")
                    ? record.message() : "scenario status UNDEFINED" + (record.message() == null ? "" : ": " + record.message()));
            default -> new Classification(Outcome.ERROR, "scenario status " + record.status()
                    + (record.message() == null ? "" : ": " + record.message()));
        };
    }

    private static Classification skipped(ScenarioRecord record) {
        if (!NOT_APPLICABLE.equals(record.errorType())) {
            return new Classification(Outcome.ERROR, "skipped without evidence of applicability: " + record.message());
        }
        if (record.stepRequests() > 0) {
            return new Classification(Outcome.ERROR, "could not go on after sending " + record.stepRequests()
                    + " request(s): applicability must be decided before the first request; " + record.message());
        }
        return new Classification(Outcome.NOT_APPLICABLE, record.message());
    }

    private static Classification failed(ScenarioRecord record, Optional<KnownDeviation> deviation) {
        Optional<CheckedCondition> guard = record.failures().stream()
                .filter(c -> Expectations.NEVER_A_DEVIATION.contains(c.id())).findFirst();
        if (guard.isPresent()) {
            return new Classification(Outcome.FAILED, "[" + guard.get().id() + "] " + guard.get().detail()
                    + (guard.get().id().equals(record.conditionId()) ? "" : " (after: " + record.message() + ")"), guard.get().id());
        }
        if (record.conditionId() == null) {
            return new Classification(Outcome.ERROR, record.errorType() + ": " + record.message());
        }
        if (deviation.isEmpty() || !deviation.get().condition().equals(record.conditionId())) {
            return new Classification(Outcome.FAILED, record.message());
        }
        KnownDeviation d = deviation.get();
        Map<String, String> observed = record.failures().stream().filter(c -> c.id().equals(d.condition())).findFirst()
                .map(CheckedCondition::observed).orElse(Map.of());
        if (!d.observed().equals(observed)) {
            return new Classification(Outcome.FAILED, record.message() + " | observed " + observed
                    + ", but the known deviation at " + d.condition() + " is " + d.observed());
        }
        if (record.failures().size() > 1) {
            CheckedCondition other = record.failures().get(1);
            return new Classification(Outcome.FAILED, "[" + other.id() + "] " + other.detail()
                    + " (besides the known deviation at " + d.condition() + ")");
        }
        return new Classification(Outcome.KNOWN_DEVIATION, d.reason() + " | observed: " + observed);
    }
}
