package org.mwconform.docs;

import org.mwconform.conditions.CheckedCondition;
import org.mwconform.expectations.Expectations;
import org.mwconform.expectations.KnownDeviation;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.Evidence;
import org.mwconform.report.RunReport;
import org.mwconform.report.matrix.VersionComparison;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.Templates;
import org.mwconform.report.matrix.ReportFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * Beside them, the project's guide (README.md and docs/, see {@link Guide}), linked from the index.
 * <p>
 * This class decides what each page shows ({@link DocsModel}); the jte templates in this package's resources lay
 * it out and escape it.
 */
public final class DocsSite {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeatureBook book;
    private final RunReport run;            // null: no run yet
    private final Path runFolder;
    private final Map<String, Expectations> expectations;  // by deployment
    private final Guide guide;

    private DocsSite(FeatureBook book, RunReport run, Path runFolder, Map<String, Expectations> expectations, Guide guide) {
        this.book = book;
        this.run = run;
        this.runFolder = runFolder;
        this.expectations = expectations;
        this.guide = guide;
    }

    /** The site without the guide: see {@link #of(Path, Path, Path, Path)}. */
    public static DocsSite of(Path features, Path runFolder, Path environments) {
        return of(features, runFolder, environments, null);
    }

    /**
     * @param runFolder    a run folder (results.json and evidence), or null
     * @param environments the environments/ folder, where each deployment's expectations file is, or null
     * @param repository   the checkout whose README.md and docs/ become the site's guide, or null (none)
     */
    public static DocsSite of(Path features, Path runFolder, Path environments, Path repository) {
        return of(features, List.of(), runFolder, environments, repository);
    }

    /** As {@link #of(Path, Path, Path, Path)}, with an extension's feature folders: each extension's features are a section of their own. */
    public static DocsSite of(Path features, List<Path> extensionFeatures, Path runFolder, Path environments, Path repository) {
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
        return new DocsSite(FeatureBook.read(features, extensionFeatures), run, folder, expectations, Guide.of(repository));
    }

    /** Writes the site into {@code out} (replacing the pages it writes); returns the index page. */
    public Path write(Path out) {
        try {
            Files.createDirectories(out);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("index.html", Templates.render("docs/index.jte", index()));
            for (FeatureBook.Chapter c : book.chapters()) {
                pages.put(chapterPage(c), Templates.render("docs/chapter.jte", new DocsModel.ChapterPage(c.name(), c.description(),
                        String.join(" ", c.tags()), c.entries().stream().map(this::scenario).toList())));
            }
            book.byCode().forEach((code, entries) -> pages.put(codePage(code), Templates.render("docs/code.jte",
                    new DocsModel.CodePage(code, entries.stream().map(this::scenario).toList()))));
            versions().forEach((version, deployments) -> pages.put(versionPage(version),
                    Templates.render("docs/version.jte", version(version, deployments))));
            pages.put(CHANGES_PAGE, Templates.render("docs/betweenVersions.jte", betweenVersions()));
            List<DocsModel.GuideLink> nav = guideLinks();
            for (Guide.Page page : guide.pages()) {
                String root = "../".repeat((int) page.href().chars().filter(ch -> ch == '/').count());
                pages.put(page.href(), Templates.render("docs/guide.jte",
                        new DocsModel.GuidePage(page.title(), page.relative(), root, guide.body(page, out), nav)));
            }
            for (Map.Entry<String, String> p : pages.entrySet()) {
                Path file = out.resolve(p.getKey());
                Files.createDirectories(file.getParent());
                org.mwconform.files.AtomicFiles.writeString(file, p.getValue());
            }
            return out.resolve("index.html");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the documentation into " + out, e);
        }
    }

    // --- pages -------------------------------------------------------------------------------------------

    private DocsModel.Index index() {
        List<DocsModel.ChapterLink> chapters = book.chapters().stream().filter(c -> c.extension() == null).map(this::chapterLink).toList();
        // Each extension's features: its own living documentation, never among the page's flows.
        Map<String, List<DocsModel.ChapterLink>> byExtension = new TreeMap<>();
        book.chapters().stream().filter(c -> c.extension() != null)
                .forEach(c -> byExtension.computeIfAbsent(c.extension(), k -> new ArrayList<>()).add(chapterLink(c)));
        List<DocsModel.ExtensionChapters> extensions = new ArrayList<>();
        byExtension.forEach((extension, links) -> extensions.add(new DocsModel.ExtensionChapters(extension, links)));
        List<DocsModel.CodeLink> codes = new ArrayList<>();
        book.byCode().forEach((code, entries) -> codes.add(new DocsModel.CodeLink(codePage(code), code, plural(entries.size(), "scenario"))));
        List<DocsModel.VersionLink> versions = new ArrayList<>();
        versions().forEach((v, ds) -> versions.add(new DocsModel.VersionLink(versionPage(v), v, plural(ds.size(), "deployment"))));
        return new DocsModel.Index(runLine(), chapters, extensions, codes, versions, CHANGES_PAGE, guideLinks());
    }

