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
 * Everything from the run is HTML-escaped; the cells' data (evidence included, already masked) is
 * embedded as JSON in a {@code <script type="application/json">} with {@code <}, {@code >} and
 * {@code &} written as \\u escapes, so no string can end the script element. A Content-Security-Policy
 * allows only this page's own script and style (by hash) and loads nothing.
 */
public final class MatrixPage {
    public static final String FILE_NAME = "index.html";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String CSS = resource("matrix.css");
    private static final String SCRIPT = resource("matrix.js");
    static final String NOT_RUN = "not run";

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

    static final String NOT_RUN_SYMBOL = "\u25cb";   // ○

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

    /**
     * @param runFolder where the report's evidence paths (and Allure links) are relative to
     * @param previous  the run to compare with, or null
     */
    public MatrixPage(RunReport report, Path runFolder, ReportFiles.LoadedRun previous) {
        this.report = report;
        this.runFolder = runFolder;
        this.previous = previous;
        this.comparison = previous == null ? null : RunComparison.compare(previous.report(), report);
    }

    public Optional<RunComparison> comparison() {
        return Optional.ofNullable(comparison);
    }

    /** Writes {@code index.html} into the run folder and returns its path. */
    public Path write() throws IOException {
        Path file = runFolder.resolve(FILE_NAME);
        Files.writeString(file, render(), StandardCharsets.UTF_8);
        return file;
    }

    // ---------------------------------------------------------------------------------------------

    private record Row(String key, String feature, String scenario, String id, boolean beyondDocs) {
    }

    public String render() {
        List<DeploymentResult> deployments = report.deployments() == null ? List.of() : report.deployments();
        Map<String, Map<String, ScenarioResult>> resultsByDeployment = new LinkedHashMap<>();
        deployments.forEach(d -> resultsByDeployment.put(d.name(), ScenarioKeys.of(d)));
        boolean anyPreflightError = deployments.stream().anyMatch(ScenarioKeys::isPreflightError);

        // Rows: features in the order first met, scenarios in the order first met within their feature.
        Map<String, Map<String, Row>> features = new LinkedHashMap<>();
        for (DeploymentResult d : deployments) {
            if (ScenarioKeys.isPreflightError(d)) {
                continue;
            }
            resultsByDeployment.get(d.name()).forEach((key, r) -> features
                    .computeIfAbsent(r.feature() == null ? "(no feature)" : r.feature(), f -> new LinkedHashMap<>())
                    .putIfAbsent(key, new Row(key, r.feature(), r.scenario(), r.id(), DeploymentResult.beyondDocs(r))));
        }

        Map<String, String> rowIds = new LinkedHashMap<>();
        features.values().forEach(rows -> rows.keySet().forEach(k -> rowIds.putIfAbsent(k, "r" + rowIds.size())));
        int rowCount = rowIds.size() + (anyPreflightError ? 1 : 0);

        ObjectNode data = JSON.createObjectNode();
        ObjectNode symbols = data.putObject("symbols");
        for (Outcome o : Outcome.values()) {
            symbols.put(o.label(), SYMBOLS.get(o));
        }
        data.put("run", report.run().id());
        ObjectNode cells = data.putObject("cells");

        StringBuilder h = new StringBuilder(64 * 1024);
        String script = SCRIPT;
        String css = CSS;
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-")
                .append(sha256(css)).append("'; script-src 'sha256-").append(sha256(script))
                .append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"generator\" content=\"").append(esc(report.run().harness())).append("\">\n")
                .append("<title>Conformance matrix \u00b7 run ").append(esc(report.run().id())).append(" \u00b7 mwconform</title>\n")
                .append("<style>").append(css).append("</style>\n</head>\n<body>\n");

        header(h);
        h.append("<div class=\"intro\">\n");
        summary(h, deployments);
        changes(h, rowIds);
        versions(h);
        h.append("</div>\n");
        legend(h, anyPreflightError);

