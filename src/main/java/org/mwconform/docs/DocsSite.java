package org.mwconform.docs;

import org.mwconform.conditions.CheckedCondition;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.KnownDeviation;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.Evidence;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.matrix.ReportFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The living documentation: static pages (no script, no network, open from disk) written from {@code features/}
 * and the latest run. One page per documented flow (feature) and per error code a scenario checks, one per
 * MediaWiki version; each scenario in the documentation's words, its steps, the conditions its last run checked,
 * its latest result on every deployment, and the documented-versus-observed notes with their source references.
 */
public final class DocsSite {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeatureBook book;
    private final RunReport run;            // null: no run yet
    private final Path runFolder;
    private final Map<String, Expectations> expectations;  // by deployment

    private DocsSite(FeatureBook book, RunReport run, Path runFolder, Map<String, Expectations> expectations) {
        this.book = book;
        this.run = run;
        this.runFolder = runFolder;
        this.expectations = expectations;
    }

    /**
     * @param runFolder    a run folder (results.json and evidence), or null
     * @param environments the environments/ folder, where each deployment's expectations file is, or null
     */
    public static DocsSite of(Path features, Path runFolder, Path environments) {
        return of(features, List.of(), runFolder, environments);
    }

    /** As {@link #of(Path, Path, Path)}, with an extension's feature folders: each extension's features are a section of their own. */
    public static DocsSite of(Path features, List<Path> extensionFeatures, Path runFolder, Path environments) {
        RunReport run = null;
        Path folder = null;
        if (runFolder != null) {
            ReportFiles.LoadedRun loaded = ReportFiles.load(runFolder);
            run = loaded.report();
            folder = loaded.folder();
        }
        Map<String, Expectations> expectations = new LinkedHashMap<>();
        if (run != null && environments != null) {
            for (DeploymentResult d : run.deployments()) {
                Path file = environments.resolve(d.name() + ".expectations.yml");
                if (Files.isRegularFile(file)) {
                    try {
                        expectations.put(d.name(), Expectations.load(file));
                    } catch (RuntimeException e) {
                        // an unreadable expectations file only costs the source links
                    }
                }
            }
        }
        return new DocsSite(FeatureBook.read(features, extensionFeatures), run, folder, expectations);
    }

    /** Writes the site into {@code out} (replacing the pages it writes); returns the index page. */
    public Path write(Path out) {
        try {
            Files.createDirectories(out);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("index.html", index());
            for (FeatureBook.Chapter c : book.chapters()) {
                pages.put(chapterPage(c), chapter(c));
            }
            book.byCode().forEach((code, entries) -> pages.put(codePage(code), code(code, entries)));
            versions().forEach((version, deployments) -> pages.put(versionPage(version), version(version, deployments)));
            for (Map.Entry<String, String> p : pages.entrySet()) {
                Files.writeString(out.resolve(p.getKey()), p.getValue(), StandardCharsets.UTF_8);
            }
            return out.resolve("index.html");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the documentation into " + out, e);
        }
    }

    // --- pages -------------------------------------------------------------------------------------------

