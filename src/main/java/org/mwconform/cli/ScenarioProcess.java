package org.mwconform.cli;

/**
 * The entry point of one deployment's scenario process. A process per deployment keeps
 * deployments isolated (system properties, Allure's results folder) and lets them run concurrently.
 */
public final class ScenarioProcess {
    private ScenarioProcess() {
    }

    public static void main(String[] cucumberArgs) {
        watchParent();
        byte status = io.cucumber.core.cli.Main.run(cucumberArgs, Thread.currentThread().getContextClassLoader());
        System.exit(status);
    }

    /**
     * A scenario process never outlives the run that started it: when its parent is gone (killed, even
     * with SIGKILL, so no shutdown hook ran), it stops at once instead of creating accounts for nobody.
     */
    private static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread watcher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                ProcessHandle now = ProcessHandle.current().parent().orElse(null);
                if (!parent.isAlive() || now == null || now.pid() != parent.pid()) {
                    Runtime.getRuntime().halt(143);
                }
            }
        }, "mwconform-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