        int columns = deployments.size() + 1;
        h.append("<div class=\"matrix-wrap\">\n<table class=\"matrix\" data-rows=\"")
                .append(rowCount).append("\" data-deployments=\"").append(deployments.size()).append("\">\n")
                .append("<caption>Rows: the features of \u201cAPI:Account creation\u201d and their scenarios. Columns: deployments. ")
                .append("Select a cell for its evidence: the conditions checked and every request and response.</caption>\n");
        columnHeads(h, deployments);
        h.append("<tbody>\n");
        int[] cellIndex = {0};
        if (anyPreflightError) {
            h.append("<tr class=\"feature-row\" data-feature=\"Preflight\"><th colspan=\"").append(columns)
                    .append("\" scope=\"colgroup\">Preflight: the harness asks each wiki who it is before any scenario</th></tr>\n");
            h.append("<tr class=\"scenario-row preflight-row\" id=\"r-preflight\" data-key=\"")
                    .append(ScenarioKeys.PREFLIGHT_ID).append("\" data-attention=\"true\" data-changed=\"false\">")
                    .append("<th scope=\"row\" class=\"scenario-name\"><span class=\"sname\">The target answers the Action API</span>")
                    .append("<span class=\"sid\">@id:").append(ScenarioKeys.PREFLIGHT_ID).append("</span></th>");
            for (DeploymentResult d : deployments) {
                if (ScenarioKeys.isPreflightError(d)) {
                    ScenarioResult r = d.results().get(0);
                    cell(h, cells, d, ScenarioKeys.key(r), r, cellIndex, true);
                } else {
                    h.append("<td class=\"cell preflight-ok\" data-deployment=\"").append(esc(d.name()))
                            .append("\" data-key=\"preflight\" data-outcome=\"answered\"><div class=\"cell-static neutral\">")
                            .append("answered").append(d.mediawikiVersion() == null ? "" : " (MediaWiki " + esc(d.mediawikiVersion()) + ")")
                            .append("</div></td>");
                }
            }
            h.append("</tr>\n");
        }
        for (Map.Entry<String, Map<String, Row>> feature : features.entrySet()) {
            h.append("<tr class=\"feature-row\" data-feature=\"").append(esc(feature.getKey())).append("\"><th colspan=\"")
                    .append(columns).append("\" scope=\"colgroup\">").append(esc(feature.getKey())).append("</th></tr>\n");
            for (Row row : feature.getValue().values()) {
                boolean attention = false;
                boolean changed = false;
                for (DeploymentResult d : deployments) {
                    ScenarioResult r = resultsByDeployment.get(d.name()).get(row.key());
                    // "not run" cells are explained once, by the preflight row or the column; they do not flag every row
                    attention |= r != null && !ScenarioKeys.isPreflightError(d) && r.outcome() != Outcome.PASSED;
                    changed |= comparison != null && comparison.cellChange(d.name(), row.key()).isPresent();
                }
                h.append("<tr class=\"scenario-row\" id=\"").append(rowIds.get(row.key())).append("\" data-key=\"").append(esc(row.key()))
                        .append("\" data-attention=\"").append(attention).append("\" data-changed=\"").append(changed)
                        .append("\" data-contract=\"").append(row.beyondDocs() ? "beyond-docs" : "documented").append("\">")
                        .append("<th scope=\"row\" class=\"scenario-name\"><span class=\"sname\">").append(esc(row.scenario())).append("</span>");
                if (row.id() != null) {
                    h.append("<span class=\"sid\">@id:").append(esc(row.id())).append("</span>");
                }
                if (row.beyondDocs()) {
                    h.append("<span class=\"beyond-docs-badge\" title=\"observed beyond the documentation: not part of its contract\">beyond the documentation</span>");
                }
                h.append("</th>");
                for (DeploymentResult d : deployments) {
                    ScenarioResult r = resultsByDeployment.get(d.name()).get(row.key());
                    if (r == null || ScenarioKeys.isPreflightError(d)) {
                        notRun(h, d, row.key());
                    } else {
                        cell(h, cells, d, row.key(), r, cellIndex, false);
                    }
                }
                h.append("</tr>\n");
            }
        }
        h.append("</tbody>\n</table>\n</div>\n");

