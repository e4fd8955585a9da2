package org.mwconform.report.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.Templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The conformance matrix, {@code index.html} of a run folder: one self-contained page (inline CSS and
 * script, no network, opens from file://). Rows are features and their scenarios, columns are
 * deployments, each cell an outcome with colour, symbol and name; a click opens the evidence.
 * <p>
 * This class decides what the page shows ({@link MatrixModel}); the template {@code matrix.jte} beside
 * {@code matrix.css} lays it out, and the template engine escapes everything from the run for where it stands.
 * The cells' data (evidence included, already masked) is embedded as JSON in a
 * {@code <script type="application/json">} with {@code <}, {@code >} and {@code &} written as \\u escapes,
 * so no string can end the script element. A Content-Security-Policy allows only this page's own script and
 * style (by hash) and loads nothing.
 */
public final class MatrixPage {
    public static final String FILE_NAME = "index.html";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String CSS = resource("matrix.css") + HistoryStrips.CSS;
    private static final String SCRIPT = resource("matrix.js");
    private static final String TEMPLATE = "report/matrix/matrix.jte";

    /** The symbol of each outcome (next to its colour and its name; never colour alone). */
    public static final Map<Outcome, String> SYMBOLS;

    static {
        Map<Outcome, String> s = new EnumMap<>(Outcome.class);
        s.put(Outcome.PASSED, "\u2713");             // ✓
        s.put(Outcome.FAILED, "\u2717");             // ✗
        s.put(Outcome.KNOWN_DEVIATION, "\u2248");    // ≈
        s.put(Outcome.NOT_APPLICABLE, "\u2013");     // –
        s.put(Outcome.STALE_EXPECTATION, "!");
        s.put(Outcome.ERROR, "\u26a0\ufe0e");        // ⚠ as text, not emoji
        SYMBOLS = Map.copyOf(s);
    }

    private static final Map<Outcome, String> MEANING = Map.of(
            Outcome.PASSED, "every condition held",
            Outcome.FAILED, "a condition did not hold, no reviewed deviation covers it",
            Outcome.KNOWN_DEVIATION, "failed as the deployment's expectations file says, for its reason",
            Outcome.NOT_APPLICABLE, "the deployment does not offer what the scenario needs",
            Outcome.STALE_EXPECTATION, "a recorded deviation did not happen: the expectations file is out of date",
            Outcome.ERROR, "could not be judged");

    private final RunReport report;
    private final Path runFolder;
    private final ReportFiles.LoadedRun previous;
    private final RunComparison comparison;
    /** The history's strips, timelines and cell page (empty without a history file beside runs/). */
    private final HistoryStrips history;

    /**
     * @param runFolder where the report's evidence paths (and Allure links) are relative to
     * @param previous  the run to compare with, or null
     */
    public MatrixPage(RunReport report, Path runFolder, ReportFiles.LoadedRun previous) {
        this.report = report;
        this.runFolder = runFolder;
        this.previous = previous;
        this.comparison = previous == null ? null : RunComparison.compare(previous.report(), report);
        this.history = HistoryStrips.forRun(report, runFolder);
    }

    public Optional<RunComparison> comparison() {
        return Optional.ofNullable(comparison);
    }

    /** Writes {@code index.html} into the run folder and returns its path. */
    public Path write() throws IOException {
        Path file = runFolder.resolve(FILE_NAME);
        org.mwconform.files.AtomicFiles.writeString(file, render());
        history.writePage(CSS, report.run().harness());
        return file;
    }

    // ---------------------------------------------------------------------------------------------

    /** The page's HTML: what {@code model()} decided, laid out by {@code matrix.jte}. */
    public String render() {
        return Templates.render(TEMPLATE, model());
    }

    /** Everything the template shows, decided here; the cells' data (evidence included) as script-safe JSON. */
    MatrixModel.Page model() {
        List<DeploymentResult> deployments = report.deployments() == null ? List.of() : report.deployments();
        Map<String, Map<String, ScenarioResult>> resultsByDeployment = new LinkedHashMap<>();
        deployments.forEach(d -> resultsByDeployment.put(d.name(), ScenarioKeys.of(d)));
        boolean anyPreflightError = deployments.stream().anyMatch(ScenarioKeys::isPreflightError);

        // Rows: features in the order first met, scenarios in the order first met within their feature.
        Map<String, Map<String, RowKey>> features = new LinkedHashMap<>();
        for (DeploymentResult d : deployments) {
            if (ScenarioKeys.isPreflightError(d)) {
                continue;
            }
            resultsByDeployment.get(d.name()).forEach((key, r) -> features
                    .computeIfAbsent(r.feature() == null ? "(no feature)" : r.feature(), f -> new LinkedHashMap<>())
                    .putIfAbsent(key, new RowKey(key, r.scenario(), r.id(), DeploymentResult.beyondDocs(r), r.extension())));
        }
        List<Map.Entry<String, Map<String, RowKey>>> sections = inSections(features);

        Map<String, String> rowIds = new LinkedHashMap<>();
        sections.forEach(f -> f.getValue().keySet().forEach(k -> rowIds.putIfAbsent(k, "r" + rowIds.size())));
        int rowCount = rowIds.size() + (anyPreflightError ? 1 : 0);

        ObjectNode data = JSON.createObjectNode();
        ObjectNode symbols = data.putObject("symbols");
        for (Outcome o : Outcome.values()) {
            symbols.put(o.label(), SYMBOLS.get(o));
        }
        data.put("run", report.run().id());
        ObjectNode cells = data.putObject("cells");
        int[] cellIndex = {0};

        MatrixModel.PreflightRow preflight = null;
        if (anyPreflightError) {
            List<MatrixModel.TableCell> row = new ArrayList<>();
            for (DeploymentResult d : deployments) {
                if (ScenarioKeys.isPreflightError(d)) {
                    ScenarioResult r = d.results().get(0);
                    row.add(cell(cells, d, ScenarioKeys.key(r), r, cellIndex, true));
                } else {
                    row.add(new MatrixModel.Answered(d.name(), d.mediawikiVersion()));
                }
            }
            preflight = new MatrixModel.PreflightRow(ScenarioKeys.PREFLIGHT_ID, row);
        }
        List<MatrixModel.Feature> featureRows = new ArrayList<>();
        for (Map.Entry<String, Map<String, RowKey>> feature : sections) {
            String extension = feature.getValue().values().iterator().next().extension();
            List<MatrixModel.Row> rows = new ArrayList<>();
            for (RowKey row : feature.getValue().values()) {
                boolean attention = false;
                boolean changed = false;
                List<MatrixModel.TableCell> rowCells = new ArrayList<>();
                for (DeploymentResult d : deployments) {
                    ScenarioResult r = resultsByDeployment.get(d.name()).get(row.key());
                    // "not run" cells are explained once, by the preflight row or the column; they do not flag every row
                    attention |= r != null && !ScenarioKeys.isPreflightError(d) && r.outcome() != Outcome.PASSED;
                    changed |= comparison != null && comparison.cellChange(d.name(), row.key()).isPresent();
                    rowCells.add(r == null || ScenarioKeys.isPreflightError(d) ? notRun(d, row.key())
                            : cell(cells, d, row.key(), r, cellIndex, false));
                }
                rows.add(new MatrixModel.Row(rowIds.get(row.key()), row.key(), String.valueOf(attention), String.valueOf(changed),
                        row.extension() != null ? "extension" : row.beyondDocs() ? "beyond-docs" : "documented", row.scenario(), row.id(),
                        row.beyondDocs(), rowCells));
            }
            featureRows.add(new MatrixModel.Feature(feature.getKey(), extension, rows));
        }

        List<MatrixModel.LegendItem> legend = new ArrayList<>();
        for (Outcome o : List.of(Outcome.PASSED, Outcome.KNOWN_DEVIATION, Outcome.NOT_APPLICABLE, Outcome.FAILED,
                Outcome.STALE_EXPECTATION, Outcome.ERROR)) {
            legend.add(new MatrixModel.LegendItem(MatrixModel.Badge.of(o), MEANING.get(o)));
        }
        return new MatrixModel.Page(header(), sha256(CSS), sha256(SCRIPT), CSS, SCRIPT, summaries(deployments), changes(rowIds),
                VersionComparison.of(report), legend,
                anyPreflightError ? "the deployment's preflight failed, or the scenario is not in its results"
                        : "the scenario is not in this deployment's results",
                comparison != null, columns(deployments), rowCount, preflight, featureRows, scriptJson(data), history.timelines());
    }

    private record RowKey(String key, String scenario, String id, boolean beyondDocs, String extension) {
    }

    /**
     * The features in the order the rows show them: the core contract's first, then each extension's
     * ({@code @extension:NAME}), by name; the template opens a section for each extension.
     */
    private static List<Map.Entry<String, Map<String, RowKey>>> inSections(Map<String, Map<String, RowKey>> features) {
        java.util.function.Function<Map.Entry<String, Map<String, RowKey>>, String> extension =
                f -> f.getValue().values().iterator().next().extension();
        List<Map.Entry<String, Map<String, RowKey>>> ordered = new ArrayList<>(
                features.entrySet().stream().filter(f -> extension.apply(f) == null).toList());
        features.entrySet().stream().filter(f -> extension.apply(f) != null)
                .sorted(java.util.Comparator.comparing(extension)).forEach(ordered::add);
        return ordered;
    }

    private MatrixModel.Header header() {
        RunReport.Run run = report.run();
        return new MatrixModel.Header(run.id(), run.startedAt() == null ? "" : run.startedAt(), when(run.startedAt()),
                seconds(run.durationSeconds()), run.tags(), run.harness());
    }

    private static List<MatrixModel.Summary> summaries(List<DeploymentResult> deployments) {
        List<MatrixModel.Summary> summaries = new ArrayList<>();
        for (DeploymentResult d : deployments) {
            Map<Outcome, Integer> c = DeploymentResult.count(d.results());
            summaries.add(new MatrixModel.Summary(d.name(), d.allExpected(),
                    c.get(Outcome.PASSED), c.get(Outcome.FAILED), c.get(Outcome.NOT_APPLICABLE), c.get(Outcome.KNOWN_DEVIATION),
                    c.get(Outcome.STALE_EXPECTATION), c.get(Outcome.ERROR), summaryCounts(c), summaryCounts(d.documented()),
                    summaryCounts(d.beyondDocs()), extensionCounts(d), d.flags(), d.regressionList(), d.postsLine(),
                    ScenarioKeys.preflightError(d)));
        }
        return summaries;
    }

    /** Each extension's own counts, never among the page's contract: extension name to the console's words. */
    private static List<MatrixModel.ExtensionCount> extensionCounts(DeploymentResult d) {
        List<MatrixModel.ExtensionCount> list = new ArrayList<>();
        d.byExtension().forEach((extension, counts) -> list.add(new MatrixModel.ExtensionCount(extension, summaryCounts(counts))));
        return list;
    }

    /** "31 passed, 2 known deviations, 4 not applicable, 0 failed, 0 stale expectations, 0 errors" (the console's words). */
    static String summaryCounts(Map<Outcome, Integer> c) {
        return c.get(Outcome.PASSED) + " passed, "
                + c.get(Outcome.KNOWN_DEVIATION) + " known deviation" + plural(c.get(Outcome.KNOWN_DEVIATION)) + ", "
                + c.get(Outcome.NOT_APPLICABLE) + " not applicable, "
                + c.get(Outcome.FAILED) + " failed, "
                + c.get(Outcome.STALE_EXPECTATION) + " stale expectation" + plural(c.get(Outcome.STALE_EXPECTATION)) + ", "
                + c.get(Outcome.ERROR) + " error" + plural(c.get(Outcome.ERROR));
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    private MatrixModel.Changes changes(Map<String, String> rowIds) {
        if (previous == null) {
            return MatrixModel.Changes.none();
        }
        RunReport.Run before = previous.report().run();
        Path previousPage = previous.folder().resolve(FILE_NAME);
        String previousLink = relativeLink(previous.folder().resolve(Files.exists(previousPage) ? FILE_NAME : ReportFiles.RESULTS));
        // Outcome and deployment changes are always in view; scenarios added or removed fold away when many.
        List<RunComparison.Change> headline = comparison.changes().stream().filter(c -> c.kind() != RunComparison.Kind.SCENARIO_ADDED
                && c.kind() != RunComparison.Kind.SCENARIO_REMOVED).toList();
        List<RunComparison.Change> scenarios = comparison.changes().stream().filter(c -> !headline.contains(c)).toList();
        return new MatrixModel.Changes(before.id(), previousLink, when(before.startedAt()), comparison.countLine(),
                changeList(headline, rowIds), changeList(scenarios, rowIds), scenarios.size() > 8);
    }

    private static List<MatrixModel.Change> changeList(List<RunComparison.Change> changes, Map<String, String> rowIds) {
        List<MatrixModel.Change> list = new ArrayList<>();
        for (RunComparison.Change c : changes) {
            MatrixModel.Change.Type type = switch (c.kind()) {
                case OUTCOME_CHANGED -> MatrixModel.Change.Type.OUTCOME_CHANGED;
                case SCENARIO_ADDED -> MatrixModel.Change.Type.SCENARIO_ADDED;
                case SCENARIO_REMOVED -> MatrixModel.Change.Type.SCENARIO_REMOVED;
                default -> MatrixModel.Change.Type.OTHER;
            };
            list.add(new MatrixModel.Change(type, c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), c.deployment(),
                    rowIds.get(c.key()), c.scenario(), c.key(), c.before() == null ? null : MatrixModel.Badge.of(c.before()),
                    c.after() == null ? null : MatrixModel.Badge.of(c.after()), type == MatrixModel.Change.Type.OTHER ? c.what() : null));
        }
        return list;
    }

    private List<MatrixModel.Column> columns(List<DeploymentResult> deployments) {
        List<MatrixModel.Column> columns = new ArrayList<>();
        for (DeploymentResult d : deployments) {
            List<String> ext = d.extensions();
            String extensions;
            String extensionsTitle = null;
            if (ext == null) {
                extensions = "extensions unknown";
            } else if (ext.isEmpty()) {
                extensions = "no extensions";
            } else {
                String shortList = ext.size() <= 6 ? String.join(", ", ext)
                        : String.join(", ", ext.subList(0, 5)) + " +" + (ext.size() - 5) + " more";
                extensions = ext.size() + (ext.size() == 1 ? " extension: " : " extensions: ") + shortList;
                extensionsTitle = String.join(", ", ext);
            }
            String sincePrevious = comparison == null ? null : comparison.deploymentChange(d.name()).map(c -> switch (c.kind()) {
                case DEPLOYMENT_ADDED -> "new since the previous run";
                case DEPLOYMENT_NOW_RUNS -> "previous run: preflight error";
                case DEPLOYMENT_NOW_FAILS_PREFLIGHT -> "ran in the previous run";
                default -> "";
            }).orElse(null);
            columns.add(new MatrixModel.Column(d.name(), d.description(),
                    d.mediawikiVersion() == null ? "MediaWiki version unknown" : "MediaWiki " + d.mediawikiVersion(),
                    "CAPTCHA: " + (d.captcha() == null ? "unknown" : d.captcha()), extensions, extensionsTitle, d.target(), d.allureReport(), ScenarioKeys.isPreflightError(d), sincePrevious));
        }
        return columns;
    }

    private MatrixModel.Judged cell(ObjectNode cells, DeploymentResult d, String key, ScenarioResult r, int[] cellIndex,
                                    boolean showReason) {
        String cellId = "c" + cellIndex[0]++;
        Optional<RunComparison.Change> change = comparison == null ? Optional.empty() : comparison.cellChange(d.name(), key);
        if (comparison != null && change.isEmpty()) {
            change = comparison.deploymentChange(d.name()).filter(c -> c.kind() == RunComparison.Kind.DEPLOYMENT_NOW_RUNS);
        }
        String was = change.map(c -> switch (c.kind()) {
            case OUTCOME_CHANGED -> "was: " + c.before().label();
            case SCENARIO_ADDED -> "new";
            case DEPLOYMENT_NOW_RUNS -> "was: not run";
            default -> null;
        }).orElse(null);
        String label = r.outcome().label();

        ObjectNode c = cells.putObject(cellId);
        c.put("deployment", d.name());
        c.put("key", key);
        c.put("feature", r.feature());
        c.put("scenario", r.scenario());
        c.put("id", r.id());
        ArrayNode tags = c.putArray("tags");
        if (r.tags() != null) {
            r.tags().forEach(tags::add);
        }
        c.put("outcome", label);
        c.put("reason", r.reason());
        c.put("condition", r.condition());
        c.put("previous", change.map(ch -> switch (ch.kind()) {
            case OUTCOME_CHANGED -> ch.before().label();
            case SCENARIO_ADDED -> "new";
            case DEPLOYMENT_NOW_RUNS -> "not run (preflight error)";
            default -> null;
        }).orElse(null));
        c.put("allureReport", d.allureReport());
        c.put("evidencePath", r.evidence());
        try {
            Optional<JsonNode> evidence = ReportFiles.evidence(runFolder, r);
            evidence.ifPresent(e -> c.set("evidence", e));
        } catch (IOException e) {
            c.put("evidenceProblem", "The evidence could not be read: " + e.getMessage());
        }

        return new MatrixModel.Judged(cellId, MatrixModel.Badge.of(r.outcome()), was != null, d.name(), key,
                r.reason() == null ? null : abbreviate(r.reason(), 300),
                r.condition() != null && r.outcome() != Outcome.PASSED ? r.condition() : null,
                showReason ? r.reason() : null, was, history.strip(d.name(), key, r.outcome()));
    }

    private static MatrixModel.NotRun notRun(DeploymentResult d, String key) {
        return new MatrixModel.NotRun(d.name(), key, ScenarioKeys.isPreflightError(d)
                ? "not run: the deployment's preflight failed (see the Preflight row)"
                : "not run: this scenario is not in the deployment's results");
    }

    /** A link from this run's folder to {@code target}, if both are under the same reports folder. */
    private String relativeLink(Path target) {
        try {
            Path from = runFolder.toAbsolutePath().normalize();
            return from.relativize(target.toAbsolutePath().normalize()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- the data in the page's script element ----------------------------------------------

    /**
     * JSON safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} only occur inside
     * JSON strings, where \\u escapes mean the same; so "</script>" or "<!--" can never appear.
     */
    static String scriptJson(JsonNode data) {
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder b = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            switch (ch) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String when(String iso) {
        if (iso == null) {
            return "unknown";
        }
        try {
            return WHEN.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String seconds(double s) {
        return s >= 100 ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String resource(String name) {
        try (InputStream in = MatrixPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + MatrixPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