    private DocsModel.ChapterLink chapterLink(FeatureBook.Chapter c) {
        return new DocsModel.ChapterLink(chapterPage(c), c.name(), plural(c.entries().size(), "scenario"), badges(c.entries()));
    }

    /** The page "What changed between versions": the latest run's paired deployments ({@code counterpart:}) row by row. */
    static final String CHANGES_PAGE = "what-changed-between-versions.html";

    private DocsModel.BetweenVersions betweenVersions() {
        List<VersionComparison.Pair> pairs = run == null ? List.of() : VersionComparison.of(run);
        List<DocsModel.VersionPair> rows = pairs.stream().map(p -> new DocsModel.VersionPair(p.title(), p.base().name(), p.other().name(),
                p.differences().stream().map(c -> new DocsModel.VersionDifference(scenarioLink(c.key()), c.scenario(), c.what(),
                        VersionComparison.evidence(c.base()), VersionComparison.evidence(c.other()))).toList())).toList();
        // docs/versions.md says what no scenario can see; the guide renders it, so the page links to it.
        String notes = guide.pages().stream().filter(g -> g.relative().equals("docs/versions.md")).map(Guide.Page::href).findFirst().orElse(null);
        return new DocsModel.BetweenVersions(runLine(), rows, notes);
    }

    private List<DocsModel.GuideLink> guideLinks() {
        return guide.pages().stream().map(p -> new DocsModel.GuideLink(p.href(), p.title(), p.relative())).toList();
    }

    private DocsModel.VersionPage version(String version, List<DeploymentResult> deployments) {
        List<DocsModel.DeploymentRow> rows = deployments.stream().map(d -> new DocsModel.DeploymentRow(d.name(), d.target(), counts(d))).toList();
        Map<String, String> seen = new TreeMap<>();
        for (DeploymentResult d : deployments) {
            for (ScenarioResult r : d.results()) {
                if (r.outcome() == Outcome.KNOWN_DEVIATION) {
                    seen.putIfAbsent(r.id(), r.reason());
                }
            }
        }
        List<DocsModel.Deviation> deviations = new ArrayList<>();
        seen.forEach((id, reason) -> deviations.add(new DocsModel.Deviation(scenarioLink(id), id, reason,
                deviation(id).map(KnownDeviation::link).filter(l -> !l.isBlank()).orElse(null))));
        return new DocsModel.VersionPage(version, runLine(), rows, deviations);
    }

    // --- one scenario --------------------------------------------------------------------------------------

    private DocsModel.Scenario scenario(FeatureBook.Entry e) {
        List<DocsModel.Condition> conditions = conditions(e.id()).stream().map(c -> new DocsModel.Condition(c.id(), c.summary())).toList();
        List<DocsModel.ResultRow> results = null;
        if (run != null) {
            results = new ArrayList<>();
            for (DeploymentResult d : run.deployments()) {
                Optional<ScenarioResult> r = d.results().stream().filter(x -> e.id().equals(x.id())).findFirst();
                String outcome = r.map(x -> x.outcome().label()).orElse("not run");
                String source = null;
                if (r.isPresent() && r.get().outcome() == Outcome.KNOWN_DEVIATION) {
                    source = expectations.getOrDefault(d.name(), Expectations.none()).forScenario(e.id()).map(KnownDeviation::link)
                            .filter(l -> !l.isBlank()).orElse(null);
                }
                results.add(new DocsModel.ResultRow(d.name(), d.mediawikiVersion(), outcome, symbol(outcome),
                        r.map(ScenarioResult::reason).orElse(preflightReason(d)), source));
            }
        }
        return new DocsModel.Scenario(e.id(), e.name(), String.join(" ", e.tags()), e.steps(), conditions, results);
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

    private List<DocsModel.Badge> badges(List<FeatureBook.Entry> entries) {
        if (run == null) {
            return List.of();
        }
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (DeploymentResult d : run.deployments()) {
            for (ScenarioResult r : d.results()) {
                if (entries.stream().anyMatch(e -> e.id().equals(r.id()))) {
                    counts.merge(r.outcome(), 1, Integer::sum);
                }
            }
        }
        List<DocsModel.Badge> badges = new ArrayList<>();
        counts.forEach((o, n) -> badges.add(new DocsModel.Badge(o.label(), n)));
        return badges;
    }

    private DocsModel.RunLine runLine() {
        return run == null ? null : new DocsModel.RunLine(run.run().id(), run.run().startedAt(), run.run().tags());
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
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
}