        h.append("<footer>Written by ").append(esc(report.run().harness())).append(" from <a href=\"results.json\">results.json</a>")
                .append(" and each scenario's evidence file; passwords and tokens are masked. JUnit XML: <a href=\"junit.xml\">junit.xml</a>.")
                .append("<noscript> The evidence panel needs JavaScript; the evidence files are linked from results.json.</noscript></footer>\n");

        h.append("<dialog id=\"evidence\" class=\"panel\" aria-labelledby=\"ev-title\">\n")
                .append("<div class=\"panel-head\"><div><h2 id=\"ev-title\"></h2><div class=\"panel-sub\" id=\"ev-sub\"></div></div>")
                .append("<button type=\"button\" id=\"ev-close\" aria-label=\"Close the evidence panel\">Close \u2715</button></div>\n")
                .append("<div class=\"panel-body\" id=\"ev-body\"></div>\n</dialog>\n");
        h.append("<script type=\"application/json\" id=\"matrix-data\">").append(scriptJson(data)).append("</script>\n");
        h.append("<script>").append(script).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private void header(StringBuilder h) {
        RunReport.Run run = report.run();
        h.append("<header class=\"top\">\n<h1>MediaWiki account creation: conformance matrix</h1>\n<dl class=\"run-meta\">")
                .append("<div><dt>run</dt><dd><code class=\"run-id\">").append(esc(run.id())).append("</code></dd></div>")
                .append("<div><dt>started</dt><dd><time datetime=\"").append(esc(run.startedAt())).append("\">")
                .append(esc(when(run.startedAt()))).append("</time></dd></div>")
                .append("<div><dt>wall time</dt><dd class=\"wall-time\">").append(esc(seconds(run.durationSeconds()))).append("</dd></div>");
        if (run.tags() != null) {
            h.append("<div><dt>scenarios</dt><dd><code>--tags ").append(esc(run.tags())).append("</code></dd></div>");
        }
        h.append("<div><dt>harness</dt><dd>").append(esc(run.harness())).append("</dd></div></dl>\n</header>\n");
    }

