package org.mwconform.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mwconform.client.TargetBreaker;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.LocalProvisioner;
import org.mwconform.expectations.Expectations;
import org.mwconform.files.CannotWriteException;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.AllureReport;
import org.mwconform.report.Judgement;
import org.mwconform.report.allure.AllureResults;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.ScenarioRecord;
import org.mwconform.report.ScenarioResult;
import org.mwconform.world.RunSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One deployment of a run: preflight, scenarios, classification against its expectations, evidence, Allure. */
public final class DeploymentRunner {
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

    private final ScenarioLauncher launcher;
    private final Preflight preflight;
    private final Path allureHome;
    private final boolean allScenariosSelected;
    private final Listener listener;
    private final RunInterruption interruption;
    private final java.util.Queue<CompletableFuture<Void>> background;

    public DeploymentRunner(ScenarioLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected) {
        this(launcher, preflight, allureHome, allScenariosSelected, new RunInterruption());
    }

    public DeploymentRunner(ScenarioLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected,
                     RunInterruption interruption) {
        this(launcher, preflight, allureHome, allScenariosSelected, interruption, Listener.NONE);
    }

    public DeploymentRunner(ScenarioLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected,
                     RunInterruption interruption, Listener listener) {
        this(launcher, preflight, allureHome, allScenariosSelected, interruption, listener, null);
    }

    /**
     * @param background where writes nothing else waits for (the Allure results) are left to finish on another thread
     *                   while the run writes its reports; the caller waits for them before it ends. Null: written at once.
     */
    public DeploymentRunner(ScenarioLauncher launcher, Preflight preflight, Path allureHome, boolean allScenariosSelected,
                     RunInterruption interruption, Listener listener, java.util.Queue<CompletableFuture<Void>> background) {
        this.background = background;
        this.interruption = interruption;
        this.listener = listener;
        this.launcher = launcher;
        this.preflight = preflight;
        this.allureHome = allureHome;
        this.allScenariosSelected = allScenariosSelected;
    }

    public DeploymentResult run(Deployment deployment, String notStarted, ScenarioLauncher.Folder folder) {
        Map<String, String> failures = notStarted == null ? Map.of() : Map.of(deployment.name(), notStarted);
        // Up (or not) already: what the preflight finds is the wiki the run uses.
        return run(deployment, CompletableFuture.completedFuture(new LocalProvisioner.Up(failures, java.util.Set.of(deployment.name()))), folder);
    }

