package org.mwconform.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.mwconform.conditions.CheckedCondition;

import java.util.List;

/**
 * One scenario as Cucumber reported it, before expectations are applied.
 *
 * @param status       Cucumber's status: PASSED, FAILED, SKIPPED, UNDEFINED, ...
 * @param errorType    the simple class name of what ended the scenario, if anything
 * @param conditionId  the failing condition, when a named condition failed
 * @param message      one line, masked
 * @param failures     every condition that did not hold, in order, with what was observed (side-effect guards
 *                     checked after the scenario stopped included)
 * @param stepRequests how many requests the scenario's own steps sent (after its applicability was decided)
 */
public record ScenarioRecord(String id, String feature, String scenario, String uri, int line, List<String> tags,
                             String status, String errorType, String conditionId, String message, JsonNode evidence,
                             List<CheckedCondition> failures, int stepRequests) {
    public ScenarioRecord {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

}
