package org.mwconform.cli;

import org.mwconform.run.*;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mwconform.accounts.AccountFactory;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.KnownDeviation;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.AllureReport;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;
import org.mwconform.history.HistoryException;
import org.mwconform.history.Retention;
import org.mwconform.history.RunHistory;
import org.mwconform.report.matrix.ReportFiles;
import org.mwconform.report.matrix.RunArtifacts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code mwconform merge RUN...}: the runs of the shards of one matrix ({@code run --shard I/N}) joined into one run,
 * with its results.json, matrix page, JUnit XML, evidence and Allure results (and, with {@code --allure}, reports).
 */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Joins the runs of the shards of one matrix (run --shard I/N) into one run under REPORTS/runs/,",
                "pointed at by REPORTS/latest: one results.json, matrix page, JUnit XML, evidence and Allure results."},
        footer = {"", "Exit codes: 0 nothing unexpected; 1 an unexpected result in the merged run; 2 a usage error",
                "(a run missing or unreadable, shards of different splits, or a shard missing)."})
final class MergeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "the shards' run folders (or their results.json)")
    List<Path> runs;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "where the merged run goes (default ${DEFAULT-VALUE}/)")
    Path reports;

    @Option(names = "--allure", description = "also write each deployment's Allure report from the joined Allure results")
    boolean allure;

    @Option(names = "--keep", paramLabel = "N", description = "after the merge, prune run folders beyond the newest N (the history keeps their results)")
    Integer keep;

    @Option(names = "--keep-size", paramLabel = "SIZE", description = "after the merge, prune the oldest run folders until they fit in SIZE (e.g. 500M)")
    String keepSize;

    private final Path home;
    private final PrintStream out;

    MergeCommand(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    @Override
    public Integer call() {
        List<ReportFiles.LoadedRun> shards = new ArrayList<>();
        for (Path run : runs) {
            try {
                shards.add(ReportFiles.load(home.resolve(run)));
            } catch (ReportFiles.UnreadableReportException e) {
                throw new UsageException("merge " + run + ": " + e.getMessage());
            }
        }
        checkShards(shards);
        ReportsFolder folder = ReportsFolder.check(home.resolve(reports), null);
        Retention retention = HistoryCommand.retention(keep, keepSize);
        try {
            RunHistory.check(home.resolve(reports));
        } catch (HistoryException e) {
            throw new UsageException(e.getMessage());
        }
        // Hidden until complete, as a run's folder (a failure leaves it for the next run to remove; nothing reads it).
        ReportsFolder.Reservation reservation = folder.reserve(AccountFactory::newRunId);
        String runId = reservation.runId();
        Path runDir = reservation.folder();

        Map<String, List<ScenarioResult>> results = new LinkedHashMap<>();
        Map<String, DeploymentResult> described = new LinkedHashMap<>();
        // Each shard's regressions of applicability, and the POSTs each sent to a read-only deployment, add up.
        Map<String, List<String>> regressions = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> posts = new LinkedHashMap<>();
        Instant started = null;
        Instant finished = null;
        for (ReportFiles.LoadedRun shard : shards) {
            started = earliest(started, shard.report().run().startedAt());
            finished = latest(finished, shard.report().run().finishedAt());
            for (DeploymentResult d : shard.report().deployments()) {
                DeploymentResult known = described.get(d.name());
                if (known == null || (known.mediawikiVersion() == null && d.mediawikiVersion() != null)) {
                    described.put(d.name(), d);
                }
                regressions.computeIfAbsent(d.name(), k -> new ArrayList<>()).addAll(d.regressionList());
                if (d.posts() != null) {
                    d.posts().forEach((action, n) -> posts.computeIfAbsent(d.name(), k -> new java.util.TreeMap<>()).merge(action, n, Integer::sum));
                }
                List<ScenarioResult> into = results.computeIfAbsent(d.name(), k -> new ArrayList<>());
                for (ScenarioResult r : d.results()) {
                    boolean preflightAgain = "preflight".equals(r.id()) && into.stream().anyMatch(x -> "preflight".equals(x.id()));
                    if (!preflightAgain) {
                        into.add(r);
                    }
                }
                copy(shard.folder().resolve("deployments").resolve(d.name()), runDir.resolve("deployments").resolve(d.name()));
            }
        }
        String tags = shards.get(0).report().run().tags();
        List<DeploymentResult> merged = new ArrayList<>();
        for (Map.Entry<String, List<ScenarioResult>> e : results.entrySet()) {
            DeploymentResult d = described.get(e.getKey());
            List<ScenarioResult> list = new ArrayList<>(e.getValue());
            if (tags == null) {
                list.addAll(staleExpectations(d.name(), list));
            }
            list.sort(Comparator.comparing(ScenarioResult::feature).thenComparing(ScenarioResult::scenario));
            String allurePage = allure ? allureReport(runDir, d.name()) : null;
            merged.add(new DeploymentResult(d.name(), d.target(), d.description(), d.mediawikiVersion(), d.extensions(),
                    d.writable(), DeploymentResult.count(list), list, allurePage, d.flags(), d.counterpart(), d.captcha(),
                    regressions.get(d.name()), d.writable() ? null : posts.getOrDefault(d.name(), Map.of())));
        }
        merged.sort(Comparator.comparing(DeploymentResult::name));
        RunReport report = new RunReport(new RunReport.Run(runId, started == null ? null : started.toString(),
                finished == null ? null : finished.toString(),
                started == null || finished == null ? 0 : Duration.between(started, finished).toMillis() / 1000.0,
                tags, "mwconform " + Version.harness(), null, null, shards.get(0).report().run().project()), merged);
        org.mwconform.files.AtomicFiles.writeJson(runDir.resolve(ReportFiles.RESULTS), JSON.writer(), report);
        RunArtifacts.Written artifacts = RunArtifacts.write(runDir, report);
        Path published = reservation.publish();
        List<String> historyLines = RunHistory.record(home.resolve(reports), published, report, "merge");  // the merged run, once
        Path latest = folder.pointLatest(published);
        reservation.close();
        out.println("mwconform merge: " + shards.size() + " shard(s) -> run " + runId);
        merged.forEach(d -> out.println(d.summaryLine()));
        out.println("results: " + latest.resolve(ReportFiles.RESULTS));
        artifacts.problems().forEach(p -> out.println("  " + p));
        if (artifacts.page() != null) {
            out.println("matrix: " + latest.resolve(artifacts.page().getFileName()));
        }
        historyLines.forEach(out::println);
        RunCli.prune(home.resolve(reports), retention, out);
        return merged.stream().allMatch(DeploymentResult::allExpected) ? Main.OK : Main.UNEXPECTED_RESULT;
    }

    /** The shards of one split, each once, none missing (runs made without --shard are taken as they are). */
    private static void checkShards(List<ReportFiles.LoadedRun> shards) {
        Map<String, String> seen = new LinkedHashMap<>();
        Integer count = null;
        String tags = shards.get(0).report().run().tags();
        for (ReportFiles.LoadedRun s : shards) {
            String shard = s.report().run().shard();
            if (!java.util.Objects.equals(tags, s.report().run().tags())) {
                throw new UsageException("merge: the runs were filtered differently (--tags '" + tags + "' and '"
                        + s.report().run().tags() + "')");
            }
            if (shard == null) {
                continue;
            }
            int n = Integer.parseInt(shard.substring(shard.indexOf('/') + 1));
            if (count != null && count != n) {
                throw new UsageException("merge: shards of different splits (" + seen.values().iterator().next() + " and " + shard + ")");
            }
            count = n;
            if (seen.put(shard, shard) != null) {
                throw new UsageException("merge: shard " + shard + " is given twice");
            }
        }
        if (count != null && seen.size() != count) {
            List<String> missing = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                if (!seen.containsKey(i + "/" + count)) {
                    missing.add(i + "/" + count);
                }
            }
            throw new UsageException("merge: shard " + String.join(", ", missing) + " missing: a merged matrix needs every shard");
        }
    }

    /** Expectations naming a scenario no shard ran, judged now that the whole matrix is here. */
    private List<ScenarioResult> staleExpectations(String deployment, List<ScenarioResult> results) {
        Path file = home.resolve("environments").resolve(deployment + ".yml");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Expectations expectations;
        try {
            expectations = Expectations.load(new DeploymentLoader().load(file).expectationsFile());
        } catch (RuntimeException e) {
            return List.of();
        }
        List<ScenarioResult> stale = new ArrayList<>();
        for (KnownDeviation d : expectations.all()) {
            if (results.stream().noneMatch(r -> d.scenario().equals(r.id()))) {
                stale.add(new ScenarioResult(d.scenario(), "(expectations file)", d.scenario(), List.of(),
                        Outcome.STALE_EXPECTATION, "no scenario has the id '" + d.scenario() + "'", d.condition(), null));
            }
        }
        return stale;
    }

    private String allureReport(Path runDir, String deployment) {
        Path dir = runDir.resolve("deployments").resolve(deployment);
        StringBuilder whyNot = new StringBuilder();
        Optional<Path> page = new AllureReport(ConformanceRun.allureHome(home)).generate(dir.resolve("allure-results"), dir.resolve("allure"), whyNot);
        if (page.isEmpty()) {
            out.println("  " + deployment + ": no Allure report: " + whyNot);
        }
        return page.map(p -> runDir.relativize(p).toString()).orElse(null);
    }

    /** Evidence and Allure results of one deployment of a shard (file names differ between shards: scenario ids, UUIDs). */
    private static void copy(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                String relative = from.relativize(p).toString();
                if (relative.startsWith("allure" + java.io.File.separator) || relative.equals("allure")) {
                    continue;  // a shard's own Allure page: the merged one is built from the joined results
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    org.mwconform.files.AtomicFiles.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static Instant earliest(Instant a, String iso) {
        Instant b = parse(iso);
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, String iso) {
        Instant b = parse(iso);
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static Instant parse(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
