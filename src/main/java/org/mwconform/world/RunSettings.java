package org.mwconform.world;

import org.mwconform.accounts.AccountFactory;
import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;

import java.nio.file.Path;

/**
 * What one scenario process is run against, set once by the runner as system properties
 * ({@code mwconform.environment}, {@code mwconform.runId}) and only read here.
 */
public record RunSettings(Deployment deployment, String runId) {
    public static final String ENVIRONMENT = "mwconform.environment";
    public static final String RUN_ID = "mwconform.runId";
    /** The api.php to talk to when it is not the file's own: a fault-injecting proxy in front of the wiki. */
    public static final String API = "mwconform.api";

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
        }
        return new RunSettings(deployment, runId == null || runId.isBlank() ? AccountFactory.newRunId() : runId);
    }
}
