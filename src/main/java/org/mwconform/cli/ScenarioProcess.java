package org.mwconform.cli;

/**
 * The entry point of one deployment's scenario process. A process per deployment keeps
 * deployments isolated (system properties, Allure's results folder) and lets them run concurrently.
 */
public final class ScenarioProcess {
    private ScenarioProcess() {
    }

    public static void main(String[] cucumberArgs) {
        byte status = io.cucumber.core.cli.Main.run(cucumberArgs, Thread.currentThread().getContextClassLoader());
        System.exit(status);
    }
}