    private void summary(StringBuilder h, List<DeploymentResult> deployments) {
        h.append("<section class=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<ul class=\"summaries\">\n");
        if (deployments.isEmpty()) {
            h.append("<li class=\"neutral\">No deployment in this run.</li>\n");
        }
        for (DeploymentResult d : deployments) {
            Map<Outcome, Integer> c = DeploymentResult.count(d.results());
            boolean ok = d.allExpected();
            h.append("<li class=\"deployment-summary ").append(ok ? "status-ok" : "status-unexpected")
                    .append("\" data-deployment=\"").append(esc(d.name())).append('"');
            for (Outcome o : Outcome.values()) {
                h.append(" data-").append(o.label()).append("=\"").append(c.get(o)).append('"');
            }
            h.append("><span class=\"verdict\" title=\"").append(ok ? "nothing unexpected" : "unexpected results").append("\">")
                    .append(ok ? "\u2713" : "\u2717").append("</span><span class=\"summary-text\"><strong>").append(esc(d.name()))
                    .append("</strong>: ").append(summaryCounts(c)).append("</span>")
                    .append("<span class=\"contract-split\"><span class=\"documented\">documented: ")
                    .append(summaryCounts(d.documented())).append("</span>; <span class=\"beyond-docs\">beyond the documentation: ")
                    .append(summaryCounts(d.beyondDocs())).append("</span></span>");
            for (String flag : d.flags()) {
                h.append("<span class=\"flag\">\u2691 ").append(esc(flag)).append("</span>");
            }
            for (String regression : d.regressionList()) {  // unexpected, though no single cell is: the verdict is already ✗
                h.append("<span class=\"flag regression\">\u2717 regression: ").append(esc(regression)).append("</span>");
            }
            if (d.postsLine() != null) {  // what a read-only run cost the wiki
                h.append("<span class=\"flag posts\">").append(esc(d.postsLine())).append("</span>");
            }
            String preflight = ScenarioKeys.preflightError(d);
            if (preflight != null) {
                h.append("<span class=\"preflight-reason\">\u26a0\ufe0e preflight error, no scenario ran: ").append(esc(preflight)).append("</span>");
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n</section>\n");
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

    /** Deployments on two MediaWiki versions (NAME and NAME-VERSION), cell by cell: see VersionComparison. */
    private void versions(StringBuilder h) {
        List<VersionComparison.Pair> pairs = VersionComparison.of(report);
        if (pairs.isEmpty()) {
            return;
        }
        h.append("<section class=\"versions\" id=\"versions\" aria-labelledby=\"versions-h\">\n")
                .append("<h2 id=\"versions-h\">Between MediaWiki versions</h2>\n");
        for (VersionComparison.Pair p : pairs) {
            h.append("<details><summary>").append(esc(p.title())).append(": ").append(p.differences().size()).append(" of ")
                    .append(p.compared()).append(" cells differ</summary>\n<ul>\n");
            for (VersionComparison.Cell c : p.differences()) {
                h.append("<li><strong>").append(esc(c.scenario())).append("</strong> (").append(esc(c.key())).append("): ")
                        .append(esc(c.what())).append("</li>\n");
            }
            h.append("</ul></details>\n");
        }
        h.append("</section>\n");
    }

    private void changes(StringBuilder h, Map<String, String> rowIds) {
        h.append("<section class=\"changes\" id=\"changes\" aria-labelledby=\"changes-h\"");
        if (previous != null) {
            h.append(" data-previous-run=\"").append(esc(previous.report().run().id())).append('"');
        }
        h.append(">\n<h2 id=\"changes-h\">Changes since the previous run</h2>\n");
        if (previous == null) {
            h.append("<p class=\"no-changes\">No earlier run in this reports folder to compare with.</p>\n</section>\n");
            return;
        }
        RunReport.Run before = previous.report().run();
        Path previousPage = previous.folder().resolve(FILE_NAME);
        String previousLink = relativeLink(previous.folder().resolve(Files.exists(previousPage) ? FILE_NAME : ReportFiles.RESULTS));
        h.append("<p>Compared with run ");
        if (previousLink != null) {
            h.append("<a href=\"").append(esc(previousLink)).append("\"><code>").append(esc(before.id())).append("</code></a>");
        } else {
            h.append("<code>").append(esc(before.id())).append("</code>");
        }
        h.append(" (started ").append(esc(when(before.startedAt()))).append("): <span class=\"change-count\">")
                .append(esc(comparison.countLine())).append("</span>.</p>\n");
        if (comparison.isEmpty()) {
            h.append("</section>\n");
            return;
        }
        // Outcome and deployment changes are always in view; scenarios added or removed fold away when many.
        List<RunComparison.Change> headline = comparison.changes().stream().filter(c -> c.kind() != RunComparison.Kind.SCENARIO_ADDED
                && c.kind() != RunComparison.Kind.SCENARIO_REMOVED).toList();
        List<RunComparison.Change> scenarios = comparison.changes().stream().filter(c -> !headline.contains(c)).toList();
        changeList(h, headline, rowIds);
        if (scenarios.size() > 8) {
            h.append("<details><summary>").append(scenarios.size()).append(" scenario results added or removed</summary>\n");
            changeList(h, scenarios, rowIds);
            h.append("</details>\n");
        } else {
            changeList(h, scenarios, rowIds);
        }
        h.append("</section>\n");
    }

    private static void changeList(StringBuilder h, List<RunComparison.Change> changes, Map<String, String> rowIds) {
        if (changes.isEmpty()) {
            return;
        }
        h.append("<ul class=\"change-list\">\n");
        for (RunComparison.Change c : changes) {
            h.append("<li class=\"change\" data-kind=\"").append(c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append("\" data-deployment=\"").append(esc(c.deployment())).append("\"><strong>").append(esc(c.deployment())).append("</strong> ");
            switch (c.kind()) {
                case OUTCOME_CHANGED, SCENARIO_ADDED -> {
                    String rowId = rowIds.get(c.key());
                    h.append(rowId == null ? "<span>" : "<a href=\"#" + rowId + "\">").append(esc(c.scenario()))
                            .append(rowId == null ? "</span>" : "</a>").append(" <code>").append(esc(c.key())).append("</code>: ");
                    if (c.kind() == RunComparison.Kind.OUTCOME_CHANGED) {
                        badge(h, c.before()).append("<span class=\"arrow\" aria-label=\"became\">\u2192</span>");
                        badge(h, c.after());
                    } else {
                        h.append("new scenario, ");
                        badge(h, c.after());
                    }
                }
                case SCENARIO_REMOVED -> {
                    h.append(esc(c.scenario())).append(" <code>").append(esc(c.key())).append("</code>: no longer in the run (was ");
                    badge(h, c.before()).append(")");
                }
                default -> h.append(esc(c.what()));
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private void legend(StringBuilder h, boolean anyPreflightError) {
        h.append("<section class=\"legend\" aria-labelledby=\"legend-h\"><h2 id=\"legend-h\" class=\"visually-hidden\">Legend</h2><ul>\n");
        for (Outcome o : List.of(Outcome.PASSED, Outcome.KNOWN_DEVIATION, Outcome.NOT_APPLICABLE, Outcome.FAILED,
                Outcome.STALE_EXPECTATION, Outcome.ERROR)) {
            h.append("<li data-outcome=\"").append(o.label()).append("\">");
            badge(h, o).append("<span>").append(esc(MEANING.get(o))).append("</span></li>\n");
        }
        h.append("<li data-outcome=\"not-run\"><span class=\"badge o-not-run\"><span class=\"sym\" aria-hidden=\"true\">")
                .append(NOT_RUN_SYMBOL).append("</span><span>").append(NOT_RUN).append("</span></span><span>")
                .append(anyPreflightError ? "the deployment's preflight failed, or the scenario is not in its results" : "the scenario is not in this deployment's results")
                .append("</span></li>\n");
        if (comparison != null) {
            h.append("<li><span class=\"badge was-sample\">was: \u2026</span><span>the outcome in the previous run, where it differs</span></li>\n");
        }
        h.append("</ul></section>\n");
        h.append("<div class=\"toolbar\"><label for=\"row-filter\">Show</label> <select id=\"row-filter\">")
                .append("<option value=\"all\">all scenarios</option>")
                .append("<option value=\"attention\">scenarios not passed everywhere</option>");
        if (comparison != null) {
            h.append("<option value=\"changed\">scenarios that changed since the previous run</option>");
        }
        h.append("</select></div>\n");
    }

    private void columnHeads(StringBuilder h, List<DeploymentResult> deployments) {
        h.append("<thead><tr><th scope=\"col\" class=\"corner\">Scenario</th>");
        for (DeploymentResult d : deployments) {
            h.append("<th scope=\"col\" class=\"dep-head\" data-deployment=\"").append(esc(d.name())).append("\">")
                    .append("<div class=\"dep-name\"");
            if (d.description() != null) {
                h.append(" title=\"").append(esc(d.description())).append('"');
            }
            h.append(">").append(esc(d.name())).append("</div>");
            h.append("<div class=\"dep-version\">")
                    .append(d.mediawikiVersion() == null ? "MediaWiki version unknown" : "MediaWiki " + esc(d.mediawikiVersion())).append("</div>");
            List<String> ext = d.extensions();
            if (ext == null) {
                h.append("<div class=\"dep-ext\">extensions unknown</div>");
            } else if (ext.isEmpty()) {
                h.append("<div class=\"dep-ext\">no extensions</div>");
            } else {
                String shortList = ext.size() <= 6 ? String.join(", ", ext)
                        : String.join(", ", ext.subList(0, 5)) + " +" + (ext.size() - 5) + " more";
                h.append("<div class=\"dep-ext\" title=\"").append(esc(String.join(", ", ext))).append("\">")
                        .append(ext.size()).append(ext.size() == 1 ? " extension: " : " extensions: ").append(esc(shortList)).append("</div>");
            }
            h.append("<div class=\"dep-target\"><code>").append(esc(d.target())).append("</code></div>");
            if (d.allureReport() != null) {
                h.append("<div class=\"dep-links\"><a class=\"allure-link\" href=\"").append(esc(d.allureReport()))
                        .append("\">Allure report</a></div>");
            } else {
                h.append("<div class=\"dep-links neutral\">no Allure report</div>");
            }
            if (ScenarioKeys.isPreflightError(d)) {
                h.append("<div class=\"dep-error\">\u26a0\ufe0e preflight error: not run</div>");
            }
            if (comparison != null) {
                comparison.deploymentChange(d.name()).ifPresent(c -> h.append("<div class=\"dep-new\">")
                        .append(switch (c.kind()) {
                            case DEPLOYMENT_ADDED -> "new since the previous run";
                            case DEPLOYMENT_NOW_RUNS -> "previous run: preflight error";
                            case DEPLOYMENT_NOW_FAILS_PREFLIGHT -> "ran in the previous run";
                            default -> "";
                        }).append("</div>"));
            }
            h.append("</th>");
        }
        h.append("</tr></thead>\n");
    }

    private void cell(StringBuilder h, ObjectNode cells, DeploymentResult d, String key, ScenarioResult r, int[] cellIndex,
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
        h.append("<td class=\"cell o-").append(label).append(was == null ? "" : " changed").append("\" data-deployment=\"")
                .append(esc(d.name())).append("\" data-key=\"").append(esc(key)).append("\" data-outcome=\"").append(label).append('"');
        if (r.reason() != null) {
            h.append(" title=\"").append(esc(abbreviate(r.reason(), 300))).append('"');
        }
        h.append("><button type=\"button\" class=\"cell-button\" data-cell=\"").append(cellId)
                .append("\" aria-haspopup=\"dialog\"><span class=\"outcome\"><span class=\"sym\" aria-hidden=\"true\">")
                .append(SYMBOLS.get(r.outcome())).append("</span> <span class=\"otext\">").append(label).append("</span></span>");
        if (r.condition() != null && r.outcome() != Outcome.PASSED) {
            h.append("<code class=\"cond\">").append(esc(r.condition())).append("</code>");
        }
        if (showReason && r.reason() != null) {
            h.append("<span class=\"cell-reason\">").append(esc(r.reason())).append("</span>");
        }
        if (was != null) {
            h.append("<span class=\"was\">").append(esc(was)).append("</span>");
        }
        h.append("<span class=\"visually-hidden\"> (").append(esc(d.name())).append("; show the evidence)</span></button></td>");

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
    }

    private static void notRun(StringBuilder h, DeploymentResult d, String key) {
        String why = ScenarioKeys.isPreflightError(d) ? "not run: the deployment's preflight failed (see the Preflight row)"
                : "not run: this scenario is not in the deployment's results";
        h.append("<td class=\"cell o-not-run\" data-deployment=\"").append(esc(d.name())).append("\" data-key=\"").append(esc(key))
                .append("\" data-outcome=\"not-run\" title=\"").append(esc(why)).append("\"><div class=\"cell-static\"><span class=\"outcome\">")
                .append("<span class=\"sym\" aria-hidden=\"true\">").append(NOT_RUN_SYMBOL).append("</span> <span class=\"otext\">")
                .append(NOT_RUN).append("</span></span></div></td>");
    }

    private static StringBuilder badge(StringBuilder h, Outcome o) {
        return h.append("<span class=\"badge o-").append(o.label()).append("\"><span class=\"sym\" aria-hidden=\"true\">")
                .append(SYMBOLS.get(o)).append("</span><span>").append(o.label()).append("</span></span>");
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

    // --- escaping ------------------------------------------------------------------------------

    /** HTML text and double- or single-quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

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
