package org.mwconform.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mwconform.cli.Main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a run does when its reports folder misbehaves, made to happen: a disk that fills up while the run writes, two
 * runs racing on one folder, a run killed with SIGKILL while it writes. Each run is the harness as a process of its own
 * (as {@code ./mwconform} starts it), against a {@link RestartingWiki} that never dies; reports stay under
 * target/reports-faults-it/. The measured facts (stderr lines, exit codes, times) are collected in times.md there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsFaultsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
    private static final Path WORK = HOME.resolve("target/reports-faults-it");
    private static final String ONE_TAG = "@id:authmanagerinfo-describes-fields";
    private static final String TWO_TAGS = ONE_TAG + " or @id:authmanagerinfo-state-members";
    private final Map<String, String> facts = new LinkedHashMap<>();

    /** A finished harness process: its exit code, stdout, stderr and wall time. */
    record Ran(int exit, String out, String err, double seconds) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @AfterAll
    void writeFacts() throws IOException {
        StringBuilder md = new StringBuilder("| fact | measured |\n| --- | --- |\n");
        facts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("times.md"), md.toString());
        System.out.print(md);
    }

    private static Path fresh(String name) throws IOException {
        Path dir = WORK.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static Path environment(Path dir, RestartingWiki wiki) throws IOException {
        return Files.writeString(dir.resolve("faults.yml"), "name: faults\napi: " + wiki.api() + "\npatience: 3\n");
    }

    /**
     * The harness as a process, started through bash so that a limit ({@code ulimit -f}) can be set first; stdout and
     * stderr kept apart, since the contract is about stderr.
     */
    private static Process start(Path dir, String tag, String shellPrefix, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // no hsperfdata file: a file-size limit would otherwise make the JVM itself complain
                "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), "-Dmwconform.home=" + HOME,
                "-Dmwconform.allureHome=" + System.getProperty("mwconform.allureHome", ""), Main.class.getName()));
        command.addAll(args);
        String line = shellPrefix + "exec " + String.join(" ", command.stream().map(ReportsFaultsIT::quoted).toList());
        return new ProcessBuilder("bash", "-c", line)
                .redirectOutput(dir.resolve(tag + ".out").toFile()).redirectError(dir.resolve(tag + ".err").toFile()).start();
    }

    private static Ran finish(Process process, Path dir, String tag, long startedNanos) throws Exception {
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(tag + " ends").isTrue();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Ran ran = new Ran(process.exitValue(), Files.readString(dir.resolve(tag + ".out")), Files.readString(dir.resolve(tag + ".err")), seconds);
        System.out.printf("--- %s: exit %d, %.1f s%n%s%s", tag, ran.exit(), seconds, ran.out(), ran.err());
        return ran;
    }

    private static Ran run(Path dir, String tag, String shellPrefix, String... args) throws Exception {
        long start = System.nanoTime();
        return finish(start(dir, tag, shellPrefix, List.of(args)), dir, tag, start);
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static JsonNode latestResults(Path reports) throws IOException {
        return JSON.readTree(reports.resolve("latest/results.json").toFile());
    }

    /** Temporary files, incomplete run folders, lock files and half-made links: what no reader should ever meet. */
    private static List<Path> leftovers(Path reports) throws IOException {
        try (Stream<Path> all = Files.walk(reports)) {
            return all.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".partial") || name.endsWith(".incomplete") || name.endsWith(".lock") || name.startsWith(".latest-");
            }).toList();
        }
    }

    // --- a disk that fills up -------------------------------------------------------------------------------------

    /**
     * A file-size limit ({@code ulimit -f}, RLIMIT_FSIZE) makes every write past it fail as a full disk does, with no root
     * and no mount: the same failure path (an IOException from the filesystem while a report is written).
     */
    @Test
    void aDiskThatFillsUpIsOneLineAndExit3AndLatestStaysIntact() throws Exception {
        try (RestartingWiki wiki = new RestartingWiki()) {
            Path dir = fresh("disk-full-limit");
            Path env = environment(dir, wiki);
            Path reports = dir.resolve("reports");
            Ran first = run(dir, "first", "", "run", "--env", env.toString(), "--reports", reports.toString(), "--tags", ONE_TAG);
            assertThat(first.exit()).as(first.out() + first.err()).isZero();
            String before = Files.readString(reports.resolve("latest/results.json"));
            Path latestBefore = reports.resolve("latest").toRealPath();

            // 16 KiB per file: messages.ndjson (the feature, the steps, the evidence) outgrows it while the scenarios run.
            Ran full = run(dir, "full", "ulimit -f 16 && ", "run", "--env", env.toString(), "--reports", reports.toString(), "--tags", TWO_TAGS);
            facts.put("disk full (ulimit -f 16): exit code", String.valueOf(full.exit()));
            facts.put("disk full (ulimit -f 16): lines on stderr", String.valueOf(full.errLines().size()));
            facts.put("disk full (ulimit -f 16): the line", "`" + String.join(" / ", full.errLines()) + "`");
            assertThat(full.exit()).as(full.err()).isEqualTo(Main.CANNOT_WRITE_REPORTS);
            assertThat(full.errLines()).as("at most 3 lines, never a stack trace").hasSizeBetween(1, 3)
                    .noneMatch(l -> l.contains("\tat ") || l.contains("Exception in"));
            assertThat(full.errLines().get(0)).startsWith("mwconform: cannot write reports to " + reports).contains("File too large");
            assertThat(reports.resolve("latest").toRealPath()).as("latest still names the previous run").isEqualTo(latestBefore);
            assertThat(Files.readString(reports.resolve("latest/results.json"))).isEqualTo(before);
            assertThat(latestResults(reports).path("deployments")).isNotEmpty();
            assertThat(leftovers(reports)).as("no temporary file, no incomplete folder is left").isEmpty();
            try (Stream<Path> runs = Files.list(reports.resolve("runs"))) {
                assertThat(runs.toList()).as("the failed run left no folder").containsExactly(latestBefore);
            }
        }
    }

    /**
     * A real filesystem of 2 MiB filled up to its last few KiB (tmpfs), once so that it is full while the scenarios run and
     * once while the reports are written: needs root or a user namespace with mount rights,
     * so it is skipped where neither is at hand (CI); the limit above is the portable case of the same path.
     */
    @Test
    void aRealFilesystemThatFillsUpIsOneLineAndExit3() throws Exception {
        Path dir = fresh("disk-full-tmpfs");
        Path mount = Files.createDirectories(dir.resolve("fs"));
        boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (not root): the ulimit case covers the same path");
        try (RestartingWiki wiki = new RestartingWiki()) {
            Path env = environment(dir, wiki);
            Path reports = mount.resolve("reports");
            Ran first = run(dir, "first", "", "run", "--env", env.toString(), "--reports", reports.toString(), "--tags", ONE_TAG);
            assertThat(first.exit()).as(first.out() + first.err()).isZero();
            int requestsOfARun = wiki.requests();
            Path latestBefore = reports.resolve("latest").toRealPath();
            String before = Files.readString(reports.resolve("latest/results.json"));
            // Fill it, leaving less than one run's reports: 24 KiB (the disk fills while the scenarios run), then the size
            // of the first run's folder less 48 KiB (it fills while the reports are written: the page, junit.xml, Allure).
            long runFolder;
            try (Stream<Path> all = Files.walk(latestBefore)) {
                runFolder = all.filter(Files::isRegularFile).mapToLong(p -> (p.toFile().length() + 4095) / 4096 * 4096).sum();
            }
            Path filler = mount.resolve("filler");
            for (long free : List.of(24L * 1024, runFolder - 48 * 1024)) {
                leaveFree(filler, free);
                String tag = "full-" + free / 1024 + "k";
                int requestsBefore = wiki.requests();
                Ran full = run(dir, tag, "", "run", "--env", env.toString(), "--reports", reports.toString(), "--tags", ONE_TAG);
                // Where it struck: the requests the run sent, of the requestsOfARun a whole run sends.
                facts.put("disk full (tmpfs, " + free / 1024 + " KiB free): requests sent before it stopped",
                        (wiki.requests() - requestsBefore) + " of " + requestsOfARun);
                facts.put("disk full (tmpfs, " + free / 1024 + " KiB free): exit code", String.valueOf(full.exit()));
                facts.put("disk full (tmpfs, " + free / 1024 + " KiB free): lines on stderr", String.valueOf(full.errLines().size()));
                facts.put("disk full (tmpfs, " + free / 1024 + " KiB free): the line", "`" + String.join(" / ", full.errLines()) + "`");
                assertThat(full.exit()).as(full.out() + full.err()).isEqualTo(Main.CANNOT_WRITE_REPORTS);
                assertThat(full.errLines()).hasSizeBetween(1, 3);
                assertThat(full.errLines().get(0)).startsWith("mwconform: cannot write reports to " + reports).contains("No space left on device");
                assertThat(reports.resolve("latest").toRealPath()).isEqualTo(latestBefore);
                assertThat(Files.readString(reports.resolve("latest/results.json"))).isEqualTo(before);
                assertThat(leftovers(reports)).isEmpty();
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    /** Fills the filesystem of {@code filler} to the last byte, then gives back {@code free} bytes. */
    private static void leaveFree(Path filler, long free) throws IOException {
        try (var out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // full now
        }
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, channel.size() - free));
        }
    }

    // --- two runs, one folder -------------------------------------------------------------------------------------

    @Test
    void twoRunsStartedTogetherOnOneFolderBothFinishAndLatestNamesTheLastToFinish() throws Exception {
        try (RestartingWiki wiki = new RestartingWiki()) {
            Path dir = fresh("two-runs");
            Path env = environment(dir, wiki);
            Path reports = dir.resolve("reports");
            // Same work for both: they race to the very end. Then a short and a whole run: the whole one must end as latest.
            for (String round : List.of("same", "staggered")) {
                long start = System.nanoTime();
                Process a = start(dir, round + "-a", "", List.of("run", "--env", env.toString(), "--reports", reports.toString(), "--tags", ONE_TAG));
                Process b = start(dir, round + "-b", "", "same".equals(round)
                        ? List.of("run", "--env", env.toString(), "--reports", reports.toString(), "--tags", ONE_TAG)
                        : List.of("run", "--env", env.toString(), "--reports", reports.toString()));
                java.util.concurrent.CompletableFuture<Long> endA = a.onExit().thenApply(p -> System.nanoTime());
                java.util.concurrent.CompletableFuture<Long> endB = b.onExit().thenApply(p -> System.nanoTime());
                Ran ranA = finish(a, dir, round + "-a", start);
                Ran ranB = finish(b, dir, round + "-b", start);
                assertThat(ranA.exit()).as(ranA.out() + ranA.err()).isZero();
                assertThat(ranB.exit()).as(ranB.out() + ranB.err()).isZero();
                String idA = runId(ranA.out());
                String idB = runId(ranB.out());
                assertThat(idA).as("distinct run ids").isNotEqualTo(idB);
                for (String id : List.of(idA, idB)) {
                    assertThat(JSON.readTree(reports.resolve("runs").resolve(id).resolve("results.json").toFile()).path("run").path("id").asText())
                            .isEqualTo(id);
                }
                JsonNode latest = latestResults(reports);
                String latestId = latest.path("run").path("id").asText();
                assertThat(reports.resolve("latest").toRealPath().getFileName().toString()).as("latest/results.json belongs to the run latest names")
                        .isEqualTo(latestId);
                assertThat(latestId).isIn(idA, idB);
                double apart = (endB.get() - endA.get()) / 1e9;
                if (Math.abs(apart) > 1) {
                    // latest moves as a run publishes, an instant before it exits: the order of exits is the order of finishing
                    assertThat(latestId).as("the run that finished last").isEqualTo(apart > 0 ? idB : idA);
                }
                facts.put("two runs (" + round + "): the second ended after the first by (s)", String.format("%.1f", apart));
                assertThat(reports.resolve("latest/index.html")).isRegularFile();
                assertThat(leftovers(reports)).isEmpty();
                facts.put("two runs (" + round + "): wall time of both (s)", String.format("%.1f / %.1f", ranA.seconds(), ranB.seconds()));
            }
        }
    }

    private static String runId(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("mwconform run (\\S+):").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    // --- a run killed while it writes -------------------------------------------------------------------------------

    @Test
    void aRunKilledWhileItWritesLosesNothingAndTheNextRunCleansUp() throws Exception {
        try (RestartingWiki wiki = new RestartingWiki()) {
            Path dir = fresh("kill-9");
            Path env = environment(dir, wiki);
            Path reports = dir.resolve("reports");
            Ran first = run(dir, "first", "", "run", "--env", env.toString(), "--reports", reports.toString(), "--tags", ONE_TAG);
            assertThat(first.exit()).isZero();
            Path latestBefore = reports.resolve("latest").toRealPath();
            String before = Files.readString(reports.resolve("latest/results.json"));
            // Killed at two moments: while the scenarios run (messages being written), and while the reports are written
            // (the evidence files appear as the deployment is judged, then results.json, the page, junit.xml, Allure).
            for (String moment : List.of("messages.ndjson", "evidence")) {
                long start = System.nanoTime();
                Process killed = start(dir, "killed-at-" + moment, "", List.of("run", "--env", env.toString(), "--reports", reports.toString(),
                        "--threads", "1"));
                Path staging = awaitInStaging(reports, moment, killed);
                new ProcessBuilder("kill", "-9", String.valueOf(killed.pid())).start().waitFor();
                assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
                facts.put("kill -9 when " + moment + " appeared: seconds into the run", String.format("%.1f", (System.nanoTime() - start) / 1e9));
                assertThat(reports.resolve("latest").toRealPath()).as("latest is intact").isEqualTo(latestBefore);
                assertThat(Files.readString(reports.resolve("latest/results.json"))).isEqualTo(before);
                assertThat(staging).as("what the killed run wrote is hidden, marked incomplete").exists();
            }
            Ran next = run(dir, "next", "", "run", "--env", env.toString(), "--reports", reports.toString(), "--tags", ONE_TAG);
            assertThat(next.exit()).as(next.out() + next.err()).isZero();
            assertThat(leftovers(reports)).as("the next run removed what the killed ones left").isEmpty();
            assertThat(latestResults(reports).path("run").path("id").asText()).isEqualTo(runId(next.out()));
            try (Stream<Path> runs = Files.list(reports.resolve("runs"))) {
                assertThat(runs.map(p -> p.getFileName().toString()).toList()).as("only complete runs")
                        .containsExactlyInAnyOrder(latestBefore.getFileName().toString(), runId(next.out()));
            }
        }
    }

    /** Waits until the running harness's hidden run folder holds {@code what} (a file or folder name anywhere in it). */
    private static Path awaitInStaging(Path reports, String what, Process process) throws Exception {
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try (Stream<Path> runs = Files.list(reports.resolve("runs"))) {
                for (Path staging : runs.filter(p -> p.getFileName().toString().endsWith(".incomplete")).toList()) {
                    try (Stream<Path> all = Files.walk(staging)) {
                        if (all.anyMatch(p -> p.getFileName().toString().equals(what))) {
                            return staging;
                        }
                    } catch (IOException | java.io.UncheckedIOException racing) {
                        // a file went from temporary to final meanwhile
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + what + " appeared in an incomplete run folder; the run " + (process.isAlive() ? "is still running" : "ended"));
    }
}
