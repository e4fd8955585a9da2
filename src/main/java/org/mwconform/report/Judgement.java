package org.mwconform.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mwconform.expectations.Classification;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.KnownDeviation;
import org.mwconform.expectations.Outcome;
import org.mwconform.expectations.OutcomeClassifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One deployment's scenarios judged against its expectations: the single place where what Cucumber saw becomes an
 * outcome, shared by {@code mwconform run} and {@code mwconform report}, so both give the same results.json.
 * Each scenario's evidence is written to {@code evidence/<id>.json} in the deployment's folder.
 */
public final class Judgement {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Judgement() {
    }

    /**
     * @param allScenariosSelected the deployment's whole contract ran (no tag filter, the core contract included): an
     *                             expectations entry naming no scenario is stale
     * @param deploymentFolder     where evidence files go
     * @param runFolder            what evidence paths in results.json are relative to
     */
    public static List<ScenarioResult> judge(List<ScenarioRecord> records, Expectations expectations, boolean allScenariosSelected,
                                             Path deploymentFolder, Path runFolder) {
        OutcomeClassifier classifier = new OutcomeClassifier();
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioRecord record : records) {
            Classification c = classifier.classify(record, expectations);
            results.add(new ScenarioResult(record.id(), record.feature(), record.scenario(), record.tags(), c.outcome(),
                    c.reason(), c.condition() != null ? c.condition() : record.conditionId(),
                    writeEvidence(record, deploymentFolder, runFolder)));
        }
        if (allScenariosSelected) {
            // An entry whose scenario no longer exists would otherwise rot unseen.
            for (KnownDeviation d : expectations.all()) {
                if (records.stream().noneMatch(r -> d.scenario().equals(r.id()))) {
                    results.add(new ScenarioResult(d.scenario(), "(expectations file)", d.scenario(), List.of(),
                            Outcome.STALE_EXPECTATION, "no scenario has the id '" + d.scenario() + "'", d.condition(), null));
                }
            }
        }
        results.sort(Comparator.comparing(ScenarioResult::feature).thenComparing(ScenarioResult::scenario));
        return results;
    }

    private static String writeEvidence(ScenarioRecord record, Path deploymentFolder, Path runFolder) {
        if (record.evidence() == null || record.id() == null) {
            return null;
        }
        Path file = deploymentFolder.resolve("evidence").resolve(record.id() + ".json");
        // A file that cannot be written stops the run (CannotWriteException): evidence is never silently dropped.
        org.mwconform.files.AtomicFiles.writeJson(file, JSON.writer(), record.evidence());
        return runFolder.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
    }
}
