package org.mwconform.report.matrix;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reading what a run wrote: results.json (from a run folder or the file itself), evidence files, earlier runs. */
public final class ReportFiles {
    public static final String RESULTS = "results.json";
    private static final ObjectMapper JSON = org.mwconform.client.JsonReading.MAPPER;

    /** A report that cannot be read: one line naming the file and what is wrong. */
    public static final class UnreadableReportException extends RuntimeException {
        public UnreadableReportException(String oneLine) {
            super(oneLine);
        }
    }

    /** A run read from disk: its report and its folder (where its evidence paths are relative to). */
    public record LoadedRun(RunReport report, Path folder, Path resultsFile) {
    }

    private ReportFiles() {
    }

    /** {@code path} is a run folder holding results.json, or a results.json file. */
    public static LoadedRun load(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(RESULTS) : path;
        if (!Files.exists(file)) {
            throw new UnreadableReportException(Files.isDirectory(path)
                    ? path + ": no " + RESULTS + " in this folder (not a run folder?)"
                    : path + ": no such file or folder");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnreadableReportException(file + ": not a readable file");
        }
        RunReport report;
        try {
            report = JSON.readValue(file.toFile(), RunReport.class);
        } catch (JacksonException e) {
            throw new UnreadableReportException(file + ": not a mwconform results.json (" + oneLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new UnreadableReportException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        validate(file, report);
        return new LoadedRun(report, file.toAbsolutePath().normalize().getParent(), file);
    }

    /**
     * The selection a run folder's results.json records ({@code run.tags}, {@code run.shard}), read from its {@code run}
     * member without the rest: the runs before a baseline are passed over, and there may be many. Null when that cannot
     * be told (the full read then decides).
     */
    private static Selection selection(Path runFolder) {
        try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(runFolder.resolve(RESULTS).toFile())) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("run".equals(name)) {
                    com.fasterxml.jackson.databind.JsonNode run = JSON.readTree(parser);
                    return new Selection(run.hasNonNull("tags") ? run.get("tags").asText() : null,
                            run.hasNonNull("shard") ? run.get("shard").asText() : null);
                }
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // the full read says what is wrong with it
        }
        return null;
    }

    /** Which scenarios a run looked at: its --tags filter and its shard. */
    private record Selection(String tags, String shard) {
        static Selection of(RunReport.Run run) {
            return new Selection(run.tags(), run.shard());
        }
    }

    private static void validate(Path file, RunReport report) {
        if (report == null || report.run() == null || report.deployments() == null) {
            throw new UnreadableReportException(file + ": not a mwconform results.json (needs \"run\" and \"deployments\")");
        }
        int i = 0;
        for (DeploymentResult d : report.deployments()) {
            i++;
            if (d == null || d.name() == null || d.name().isBlank()) {
                throw new UnreadableReportException(file + ": deployment #" + i + " has no name");
            }
            if (d.results() == null) {
                throw new UnreadableReportException(file + ": deployment '" + d.name() + "' has no \"results\"");
            }
            for (ScenarioResult r : d.results()) {
                if (r == null || r.outcome() == null) {
                    throw new UnreadableReportException(file + ": deployment '" + d.name() + "' has a result without an outcome");
                }
            }
        }
    }

    /**
     * The evidence file of a result, read as JSON; empty when there is none. Only files inside the run
     * folder are read (the path comes from results.json).
     */
    public static Optional<JsonNode> evidence(Path runFolder, ScenarioResult result) throws IOException {
        if (result.evidence() == null || result.evidence().isBlank()) {
            return Optional.empty();
        }
        Path root = runFolder.toAbsolutePath().normalize();
        Path file = root.resolve(result.evidence()).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("evidence path leaves the run folder: " + result.evidence());
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("evidence file missing: " + result.evidence());
        }
        return Optional.of(JSON.readTree(file.toFile()));
    }

    /**
     * The run before this one: among the sibling folders of {@code runFolder} that hold a readable
     * results.json and the same selection (the same {@code --tags}, no shard), the one that started last before this
     * run started. Folders are run ids (their UTC start time first), so they are tried newest first and the first older
     * one wins. A run of another selection is never a baseline (it would show every scenario it left out as removed, or
     * hide what this one looks at); name it with {@link #namedRun} to compare with it. An interrupted run is none either.
     */
    public static Optional<LoadedRun> previousRun(Path runFolder, RunReport current) {
        Path folder = runFolder.toAbsolutePath().normalize();
        Path runs = folder.getParent();
        if (runs == null || !Files.isDirectory(runs)) {
            return Optional.empty();
        }
        Instant started = instant(current.run().startedAt());
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(runs, Files::isDirectory)) {
            for (Path p : stream) {
                Path normal = p.toAbsolutePath().normalize();
                // A hidden folder is a run still being written (or one killed while it was): never a baseline.
                if (!normal.equals(folder) && !p.getFileName().toString().startsWith(".") && Files.isRegularFile(normal.resolve(RESULTS))) {
                    candidates.add(normal);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        candidates.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        String currentName = folder.getFileName().toString();
        Selection wanted = Selection.of(current.run());
        for (Path candidate : candidates) {
            Selection selection = selection(candidate);
            if (selection != null && !selection.equals(wanted)) {
                continue;  // another --tags filter, or one shard: told by its "run" member alone, not the whole file
            }
            LoadedRun run;
            try {
                run = load(candidate);
            } catch (UnreadableReportException e) {
                continue; // an interrupted or foreign run is no baseline
            }
            if (!Selection.of(run.report().run()).equals(wanted) || Boolean.TRUE.equals(run.report().run().interrupted())
                    || !run.report().run().sameProject(current.run())) {
                continue;  // another selection, a run a signal stopped, or another project's run
            }
            Instant thatStarted = instant(run.report().run().startedAt());
            boolean older = started != null && thatStarted != null
                    ? thatStarted.isBefore(started)
                    : candidate.getFileName().toString().compareTo(currentName) < 0;
            if (older) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    /** The run {@code runId} among the siblings of {@code runFolder} (a folder under reports/runs/). */
    public static LoadedRun namedRun(Path runFolder, String runId) {
        Path runs = runFolder.toAbsolutePath().normalize().getParent();
        Path folder = runs.resolve(runId).normalize();
        if (!runs.equals(folder.getParent()) || !Files.isRegularFile(folder.resolve(RESULTS))) {
            throw new UnreadableReportException("no run " + runId + " under " + runs);
        }
        return load(folder);
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