    private String index() {
        Html h = page("mwconform: account creation, as documented and as observed");
        h.raw("<h1>Account creation through the Action API</h1>\n")
                .raw("<p class=\"lead\">The MediaWiki.org page \u201cAPI:Account creation\u201d, flow by flow, as executable scenarios, "
                        + "with what each deployment did the last time it ran.</p>\n");
        h.raw(runLine());
        h.raw("<h2>Flows</h2>\n<ul class=\"flows\">\n");
        book.chapters().stream().filter(c -> c.extension() == null).forEach(c -> flow(h, c));
        // Each extension's features: its own living documentation, never among the page's flows.
        java.util.Map<String, List<FeatureBook.Chapter>> byExtension = new java.util.TreeMap<>();
        book.chapters().stream().filter(c -> c.extension() != null)
                .forEach(c -> byExtension.computeIfAbsent(c.extension(), k -> new java.util.ArrayList<>()).add(c));
        byExtension.forEach((extension, chapters) -> {
            h.raw("</ul>\n<h2 class=\"extension\">Extension ").text(extension).raw("</h2>\n<ul class=\"flows extension\">\n");
            chapters.forEach(c -> flow(h, c));
        });
        h.raw("</ul>\n<h2>Error codes</h2>\n<ul class=\"codes\">\n");
        book.byCode().forEach((code, entries) -> h.raw("<li><a class=\"code\" href=\"").text(codePage(code)).raw("\"><code>")
                .text(code).raw("</code></a> <span class=\"count\">").text(entries.size() + " scenario" + (entries.size() == 1 ? "" : "s"))
                .raw("</span></li>\n"));
        h.raw("</ul>\n<h2>MediaWiki versions</h2>\n<ul class=\"versions\">\n");
        Map<String, List<DeploymentResult>> versions = versions();
        if (versions.isEmpty()) {
            h.raw("<li>No run yet: <code>./mwconform run</code>, then <code>./mwconform docs</code>.</li>\n");
        }
        versions.forEach((v, ds) -> h.raw("<li><a class=\"version\" href=\"").text(versionPage(v)).raw("\">MediaWiki ").text(v)
                .raw("</a> <span class=\"count\">").text(ds.size() + " deployment" + (ds.size() == 1 ? "" : "s")).raw("</span></li>\n"));
        h.raw("</ul>\n");
        return h.end();
    }

    private void flow(Html h, FeatureBook.Chapter c) {
        h.raw("<li><a class=\"flow\" href=\"").text(chapterPage(c)).raw("\">").text(c.name()).raw("</a> <span class=\"count\">")
                .text(c.entries().size() + " scenario" + (c.entries().size() == 1 ? "" : "s")).raw("</span>")
                .raw(summaryBadges(c.entries())).raw("</li>\n");
    }

    private String chapter(FeatureBook.Chapter c) {
        Html h = page(c.name() + " \u00b7 mwconform");
        h.raw("<h1>").text(c.name()).raw("</h1>\n");
        h.raw("<blockquote class=\"sentence\">").text(c.description()).raw("</blockquote>\n");
        h.raw("<p class=\"tags\">").text(String.join(" ", c.tags())).raw("</p>\n");
        for (FeatureBook.Entry e : c.entries()) {
            scenario(h, e);
        }
        return h.end();
    }

    private String code(String code, List<FeatureBook.Entry> entries) {
        Html h = page("Error code " + code + " \u00b7 mwconform");
        h.raw("<h1>Error code <code>").text(code).raw("</code></h1>\n<p>Scenarios that check it:</p>\n");
        for (FeatureBook.Entry e : entries) {
            scenario(h, e);
        }
        return h.end();
    }

    private String version(String version, List<DeploymentResult> deployments) {
        Html h = page("MediaWiki " + version + " \u00b7 mwconform");
        h.raw("<h1>MediaWiki ").text(version).raw("</h1>\n").raw(runLine());
        h.raw("<table class=\"deployments\"><thead><tr><th>deployment</th><th>target</th><th>counts</th></tr></thead><tbody>\n");
        for (DeploymentResult d : deployments) {
            h.raw("<tr><td>").text(d.name()).raw("</td><td>").text(d.target()).raw("</td><td>").text(counts(d)).raw("</td></tr>\n");
        }
        h.raw("</tbody></table>\n<h2>Documented versus observed</h2>\n<ul class=\"deviations\">\n");
        Map<String, String> seen = new TreeMap<>();
        for (DeploymentResult d : deployments) {
            for (ScenarioResult r : d.results()) {
                if (r.outcome() == Outcome.KNOWN_DEVIATION) {
                    seen.putIfAbsent(r.id(), r.reason());
                }
            }
        }
        if (seen.isEmpty()) {
            h.raw("<li>None: every scenario that ran behaved as documented.</li>\n");
        }
        seen.forEach((id, reason) -> {
            h.raw("<li><a href=\"").text(scenarioLink(id)).raw("\">").text(id).raw("</a>: ").text(reason);
            deviation(id).map(KnownDeviation::link).filter(l -> l != null && !l.isBlank())
                    .ifPresent(link -> h.raw(" <span class=\"source\">(source: ").text(link).raw(")</span>"));
            h.raw("</li>\n");
        });
        h.raw("</ul>\n");
        return h.end();
    }

    // --- one scenario --------------------------------------------------------------------------------------

