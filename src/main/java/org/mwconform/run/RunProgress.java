package org.mwconform.run;

import org.mwconform.expectations.Classification;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.OutcomeClassifier;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.ScenarioRecord;
import org.mwconform.report.messages.CucumberMessages;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What a person watching a long run sees: each deployment's state, scenarios done of total, each failure as it
 * happens (classified against the deployment's expectations, so a known deviation is not shouted), and the
 * elapsed time. On a terminal one status line is redrawn in place; {@code --progress=always} elsewhere prints
 * plain lines (state changes and failures); otherwise it says nothing.
 */
public final class RunProgress implements DeploymentRunner.Listener, AutoCloseable {
    enum Mode { LIVE, LINES, QUIET }

    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream out;
    private final Mode mode;
    private final Map<String, Integer> totals;
    private final LongSupplier nanoTime;
    private final long startedNanos;
    private final Map<String, Deployment> deployments = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;

    private static final class Deployment {
        String state = "waiting";
        /** Cucumber's message NDJSON of the deployment's scenarios, read as it grows. */
        Path records;
        final CucumberMessages messages = CucumberMessages.incremental();
        Expectations expectations;
        long offset;
        int done;
        int unexpected;
    }

    RunProgress(PrintStream out, Mode mode, Iterable<String> names, int total, LongSupplier nanoTime) {
        this(out, mode, totals(names, total), nanoTime);
    }

    /** @param totals each deployment's number of scenarios in this run, in the order to show them */
    RunProgress(PrintStream out, Mode mode, Map<String, Integer> totals, LongSupplier nanoTime) {
        this.out = out;
        this.mode = mode;
        this.totals = totals;
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
        totals.keySet().forEach(n -> deployments.put(n, new Deployment()));
    }

    private static Map<String, Integer> totals(Iterable<String> names, int total) {
        Map<String, Integer> totals = new LinkedHashMap<>();
        names.forEach(n -> totals.put(n, total));
        return totals;
    }

    /** auto: live on a terminal (the console is ours and we print to it), quiet otherwise. */
    static Mode mode(String option, PrintStream out) {
        return switch (option) {
            case "never" -> Mode.QUIET;
            case "always" -> System.console() != null && out == System.out ? Mode.LIVE : Mode.LINES;
            default -> System.console() != null && out == System.out ? Mode.LIVE : Mode.QUIET;
        };
    }

    /** Redraws the status line twice a second while the run lasts (live mode only). */
    void start() {
        if (mode != Mode.LIVE) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mwconform-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 0, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void state(String deployment, String state) {
        Deployment d = deployments.get(deployment);
        if (d == null || mode == Mode.QUIET) {
            return;
        }
        d.state = state;
        if (mode == Mode.LINES) {
            out.println("[" + elapsed() + "] " + deployment + ": " + state);
        }
    }

    @Override
    public synchronized void running(String deployment, Path records, Expectations expectations) {
        Deployment d = deployments.get(deployment);
        if (d == null) {
            return;
        }
        d.records = records;
        d.expectations = expectations;
        state(deployment, "running");
    }

    synchronized void finished(DeploymentResult result) {
        Deployment d = deployments.get(result.name());
        if (d == null || mode == Mode.QUIET) {
            return;
        }
        readNewRecords(result.name(), d);
        d.state = "done";
        if (mode == Mode.LINES) {
            out.println("[" + elapsed() + "] " + result.summaryLine());
        }
    }

    /** Reads what the deployments' Cucumber runs wrote since the last tick, prints new failures, redraws the status. */
    synchronized void tick() {
        if (mode == Mode.QUIET) {
            return;
        }
        deployments.forEach(this::readNewRecords);
        if (mode == Mode.LIVE) {
            out.print(CLEAR_LINE + statusLine());
            out.flush();
        }
    }

    /** "[12.3 s] 57/200 scenarios, 1 unexpected | local-vanilla 12/40 | local-captcha preflight | ..." */
    synchronized String statusLine() {
        int done = 0;
        int all = 0;
        int unexpected = 0;
        StringBuilder each = new StringBuilder();
        for (Map.Entry<String, Deployment> e : deployments.entrySet()) {
            Deployment d = e.getValue();
            int total = totals.get(e.getKey());
            done += d.done;
            all += total;
            unexpected += d.unexpected;
            each.append(" | ").append(e.getKey()).append(' ')
                    .append("running".equals(d.state) ? d.done + "/" + total : d.state);
        }
        return "[" + elapsed() + "] " + done + "/" + all + " scenarios"
                + (unexpected == 0 ? "" : ", " + unexpected + " unexpected") + each;
    }

    private void readNewRecords(String name, Deployment d) {
        if (d.records == null || !Files.isRegularFile(d.records)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(d.records.toFile(), "r")) {
            if (file.length() <= d.offset) {
                return;
            }
            byte[] bytes = new byte[(int) (file.length() - d.offset)];
            file.seek(d.offset);
            file.readFully(bytes);
            int end = lastNewline(bytes);
            if (end < 0) {
                return;  // a line still being written
            }
            d.offset += end + 1;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    d.messages.accept(line).ifPresent(run -> record(name, d, run.record()));
                }
            }
        } catch (IOException e) {
            // progress is a courtesy: the run's own reading of the records decides the results
        }
    }

    private void record(String name, Deployment d, ScenarioRecord record) {
        d.done++;
        Classification c = new OutcomeClassifier().classify(record, d.expectations == null ? Expectations.none() : d.expectations);
        if (!c.outcome().isExpected()) {
            d.unexpected++;
            String line = "  " + c.outcome().label() + ": " + name + ": " + record.scenario()
                    + (c.reason() == null ? "" : " — " + c.reason());
            print(mode == Mode.LINES ? "[" + elapsed() + "]" + line : line);
        }
    }

    private void print(String line) {
        out.println(mode == Mode.LIVE ? CLEAR_LINE + line : line);
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private String elapsed() {
        return String.format(java.util.Locale.ROOT, "%.1f s", (nanoTime.getAsLong() - startedNanos) / 1e9);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (mode == Mode.LIVE) {
            out.print(CLEAR_LINE);
            out.flush();
        }
    }
}
