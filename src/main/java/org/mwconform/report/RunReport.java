package org.mwconform.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The whole of results.json: {@code {"run": {...}, "deployments": [...]}}. */
public record RunReport(Run run, List<DeploymentResult> deployments) {

    /** @param interrupted true when a signal stopped the run: what was judged before it is kept, nothing more */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(String id, String startedAt, String finishedAt, double durationSeconds, String tags,
                      String harness, Boolean interrupted) {
        public Run(String id, String startedAt, String finishedAt, double durationSeconds, String tags, String harness) {
            this(id, startedAt, finishedAt, durationSeconds, tags, harness, null);
        }
    }
}
