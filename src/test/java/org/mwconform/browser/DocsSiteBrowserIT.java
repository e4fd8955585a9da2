package org.mwconform.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.docs.DocsSite;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The living documentation as a reader meets it, in a real headless Chromium: written from the project's own
 * features/, README.md and docs/ and a run, opened from disk, navigated by clicking; every scenario of features/
 * appears on its flow's page, every page of the guide is linked from the index, and no link of the guide is broken.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsSiteBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCENARIO = Pattern.compile("^\\s*Scenario(?: Outline)?:\\s*(.+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern ID = Pattern.compile("@id:([A-Za-z0-9_-]+)");

    @TempDir
    static Path dir;
    private Path home;
    private Path features;
    private Path index;
    private Chromium chromium;

    @BeforeAll
    void writeTheSiteAndOpenIt() throws Exception {
        home = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath();
        features = home.resolve("features");
        List<ScenarioResult> results = new ArrayList<>();
        for (String id : ids()) {
            Outcome outcome = id.equals("badretype") ? Outcome.KNOWN_DEVIATION : Outcome.PASSED;
            results.add(new ScenarioResult(id, "F", id, List.of("@id:" + id), outcome,
                    outcome == Outcome.PASSED ? null : "The wiki says <b>badpassword</b> here", null, null));
        }
        RunReport run = new RunReport(new RunReport.Run("20261129T100000abc", "2026-11-29T10:00:00Z", "2026-11-29T10:01:00Z",
                60, null, "mwconform test"), List.of(new DeploymentResult("local-a", "http://127.0.0.1:8391/api.php", "a wiki",
                "1.39.17", List.of(), true, DeploymentResult.count(results), results, null, null)));
        Path runFolder = Files.createDirectories(dir.resolve("runs/20261129T100000abc"));
        JSON.writeValue(runFolder.resolve("results.json").toFile(), run);
        index = DocsSite.of(features, runFolder, null, home).write(dir.resolve("docs"));
        chromium = Chromium.start(1200, 900);
        chromium.navigate(index.toUri());
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theIndexLeadsToEveryFlowErrorCodeAndVersionByClicking() throws Exception {
        long featureFiles;
        try (Stream<Path> files = Files.list(features)) {
            featureFiles = files.filter(f -> f.toString().endsWith(".feature")).count();
        }
        assertThat(chromium.evaluate("document.querySelectorAll('a.flow').length").asLong()).isEqualTo(featureFiles);
        assertThat(chromium.evaluate("[...document.querySelectorAll('a.code')].map(a => a.innerText)").toString())
                .contains("badretype", "userexists", "notoken", "mustpostparams");
        assertThat(chromium.text("document.querySelector('a.version').innerText")).isEqualTo("MediaWiki 1.39.17");

        chromium.click("a.code[href='code-badretype.html']");
        chromium.waitFor("location.pathname.endsWith('code-badretype.html')", Duration.ofSeconds(5));
        assertThat(chromium.text("document.querySelector('h1').innerText")).isEqualTo("Error code badretype");
        assertThat(chromium.text("document.querySelector('section#badretype td.outcome').innerText")).isEqualTo("\u2248 known-deviation");
        assertThat(chromium.text("document.querySelector('section#badretype').innerText"))
                .contains("The retyped password differs", "Then account creation fails with messagecode \"badretype\"",
                        "The wiki says <b>badpassword</b> here");
        chromium.click("header a.home");
        chromium.waitFor("location.pathname.endsWith('index.html')", Duration.ofSeconds(5));

        chromium.click("a.version");
        chromium.waitFor("location.pathname.endsWith('mediawiki-1.39.17.html')", Duration.ofSeconds(5));
        assertThat(chromium.text("document.querySelector('main').innerText")).contains("local-a", "badretype", "badpassword");
        assertThat(chromium.takePageProblems()).isEmpty();
    }

    @Test
    void everyScenarioOfTheFeaturesAppearsOnItsFlowPage() throws Exception {
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.list(features)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
                Matcher m = SCENARIO.matcher(Files.readString(f));
                while (m.find()) {
                    expected.add(m.group(1));
                }
            }
        }
        chromium.navigate(index.toUri());
        Set<String> shown = new TreeSet<>();
        for (JsonNode href : chromium.evaluate("[...document.querySelectorAll('a.flow')].map(a => a.href)")) {
            chromium.navigate(java.net.URI.create(href.asText()));
            assertThat(chromium.evaluate("document.querySelectorAll('blockquote.sentence').length").asInt()).isEqualTo(1);
            chromium.evaluate("[...document.querySelectorAll('section.scenario h2')].map(h => h.innerText)")
                    .forEach(n -> shown.add(n.asText()));
            assertThat(chromium.evaluate("performance.getEntriesByType('resource').length").asInt()).isZero();
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(chromium.takePageProblems()).isEmpty();
    }

    @Test
    void theGuideIsReachedFromTheIndexAndNoneOfItsLinksIsBroken() throws Exception {
        long markdown;
        try (Stream<Path> files = Files.walk(home.resolve("docs"))) {
            markdown = files.filter(f -> f.toString().endsWith(".md")).count() + 1;     // and README.md
        }
        chromium.navigate(index.toUri());
        assertThat(chromium.evaluate("document.querySelectorAll('a.guide-page').length").asLong()).isEqualTo(markdown);

        // README -> docs/running.md by clicking, as a reader would
        chromium.click("a.guide-page[href='guide/README.html']");
        chromium.waitFor("location.pathname.endsWith('guide/README.html')", Duration.ofSeconds(5));
        assertThat(chromium.text("document.querySelector('article.guide h1').innerText")).isEqualTo("mwconform");
        chromium.click("article.guide a[href='docs/running.html']");
        chromium.waitFor("location.pathname.endsWith('guide/docs/running.html')", Duration.ofSeconds(5));
        assertThat(chromium.text("document.querySelector('article.guide h1').innerText")).isEqualTo("Running mwconform");
        chromium.click("header a.home");
        chromium.waitFor("location.pathname.endsWith('docs/index.html')", Duration.ofSeconds(5));

        // every link of every page: a page of the guide (and its heading, when it names one), or a file of the checkout
        int checked = 0;
        for (JsonNode page : chromium.evaluate("[...document.querySelectorAll('a.guide-page')].map(a => a.href)")) {
            chromium.navigate(java.net.URI.create(page.asText()));
            assertThat(chromium.evaluate("document.querySelectorAll('article.guide h1').length").asInt()).as(page.asText()).isEqualTo(1);
            for (JsonNode link : chromium.evaluate("[...document.querySelectorAll('article.guide a[href]')].map(a => a.href)")) {
                java.net.URI uri = java.net.URI.create(link.asText());
                if (!"file".equals(uri.getScheme())) {
                    continue;
                }
                Path target = Path.of(uri.getPath());
                assertThat(target).as("%s links to %s", page.asText(), link.asText()).exists();
                if (uri.getFragment() != null && target.toString().endsWith(".html")) {
                    assertThat(Files.readString(target)).as("%s links to %s", page.asText(), link.asText())
                            .contains("id=\"" + uri.getFragment() + "\"");
                }
                checked++;
            }
            assertThat(chromium.evaluate("performance.getEntriesByType('resource').length").asInt()).isZero();
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(chromium.takePageProblems()).isEmpty();
    }

    private List<String> ids() throws Exception {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(features)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
                Matcher m = ID.matcher(Files.readString(f));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return new ArrayList<>(ids);
    }
}
