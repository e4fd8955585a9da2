package org.mwconform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mwconform.client.TargetBreaker;
import org.mwconform.deployments.Deployment;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.AllureReport;
import org.mwconform.report.Judgement;
import org.mwconform.report.allure.AllureResults;
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
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PREFLIGHT_FEATURE = "Preflight";
    private static final String PREFLIGHT_SCENARIO = "The target answers the Action API";

    /** Told what a deployment is doing, for the progress a person watches; never decides a result. */
    interface Listener {
        Listener NONE = new Listener() {
        };

        default void state(String deployment, String state) {
        }

        /** The scenarios are running and Cucumber's messages appear in {@code records}, one NDJSON line each. */
        default void running(String deployment, Path records, Expectations expectations) {
        }
    }

    private final ScenarioProcessLauncher launcher;
    private final Preflight preflight;
    private final Path allureHome;
    private final boolean allScenariosSelected;
    private final Listener listener;
    private final RunInterruption interruption;

    DeploymentRunner(ScenarioProcessLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected) {
        this(launcher, preflight, allureHome, allScenariosSelected, new RunInterruption());
    }

    DeploymentRunner(ScenarioProcessLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected,
                     RunInterruption interruption) {
        this(launcher, preflight, allureHome, allScenariosSelected, interruption, Listener.NONE);
    }

    DeploymentRunner(ScenarioProcessLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected,
                     RunInterruption interruption, Listener listener) {
        this.interruption = interruption;
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
            listener.running(deployment.name(), folder.messages(), expectations);
            launched = launcher.run(environment, deployment.api(), folder);
        } catch (IOException | RuntimeException e) {
            return error(deployment, version, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(deployment, version, "interrupted");
        } finally {
            deletePrivately(privateEnvironment);
        }
        return judged(deployment, version, answer.siteInfo().extensions(), expectations, launched, folder);
    }

    /**
     * What Cucumber's messages of one deployment say, judged: results, evidence files, Allure results and page.
     * The same for a run this harness made and for one made by {@code mvn test} ({@code mwconform report}).
     */
    DeploymentResult judged(Deployment deployment, String version, List<String> extensions, Expectations expectations,
                            ScenarioProcessLauncher.Launched launched, ScenarioProcessLauncher.Folder folder) {
        listener.state(deployment.name(), "reporting");
        List<ScenarioRecord> records = launched.records();
        List<ScenarioResult> results = new ArrayList<>(Judgement.judge(records, expectations,
                allScenariosSelected && launched.coreRan() && launched.messages().allScenariosSelected(), folder.root(), runFolder(folder)));
        if (launcher != null) {
            // A run is complete or it is an error: every selected scenario owes exactly one result.
            results.addAll(Completeness.missing(launcher.selected(deployment), records, launched));
            results.sort(java.util.Comparator.comparing(ScenarioResult::feature).thenComparing(ScenarioResult::scenario));
        }
        oneReasonOnceTheTargetStopped(results, folder);
        // Allure's results are cheap and always written (mwconform allure RUN builds the page later); the page costs
        // a JVM and seconds per deployment: only when asked (run --allure).
        Optional<Path> allure = Optional.empty();
        if (!interruption.interrupted()) {
            writeAllureResults(deployment, results, launched, folder);
        }
        if (allureHome == null) {
            // not asked for (and mwconform mutate runs the suite dozens of times)
        } else if (interruption.interrupted()) {
            System.out.println("  " + deployment.name() + ": no Allure report: the run was interrupted");
        } else {
            StringBuilder whyNot = new StringBuilder();
            allure = new AllureReport(allureHome).generate(folder.allureResults(), folder.allureReport(), whyNot);
            if (allure.isEmpty() && !records.isEmpty()) {
                System.out.println("  " + deployment.name() + ": no Allure report: " + whyNot);
            }
        }
        return new DeploymentResult(deployment.name(), deployment.shownApi(), deployment.description(), version,
                extensions, deployment.writable(), DeploymentResult.count(results), results,
                allure.map(p -> runFolder(folder).relativize(p).toString()).orElse(null), null);
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

    /** Allure results from the harness's judgement, so Allure agrees with results.json on every outcome. */
    private static void writeAllureResults(Deployment deployment, List<ScenarioResult> results,
                                           ScenarioProcessLauncher.Launched launched, ScenarioProcessLauncher.Folder folder) {
        try {
            new AllureResults(folder.allureResults(), deployment.name()).write(results, launched.messages().scenarios(), runFolder(folder));
        } catch (IOException e) {
            System.out.println("  " + deployment.name() + ": no Allure results: " + e.getMessage());
        }
    }

    /** The run folder: reports/runs/RUN, two levels above a deployment's folder. */
    private static Path runFolder(ScenarioProcessLauncher.Folder folder) {
        return folder.root().getParent().getParent();
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
                null, deployment.writable(), DeploymentResult.count(results), results, null, null);
    }
}
