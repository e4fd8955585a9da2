package org.mwconform.world;

import org.mwconform.accounts.AccountFactory;
import org.mwconform.client.TargetBreaker;
import org.mwconform.client.WikiFacts;
import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.deployments.LocalProvisioner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * What one deployment's scenarios run against: the run's id, the deployment and the facts the preflight read once
 * for the run, the breaker that stops every session once the wiki stopped answering, and the configured patience.
 * <p>
 * {@code mwconform run} gives it to the scenarios it runs in its own JVM ({@link #runWith}); a plain Cucumber run
 * ({@code mvn test}, an IDE) reads it from system properties ({@code mwconform.environment}, {@code mwconform.runId}).
 */
public record RunSettings(String runId, CompletableFuture<Prepared> preflight, TargetBreaker breaker, Duration patience) {
    /**
     * What the preflight settled: the deployment as it is served (a local wiki served on a free port, as recorded, is
     * reached there) and the facts it read once for the run.
     */
    public record Prepared(Deployment deployment, WikiFacts facts) {
    }

    public static final String ENVIRONMENT = "mwconform.environment";
    public static final String RUN_ID = "mwconform.runId";
    /** The api.php to talk to when it is not the file's own: a fault-injecting proxy in front of the wiki. */
    public static final String API = "mwconform.api";
    /**
     * {@code -Dmwconform.patience=SECONDS}: how long the harness waits on a wiki, for a restart and for replicas (default
     * 10 s, else the environment file's {@code patience:}); see {@code ClientSettings.patience()}.
     */
    public static final String PATIENCE = org.mwconform.deployments.ClientSettings.PATIENCE_PROPERTY;

    /**
     * The settings of the deployment whose scenarios run on this thread and the threads it starts (Cucumber's
     * runners). Set only by {@link #runWith}, for the length of one deployment's Cucumber run: deployments that run
     * side by side in one JVM each see their own.
     */
    private static final InheritableThreadLocal<RunSettings> CURRENT = new InheritableThreadLocal<>();

    /** Runs {@code scenarios} (one Cucumber run) with these settings visible to every world it creates. */
    public <T> T runWith(Supplier<T> scenarios) {
        RunSettings before = CURRENT.get();
        CURRENT.set(this);
        try {
            return scenarios.get();
        } finally {
            CURRENT.set(before);
        }
    }

    /** The settings {@link #runWith} gave this thread, or those system properties describe. */
    public static RunSettings current() {
        RunSettings given = CURRENT.get();
        return given != null ? given : fromSystemProperties();
    }

    /**
     * The deployment as the preflight found it served, once it has: Cucumber starts while the wiki is brought up and
     * asked, and each scenario's world waits here, so nothing is sent before the deployment passed its preflight.
     */
    public Deployment deployment() {
        return prepared().deployment();
    }

    /** The facts the preflight read once for the run (waiting for it, as {@link #deployment}). */
    public WikiFacts facts() {
        return prepared().facts();
    }

    private Prepared prepared() {
        try {
            return preflight.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            throw new IllegalStateException("the deployment did not pass its preflight; no scenario runs", e);
        }
    }

    /** Whatever {@link #runWith} gave this thread, without falling back to system properties. */
    public static java.util.Optional<RunSettings> given() {
        return java.util.Optional.ofNullable(CURRENT.get());
    }

    public static RunSettings fromSystemProperties() {
        String environment = System.getProperty(ENVIRONMENT);
        if (environment == null || environment.isBlank()) {
            throw new ConfigurationException("no deployment: set -D" + ENVIRONMENT + "=environments/NAME.yml (./mwconform run does this)");
        }
        String runId = System.getProperty(RUN_ID);
        Deployment deployment = new DeploymentLoader().load(Path.of(environment));
        String api = System.getProperty(API);
        if (api != null && !api.isBlank()) {
            deployment = deployment.withApi(java.net.URI.create(api));
        } else if (deployment.isLocal() && !LocalProvisioner.isRunning(deployment)) {
            // Its preferred port may serve another checkout's wiki: never test that one instead.
            throw new ConfigurationException(environment + ": no wiki of this file runs on this machine (no port record);"
                    + " start it first: mwconform wiki up " + environment);
        }
        return new RunSettings(runId == null || runId.isBlank() ? AccountFactory.newRunId() : runId,
                CompletableFuture.completedFuture(new Prepared(deployment, WikiFacts.none())), TargetBreaker.fromSystemProperties(),
                deployment.client().patience());
    }
}