    private void scenario(Html h, FeatureBook.Entry e) {
        h.raw("<section class=\"scenario\" id=\"").text(e.id()).raw("\">\n<h2>").text(e.name()).raw("</h2>\n");
        h.raw("<p class=\"tags\">").text(String.join(" ", e.tags())).raw("</p>\n<pre class=\"steps\">");
        for (String step : e.steps()) {
            h.text(step).raw("\n");
        }
        h.raw("</pre>\n");
        List<CheckedCondition> conditions = conditions(e.id());
        if (!conditions.isEmpty()) {
            h.raw("<h3>Conditions checked</h3>\n<ul class=\"conditions\">\n");
            for (CheckedCondition c : conditions) {
                h.raw("<li><code>").text(c.id()).raw("</code> ").text(c.summary()).raw("</li>\n");
            }
            h.raw("</ul>\n");
        }
        if (run != null) {
            h.raw("<table class=\"results\"><thead><tr><th>deployment</th><th>latest result</th><th>why</th></tr></thead><tbody>\n");
            for (DeploymentResult d : run.deployments()) {
                Optional<ScenarioResult> r = d.results().stream().filter(x -> e.id().equals(x.id())).findFirst();
                String outcome = r.map(x -> x.outcome().label()).orElse("not run");
                h.raw("<tr data-deployment=\"").text(d.name()).raw("\" data-outcome=\"").text(outcome).raw("\"><td>").text(d.name())
                        .raw(d.mediawikiVersion() == null ? "" : " <span class=\"mw\">MediaWiki " + Html.esc(d.mediawikiVersion()) + "</span>")
                        .raw("</td><td class=\"outcome ").text(outcome).raw("\">").text(symbol(outcome) + " " + outcome).raw("</td><td>")
                        .text(r.map(ScenarioResult::reason).orElse(preflightReason(d)));
                if (r.isPresent() && r.get().outcome() == Outcome.KNOWN_DEVIATION) {
                    expectations.getOrDefault(d.name(), Expectations.none()).forScenario(e.id()).map(KnownDeviation::link)
                            .filter(l -> l != null && !l.isBlank())
                            .ifPresent(link -> h.raw(" <span class=\"source\">(source: ").text(link).raw(")</span>"));
                }
                h.raw("</td></tr>\n");
            }
            h.raw("</tbody></table>\n");
        }
        h.raw("</section>\n");
    }

