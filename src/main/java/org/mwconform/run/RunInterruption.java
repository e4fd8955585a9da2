package org.mwconform.run;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * On SIGINT or SIGTERM the JVM runs this hook: it stops every deployment's scenarios (their breaker trips, so no
 * session sends another request), ends every process this run started (the Allure generator, its children), then
 * waits a little while the run writes what was judged so far, marked interrupted, without moving {@code latest}.
 * The scenarios run in this JVM, so even a SIGKILL leaves nothing of the run creating accounts.
 */
public final class RunInterruption {
    /** How long the hook lets the run write its report after the children are gone. */
    private static final long REPORT_GRACE_SECONDS = 20;
    private static final long TERM_GRACE_MILLIS = 3000;

    private final Thread hook = new Thread(this::onSignal, "mwconform-interrupted");
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile boolean interrupted;
    /** What stops the scenarios running now (one per deployment). */
    private final java.util.Set<Runnable> stops = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The run ended on its own: nothing to do at exit. */
    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The signal came first: the hook is running and waits for reported().
        }
        reported.countDown();
    }

    boolean interrupted() {
        return interrupted;
    }

    /** Runs {@code stop} on a signal (at once, when the signal already came). */
    void onSignal(Runnable stop) {
        stops.add(stop);
        if (interrupted) {
            stop.run();
        }
    }

    void noLongerOnSignal(Runnable stop) {
        stops.remove(stop);
    }

    /** The interrupted run's report is written: the JVM may end. */
    void reported() {
        reported.countDown();
    }

    private void onSignal() {
        interrupted = true;
        stops.forEach(Runnable::run);
        endDescendants();
        try {
            reported.await(REPORT_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endDescendants();
    }

    /** SIGTERM to every descendant, then SIGKILL to those still alive after a short grace. */
    static void endDescendants() {
        List<ProcessHandle> all = ProcessHandle.current().descendants().toList();
        all.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + TERM_GRACE_MILLIS;
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (Exception stillAlive) {
                p.destroyForcibly();
            }
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
