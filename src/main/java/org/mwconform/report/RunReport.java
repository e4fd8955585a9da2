package org.mwconform.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The whole of results.json: {@code {"run": {...}, "deployments": [...]}}. */
public record RunReport(Run run, List<DeploymentResult> deployments) {

    /**
     * @param tags        the --tags filter, or null
     * @param interrupted true when a signal stopped the run: what was judged before it is kept, nothing more
     * @param shard       {@code I/N} when this run is one shard of a matrix (see {@code mwconform merge}), else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(String id, String startedAt, String finishedAt, double durationSeconds, String tags,
                      String harness, Boolean interrupted, String shard) {

        public Run(String id, String startedAt, String finishedAt, double durationSeconds, String tags, String harness) {
            this(id, startedAt, finishedAt, durationSeconds, tags, harness, null, null);
        }

        public Run(String id, String startedAt, String finishedAt, double durationSeconds, String tags, String harness,
                   Boolean interrupted) {
            this(id, startedAt, finishedAt, durationSeconds, tags, harness, interrupted, null);
        }

        /** A run that saw only part of the scenarios: never another run's baseline unless named. */
        public boolean partial() {
            return tags != null || shard != null;
        }
    }
}
