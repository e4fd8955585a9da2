package org.mwconform.history;

import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.matrix.ScenarioKeys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run as the history keeps it: when it ran, and per deployment its facts and each cell's outcome, failing
 * condition and reason. Built from what the run wrote (results.json and each deployment's facts.json), so a run
 * recorded as it ends and one imported from its folder years later are the same record.
 *
 * @param source how it came in: {@code run}, {@code merge} or {@code import}
 */
public record RunRecord(String runId, String startedAt, String finishedAt, String harness, String tags, String source,
                        List<Deployment> deployments) {

    /**
     * @param facts          {@link DeploymentFacts}; empty when the deployment's preflight failed (nothing was read)
     * @param preflightError the reason, when the deployment never ran a scenario
     */
    public record Deployment(String name, Map<String, String> facts, String preflightError, List<Cell> cells) {
    }

    /** @param key the scenario's key in its deployment ({@link ScenarioKeys}): its {@code @id}, else "feature / scenario" */
    public record Cell(String key, String feature, String scenario, String outcome, String condition, String reason) {
    }

    /** The record of a run in {@code runFolder} (whose deployments' folders hold their facts.json). */
    public static RunRecord of(RunReport report, Path runFolder, String source) {
        List<Deployment> deployments = new ArrayList<>();
        for (DeploymentResult d : report.deployments()) {
            String preflightError = ScenarioKeys.preflightError(d);
            Map<String, String> facts = preflightError != null ? Map.of()
                    : DeploymentFacts.of(d, runFolder == null ? null : runFolder.resolve("deployments").resolve(d.name()));
            List<Cell> cells = new ArrayList<>();
            ScenarioKeys.of(d).forEach((key, r) -> cells.add(cell(key, r)));
            deployments.add(new Deployment(d.name(), facts, preflightError, cells));
        }
        RunReport.Run run = report.run();
        return new RunRecord(run.id(), run.startedAt(), run.finishedAt(), run.harness(), run.tags(), source, deployments);
    }

    private static Cell cell(String key, ScenarioResult r) {
        return new Cell(key, r.feature(), r.scenario(), r.outcome().label(), r.condition(), r.reason());
    }
}