    /**
     * Cucumber starts on the deployment's scenarios at once, and the preflight asks the wiki who it is while the local
     * wikis are brought up; each scenario waits for the preflight, so nothing is sent to a wiki that did not pass it.
     * That early answer counts when it came from this checkout's own wiki (its router's identity header), or when
     * {@code wiki up} then finds the wiki was already running; otherwise the wiki is asked again, now that it is up.
     *
     * @param up what {@code wiki up} did, once it is done
     */
    DeploymentResult run(Deployment deployment, CompletableFuture<LocalProvisioner.Up> up, ScenarioLauncher.Folder folder) {
        CompletableFuture<RunSettings.Prepared> prepared = new CompletableFuture<>();
        ScenarioLauncher.Running running;
        Expectations expectations;
        try {
            expectations = Expectations.load(deployment.expectationsFile());
            running = launcher.start(deployment, prepared, folder);
        } catch (CannotWriteException e) {
            throw e;  // the reports' disk, not the deployment: the run ends with one line
        } catch (IOException | RuntimeException e) {
            return error(deployment, null, e.getMessage());
        }
        listener.state(deployment.name(), "preflight");
        // Asked while the wikis may still be coming up. This checkout's own wiki answering as itself was brought up before:
        // its scenarios need not wait for the engine to say so again (its verdict still counts, below).
        Preflight.Answer answer = preflight.check(deployment);
        boolean itself = answer.error() == null && LocalProvisioner.answeredAsItself(deployment, answer.facts().servedBy().orElse(null));
        String notUp = null;
        if (!itself) {
            LocalProvisioner.Up brought = up.join();
            notUp = brought.failures().get(deployment.name());
            if (notUp == null && !brought.wasRunning(deployment)) {
                // Started just now, perhaps on a free port when another checkout's wiki held the file's: ask it there.
                deployment = LocalProvisioner.asServed(deployment);
                answer = preflight.check(deployment);
            }
        }
        String failed = notUp != null ? "not started: " + notUp : answer.error();
        if (failed != null) {
            prepared.completeExceptionally(new IllegalStateException(failed));
            try {
                launcher.abandon(running);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return error(deployment, null, failed);
        }
        String version = answer.siteInfo().mediawikiVersion();
        // The harness's reviewed deviations of the version the wiki reports, unless its expectations file chose some.
        Expectations.ForVersion reviewed;
        try {
            reviewed = expectations.forVersion(version);
        } catch (RuntimeException e) {
            prepared.completeExceptionally(e);
            try {
                launcher.abandon(running);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            return error(deployment, version, e.getMessage());
        }
        expectations = reviewed.expectations();
        ScenarioLauncher.Launched launched;
        try {
            if (deployment.source() == null) {
                shownEnvironment(deployment, folder);
            }
            answer.facts().write(folder.facts());
            listener.running(deployment.name(), folder.messages(), expectations);
            prepared.complete(new RunSettings.Prepared(deployment, answer.facts()));
            launched = launcher.finish(running);
            String late = up.join().failures().get(deployment.name());
            if (late != null) {
                return error(deployment, version, "not started: " + late);
            }
        } catch (CannotWriteException e) {
            prepared.completeExceptionally(e);
            throw e;
        } catch (IOException | RuntimeException e) {
            prepared.completeExceptionally(e);
            return error(deployment, version, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(deployment, version, "interrupted");
        }
        DeploymentResult result = judged(deployment, version, answer.siteInfo().extensions(), expectations, launched, folder)
                .described(deployment.counterpart(), answer.captcha());
        return reviewed.note() == null ? result : result.withFlags(List.of(reviewed.note()));
    }

    /**
     * What Cucumber's messages of one deployment say, judged: results, evidence files, Allure results and page.
     * The same for a run this harness made and for one made by {@code mvn test} ({@code mwconform report}).
     */
    public DeploymentResult judged(Deployment deployment, String version, List<String> extensions, Expectations expectations,
                            ScenarioLauncher.Launched launched, ScenarioLauncher.Folder folder) {
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
            if (background != null && allureHome == null) {
                List<ScenarioResult> judged = List.copyOf(results);
                background.add(CompletableFuture.runAsync(() -> writeAllureResults(deployment, judged, launched, folder),
                        task -> daemon("mwconform-allure-results-" + deployment.name(), task)));
            } else {
                writeAllureResults(deployment, results, launched, folder);
            }
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
                allure.map(p -> runFolder(folder).relativize(p).toString()).orElse(null), null, null, null, null,
                deployment.writable() ? null : posts(records));
    }

    /** The POST requests the scenarios sent, by action, as their evidence recorded them (every POST is recorded). */
    static Map<String, Integer> posts(List<ScenarioRecord> records) {
        Map<String, Integer> posts = new java.util.TreeMap<>();
        for (ScenarioRecord r : records) {
            if (r.evidence() == null) {
                continue;
            }
            for (com.fasterxml.jackson.databind.JsonNode e : r.evidence().path("exchanges")) {
                if ("POST".equals(e.path("method").asText())) {
                    posts.merge(e.path("form").path("action").asText("(none)"), 1, Integer::sum);
                }
            }
        }
        return posts;
    }

    /**
     * Once the wiki stopped answering (a deadline, a vanished host, endless transient answers, an oversized
     * answer), every scenario that errored for it carries that one reason, so the console shows it once.
     */
    private static void oneReasonOnceTheTargetStopped(List<ScenarioResult> results, ScenarioLauncher.Folder folder) {
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
                                           ScenarioLauncher.Launched launched, ScenarioLauncher.Folder folder) {
        try {
            new AllureResults(folder.allureResults(), deployment.name()).write(results, launched.messages().scenarios(), runFolder(folder));
        } catch (IOException e) {
            System.out.println("  " + deployment.name() + ": no Allure results: " + e.getMessage());
        }
    }

    /** The run folder: reports/runs/RUN, two levels above a deployment's folder. */
    private static Path runFolder(ScenarioLauncher.Folder folder) {
        return folder.root().getParent().getParent();
    }

    /** Runs {@code task} on a daemon thread of its own: work the run waits for explicitly, never one that keeps it alive. */
    static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** An ad-hoc --target has no file: the run folder keeps what it was, its URL's userinfo and query values masked. */
    private static void shownEnvironment(Deployment deployment, ScenarioLauncher.Folder folder) throws IOException {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("name", deployment.name());
        env.put("description", deployment.description());
        env.put("api", deployment.shownApi());
        env.put("writable", deployment.writable());
        env.put("usernamePrefix", deployment.usernamePrefix());
        org.mwconform.files.AtomicFiles.writeJson(folder.environment(), YAML.writer(), env);
    }

    private static DeploymentResult error(Deployment deployment, String version, String reason) {
        List<ScenarioResult> results = List.of(new ScenarioResult("preflight", PREFLIGHT_FEATURE, PREFLIGHT_SCENARIO,
                List.of(), Outcome.ERROR, reason, null, null));
        return new DeploymentResult(deployment.name(), deployment.shownApi(), deployment.description(), version,
                null, deployment.writable(), DeploymentResult.count(results), results, null, null);
    }
}
