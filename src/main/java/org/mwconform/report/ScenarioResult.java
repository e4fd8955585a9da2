package org.mwconform.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.mwconform.expectations.Outcome;

import java.util.List;

/** One row of results.json: a scenario on a deployment, in the report's vocabulary. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioResult(String id, String feature, String scenario, List<String> tags, Outcome outcome,
                             String reason, String condition, String evidence) {
}
