package org.mwconform.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The whole of results.json: {@code {"run": {...}, "deployments": [...]}}. */
public record RunReport(Run run, List<DeploymentResult> deployments) {

    /**
     * @param tags        the --tags filter, or null
     * @param interrupted true when a signal stopped the run: what was judged before it is kept, nothing more
     * @param shard       {@code I/N} when this run is one shard of a matrix (see {@code mwconform merge}), else null
     * @param project     the name of the project whose run it is ({@code name:} in its mwconform.yml), or null for a
     *                    run without one: runs of different projects are never each other's baseline
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(String id, String startedAt, String finishedAt, double durationSeconds, String tags,
                      String harness, Boolean interrupted, String shard, String project) {

        public Run(String id, String startedAt, String finishedAt, double durationSeconds, String tags, String harness,
                   Boolean interrupted, String shard) {
            this(id, startedAt, finishedAt, durationSeconds, tags, harness, interrupted, shard, null);
        }

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

        /** Whether {@code other} is a run of the same project: only such a run can be this one's baseline. */
        public boolean sameProject(Run other) {
            return java.util.Objects.equals(project, other.project);
        }
    }
}
