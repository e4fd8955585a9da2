package org.mwconform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mwconform.client.TargetBreaker;
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
import java.nio.file.attribute.PosixFilePermissions;
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

    private final ScenarioProcessLauncher launcher;
    private final Preflight preflight;
    private final Path allureHome;
    private final boolean allScenariosSelected;
    private final RunInterruption interruption;

    DeploymentRunner(ScenarioProcessLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected) {
        this(launcher, preflight, allureHome, allScenariosSelected, new RunInterruption());
    }

    DeploymentRunner(ScenarioProcessLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected,
                     RunInterruption interruption) {
        this.interruption = interruption;
        this.launcher = launcher;
        this.preflight = preflight;
        this.allureHome = allureHome;
        this.allScenariosSelected = allScenariosSelected;
    }

    DeploymentResult run(Deployment deployment, String notStarted, ScenarioProcessLauncher.Folder folder) {
        if (notStarted != null) {
            return error(deployment, null, "not started: " + notStarted);
        }
        Preflight.Answer answer = preflight.check(deployment);
        if (answer.error() != null) {
            return error(deployment, null, answer.error());
        }
        String version = answer.siteInfo().mediawikiVersion();
        ScenarioProcessLauncher.Launched launched;
        Expectations expectations;
        Path privateEnvironment = null;
        try {
            expectations = Expectations.load(deployment.expectationsFile());
            Files.createDirectories(folder.root());
            Path environment = deployment.source();
            if (environment == null) {
                privateEnvironment = adHocEnvironmentFile(deployment, folder);
                environment = privateEnvironment;
            }
            launched = launcher.run(environment, folder);
        } catch (IOException | RuntimeException e) {
            return error(deployment, version, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(deployment, version, "interrupted");
        } finally {
            deletePrivately(privateEnvironment);
        }
        List<ScenarioRecord> records = launched.records();
        List<ScenarioResult> results = classify(records, expectations, folder);
        oneReasonOnceTheTargetStopped(results, folder);
        if (launched.stoppedEarly() != null) {
            results.add(0, new ScenarioResult("stopped-early", PREFLIGHT_FEATURE, "Every scenario ran", List.of(), Outcome.ERROR,
                    launched.stoppedEarly() + "; " + records.size() + " scenario(s) judged before that are kept", null, null));
        }
        Optional<Path> allure = Optional.empty();
        if (interruption.interrupted()) {
            System.out.println("  " + deployment.name() + ": no Allure report: the run was interrupted");
        } else {
            StringBuilder whyNot = new StringBuilder();
            allure = new AllureReport(allureHome).generate(folder.allureResults(), folder.allureReport(), whyNot);
            if (allure.isEmpty() && !records.isEmpty()) {
                System.out.println("  " + deployment.name() + ": no Allure report: " + whyNot);
            }
        }
        return new DeploymentResult(deployment.name(), deployment.shownApi(), deployment.description(), version,
                answer.siteInfo().extensions(), deployment.writable(), DeploymentResult.count(results), results,
                allure.map(p -> folder.root().getParent().getParent().relativize(p).toString()).orElse(null));
    }

    /**
     * Once the wiki stopped answering (a deadline, a vanished host, endless transient answers, an oversized
     * answer), every scenario that errored for it carries that one reason, so the console shows it once.
     */
    private static void oneReasonOnceTheTargetStopped(List<ScenarioResult> results, ScenarioProcessLauncher.Folder folder) {
        Optional<String> stopped = new TargetBreaker(folder.breaker()).tripped();
        if (stopped.isEmpty()) {
            return;
        }
        results.replaceAll(r -> r.outcome() == Outcome.ERROR && r.reason() != null && r.reason().contains(stopped.get())
                ? new ScenarioResult(r.id(), r.feature(), r.scenario(), r.tags(), r.outcome(), stopped.get(), r.condition(), r.evidence())
                : r);
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

    /**
     * An ad-hoc --target has no file: the scenario process gets one in a private temporary folder (the URL may
     * carry userinfo or a key in its query), deleted after the run; the run folder keeps a copy with them masked.
     */
    private static Path adHocEnvironmentFile(Deployment deployment, ScenarioProcessLauncher.Folder folder) throws IOException {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("name", deployment.name());
        env.put("description", deployment.description());
        env.put("api", deployment.shownApi());
        env.put("writable", deployment.writable());
        env.put("usernamePrefix", deployment.usernamePrefix());
        YAML.writeValue(folder.environment().toFile(), env);
        env.put("api", deployment.api().toString());
        Path dir = Files.createTempDirectory("mwconform-target-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = dir.resolve("environment.yml");
        YAML.writeValue(file.toFile(), env);
        return file;
    }

    private static void deletePrivately(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            // a temporary folder: the system cleans it
        }
    }

    private static DeploymentResult error(Deployment deployment, String version, String reason) {
        List<ScenarioResult> results = List.of(new ScenarioResult("preflight", PREFLIGHT_FEATURE, PREFLIGHT_SCENARIO,
                List.of(), Outcome.ERROR, reason, null, null));
        return new DeploymentResult(deployment.name(), deployment.shownApi(), deployment.description(), version,
                null, deployment.writable(), DeploymentResult.count(results), results, null);
    }
}