    /** The conditions the last run checked for this scenario, on any deployment, each once. */
    private List<CheckedCondition> conditions(String id) {
        Map<String, CheckedCondition> byId = new LinkedHashMap<>();
        if (run == null) {
            return List.of();
        }
        for (DeploymentResult d : run.deployments()) {
            for (ScenarioResult r : d.results()) {
                if (!id.equals(r.id()) || r.evidence() == null) {
                    continue;
                }
                try {
                    Optional<JsonNode> evidence = ReportFiles.evidence(runFolder, r);
                    if (evidence.isPresent()) {
                        Evidence ev = JSON.treeToValue(evidence.get(), Evidence.class);
                        if (ev.conditions() != null) {
                            ev.conditions().forEach(c -> byId.putIfAbsent(c.id(), c));
                        }
                    }
                } catch (IOException | RuntimeException ex) {
                    // a missing evidence file only costs this list
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    private Optional<KnownDeviation> deviation(String id) {
        return expectations.values().stream().map(x -> x.forScenario(id)).flatMap(Optional::stream).findFirst();
    }

    private Map<String, List<DeploymentResult>> versions() {
        Map<String, List<DeploymentResult>> versions = new TreeMap<>();
        if (run != null) {
            for (DeploymentResult d : run.deployments()) {
                if (d.mediawikiVersion() != null) {
                    versions.computeIfAbsent(d.mediawikiVersion(), k -> new ArrayList<>()).add(d);
                }
            }
        }
        return versions;
    }

    private String summaryBadges(List<FeatureBook.Entry> entries) {
        if (run == null) {
            return "";
        }
        Map<Outcome, Integer> counts = new java.util.EnumMap<>(Outcome.class);
        for (DeploymentResult d : run.deployments()) {
            for (ScenarioResult r : d.results()) {
                if (entries.stream().anyMatch(e -> e.id().equals(r.id()))) {
                    counts.merge(r.outcome(), 1, Integer::sum);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        counts.forEach((o, n) -> b.append(" <span class=\"badge ").append(o.label()).append("\">").append(n).append(' ')
                .append(Html.esc(o.label())).append("</span>"));
        return b.toString();
    }

    private String runLine() {
        if (run == null) {
            return "<p class=\"run\">No results yet: these pages show the scenarios only.</p>\n";
        }
        return "<p class=\"run\">Results of run <code>" + Html.esc(run.run().id()) + "</code> (" + Html.esc(run.run().startedAt())
                + (run.run().tags() == null ? "" : ", filtered by --tags " + Html.esc(run.run().tags())) + ").</p>\n";
    }

    private static String counts(DeploymentResult d) {
        return d.summaryLine().substring(d.summaryLine().indexOf(": ") + 2);
    }

    private static String preflightReason(DeploymentResult d) {
        return d.results().stream().filter(r -> "preflight".equals(r.id())).map(ScenarioResult::reason).findFirst().orElse("");
    }

    private static String symbol(String outcome) {
        return switch (outcome) {
            case "passed" -> "\u2713";
            case "failed" -> "\u2717";
            case "known-deviation" -> "\u2248";
            case "not-applicable" -> "\u2013";
            case "stale-expectation" -> "!";
            case "error" -> "\u26a0";
            default -> "\u25cb";
        };
    }

    private String scenarioLink(String id) {
        for (FeatureBook.Chapter c : book.chapters()) {
            if (c.entries().stream().anyMatch(e -> e.id().equals(id))) {
                return chapterPage(c) + "#" + id;
            }
        }
        return "index.html";
    }

    static String chapterPage(FeatureBook.Chapter c) {
        return "flow-" + c.file().replaceAll("\\.feature$", "").replaceAll("[^A-Za-z0-9-]", "-") + ".html";
    }

    static String codePage(String code) {
        return "code-" + code.replaceAll("[^A-Za-z0-9_-]", "-") + ".html";
    }

    static String versionPage(String version) {
        return "mediawiki-" + version.replaceAll("[^A-Za-z0-9.-]", "-") + ".html";
    }

    private static Html page(String title) {
        return new Html(title);
    }

    /** A page: escaped text by default, a fixed style sheet, a header linking home. */
    private static final class Html {
        private static final String STYLE = """
                body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
                header{background:#243b53;padding:.6em 1.2em}header a{color:#fff;text-decoration:none;font-weight:600}
                main{max-width:60em;margin:0 auto;padding:1em 1.2em}
                blockquote.sentence{border-left:4px solid #486581;margin:1em 0;padding:.3em 1em;background:#fff;white-space:pre-line}
                section.scenario{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:.2em 1em 1em;margin:1em 0}
                pre.steps{background:#f0f4f8;padding:.6em;overflow:auto}
                .tags{color:#627d98;font-size:.85em}.count{color:#627d98}
                table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e4e7eb;padding:.3em .5em;text-align:left;vertical-align:top}
                td.outcome{white-space:nowrap;font-weight:600}
                .passed{color:#1b7f3b}.failed{color:#b42318}.known-deviation{color:#8a5a00}.not-applicable{color:#52606d}
                .stale-expectation{color:#6b21a8}.error{color:#b42318}
                .badge{font-size:.8em;border:1px solid currentColor;border-radius:1em;padding:0 .5em;margin-left:.3em}
                .source{color:#627d98;font-size:.9em}.mw{color:#627d98;font-size:.85em}
                """;
        private final StringBuilder b = new StringBuilder(8192);

        Html(String title) {
            b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                    .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(esc(title))
                    .append("</title>\n<style>").append(STYLE).append("</style></head>\n<body><header><a class=\"home\" href=\"index.html\">")
                    .append("mwconform \u00b7 living documentation</a></header>\n<main>\n");
        }

        Html raw(String html) {
            b.append(html);
            return this;
        }

        Html text(String text) {
            b.append(esc(text));
            return this;
        }

        String end() {
            return b.append("</main>\n</body></html>\n").toString();
        }

        static String esc(String s) {
            if (s == null) {
                return "";
            }
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
        }
    }
}
