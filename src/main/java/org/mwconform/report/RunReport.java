package org.mwconform.report;

import java.util.List;

/** The whole of results.json: {@code {"run": {...}, "deployments": [...]}}. */
public record RunReport(Run run, List<DeploymentResult> deployments) {

    public record Run(String id, String startedAt, String finishedAt, double durationSeconds, String tags,
                      String harness) {
    }
}
