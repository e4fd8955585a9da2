package org.mwconform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mwconform.deployments.Deployment;
import org.mwconform.expectations.Classification;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.KnownDeviation;
import org.mwconform.expectations.Outcome;
import org.mwconform.expectations.OutcomeClassifier;
import org.mwconform.report.AllureReport;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.ScenarioRecord;
import org.mwconform.report.ScenarioResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One deployment of a run: preflight, scenarios, classification against its expectations, evidence, Allure. */
final class DeploymentRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PREFLIGHT_FEATURE = "Preflight";
    private static final String PREFLIGHT_SCENARIO = "The target answers the Action API";

    /** Told what a deployment is doing, for the progress a person watches; never decides a result. */
    interface Listener {
        Listener NONE = new Listener() {
        };

        default void state(String deployment, String state) {
        }

        /** The scenarios are running and their records appear in {@code records}, one JSON line each. */
        default void running(String deployment, Path records, Expectations expectations) {
        }
    }

    private final ScenarioProcessLauncher launcher;
    private final Preflight preflight;
    private final Path allureHome;
    private final boolean allScenariosSelected;
    private final Listener listener;

    DeploymentRunner(ScenarioProcessLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected) {
        this(launcher, preflight, allureHome, allScenariosSelected, Listener.NONE);
    }

    DeploymentRunner(ScenarioProcessLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected,
                     Listener listener) {
        this.listener = listener;
        this.launcher = launcher;
        this.preflight = preflight;
        this.allureHome = allureHome;
        this.allScenariosSelected = allScenariosSelected;
    }

    DeploymentResult run(Deployment deployment, String notStarted, ScenarioProcessLauncher.Folder folder) {
        if (notStarted != null) {
            return error(deployment, null, "not started: " + notStarted);
        }
        listener.state(deployment.name(), "preflight");
        Preflight.Answer answer = preflight.check(deployment);
        if (answer.error() != null) {
            return error(deployment, null, answer.error());
        }
        String version = answer.siteInfo().mediawikiVersion();
        List<ScenarioRecord> records;
        Expectations expectations;
        try {
            expectations = Expectations.load(deployment.expectationsFile());
            Files.createDirectories(folder.root());
            listener.running(deployment.name(), folder.records(), expectations);
            records = launcher.run(environmentFile(deployment, folder), folder);
        } catch (IOException | RuntimeException e) {
            return error(deployment, version, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(deployment, version, "interrupted");
        }
        listener.state(deployment.name(), "reporting");
        List<ScenarioResult> results = classify(records, expectations, folder);
        // Allure's report costs a JVM and seconds per deployment: only when asked (run --allure, or mwconform allure later).
        StringBuilder whyNot = new StringBuilder();
        Optional<Path> allure = allureHome == null ? Optional.empty()
                : new AllureReport(allureHome).generate(folder.allureResults(), folder.allureReport(), whyNot);
        if (allureHome != null && allure.isEmpty() && !records.isEmpty()) {
            System.out.println("  " + deployment.name() + ": no Allure report: " + whyNot);
        }
        return new DeploymentResult(deployment.name(), deployment.api().toString(), deployment.description(), version,
                answer.siteInfo().extensions(), deployment.writable(), DeploymentResult.count(results), results,
                allure.map(p -> folder.root().getParent().getParent().relativize(p).toString()).orElse(null));
    }

    private List<ScenarioResult> classify(List<ScenarioRecord> records, Expectations expectations,
                                          ScenarioProcessLauncher.Folder folder) {
        OutcomeClassifier classifier = new OutcomeClassifier();
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioRecord record : records) {
            Classification c = classifier.classify(record, expectations);
            results.add(new ScenarioResult(record.id(), record.feature(), record.scenario(), record.tags(), c.outcome(),
                    c.reason(), record.conditionId(), writeEvidence(record, folder)));
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
        results.sort(java.util.Comparator.comparing(ScenarioResult::feature).thenComparing(ScenarioResult::scenario));
        return results;
    }

    private static String writeEvidence(ScenarioRecord record, ScenarioProcessLauncher.Folder folder) {
        if (record.evidence() == null || record.id() == null) {
            return null;
        }
        Path file = folder.root().resolve("evidence").resolve(record.id() + ".json");
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), record.evidence());
        } catch (IOException e) {
            return null;
        }
        return folder.root().getParent().getParent().relativize(file).toString();
    }

    /** An ad-hoc --target has no file: the scenario process gets one written into the run folder. */
    private static Path environmentFile(Deployment deployment, ScenarioProcessLauncher.Folder folder) throws IOException {
        if (deployment.source() != null) {
            return deployment.source();
        }
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("name", deployment.name());
        env.put("description", deployment.description());
        env.put("api", deployment.api().toString());
        env.put("writable", deployment.writable());
        env.put("usernamePrefix", deployment.usernamePrefix());
        YAML.writeValue(folder.environment().toFile(), env);
        return folder.environment();
    }

    private static DeploymentResult error(Deployment deployment, String version, String reason) {
        List<ScenarioResult> results = List.of(new ScenarioResult("preflight", PREFLIGHT_FEATURE, PREFLIGHT_SCENARIO,
                List.of(), Outcome.ERROR, reason, null, null));
        return new DeploymentResult(deployment.name(), deployment.api().toString(), deployment.description(), version,
                null, deployment.writable(), DeploymentResult.count(results), results, null);
    }
}
