package org.mwconform.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DocsSiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A checkout in miniature: features/, README.md, docs/ with a page in a subfolder, and a file docs/ links to. */
    private Path checkout() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("features"));
        Files.writeString(repo.resolve("features/tokens.feature"), """
                @doc:tokens
                Feature: A createaccount token
                  The token <b>is</b> fetched first.

                  @id:token-issued @read-only
                  Scenario: The wiki issues a token
                    When an anonymous client asks for a createaccount token
                    Then the error code "notoken" is <not> returned
                """);
        Files.writeString(repo.resolve("README.md"), """
                # mwconform

                <!-- SAMPLE OUTPUT: a comment for the lead -->
                Read [running](docs/running.md#options), or the [environments](environments/README.md).
                """);
        Files.createDirectories(repo.resolve("docs/design"));
        Files.writeString(repo.resolve("docs/running.md"), """
                # Running mwconform

                ## Options

                | option | what |
                | --- | --- |
                | `--env FILE` | picks <script>alert(1)</script> files |

                Back to the [README](../README.md), on to [templates](design/templates.md#why-jte), the
                [features](../features/) and [MediaWiki](https://www.mediawiki.org/wiki/API:Account_creation).
                [bad](javascript:alert(2))
                """);
        Files.writeString(repo.resolve("docs/design/templates.md"), """
                # Templates

                ## Why jte

                See [running](../running.md).
                """);
        Files.createDirectories(repo.resolve("environments"));
        Files.writeString(repo.resolve("environments/README.md"), "# Environment files\n");
        return repo;
    }

    @Test
    void theGuideIsRenderedBesideTheFeatureBookWithItsLinksKeptWorking() throws Exception {
        Path repo = checkout();
        Path out = repo.resolve("reports/docs");
        Path index = DocsSite.of(repo.resolve("features"), null, null, repo).write(out);

        String home = Files.readString(index);
        assertThat(home).contains("<h2>Guide</h2>", "<a class=\"guide-page\" href=\"guide/README.html\">mwconform</a>",
                "<a class=\"guide-page\" href=\"guide/docs/running.html\">Running mwconform</a>",
                "<a class=\"guide-page\" href=\"guide/docs/design/templates.html\">Templates</a>");

        String running = Files.readString(out.resolve("guide/docs/running.html"));
        // GitHub's heading ids, GitHub's tables
        assertThat(running).contains("<h2 id=\"options\">Options</h2>", "<table>", "<td><code>--env FILE</code></td>");
        // a page of the guide: its .html, anchor kept; the rest of the checkout: the file where it is
        assertThat(running).contains("href=\"../README.html\"", "href=\"design/templates.html#why-jte\"",
                "href=\"../../../../features/\"", "href=\"https://www.mediawiki.org/wiki/API:Account_creation\"");
        assertThat(out.resolve("guide/docs").resolve("../../../../features/").normalize()).isEqualTo(repo.resolve("features"));
        // raw HTML is left out (its tags; the text between them stays text) and a javascript: link loses its target
        assertThat(running).contains("<td>picks alert(1) files</td>").doesNotContain("<script", "javascript:");
        assertThat(running).contains("href=\"../../index.html\"");       // the header leads home from two folders down

        String readme = Files.readString(out.resolve("guide/README.html"));
        assertThat(readme).contains("href=\"docs/running.html#options\"", "href=\"../../../environments/README.md\"")
                .doesNotContain("SAMPLE OUTPUT");
        assertThat(out.resolve("guide").resolve("../../../environments/README.md").normalize()).exists();

        String templates = Files.readString(out.resolve("guide/docs/design/templates.html"));
        assertThat(templates).contains("href=\"../running.html\"", "href=\"../../../index.html\"");
    }

    @Test
    void withoutADocsFolderThereIsNoGuide() throws Exception {
        Path repo = checkout();
        Path index = DocsSite.of(repo.resolve("features"), null, null).write(dir.resolve("site"));
        assertThat(Files.readString(index)).doesNotContain("Guide");
        assertThat(dir.resolve("site/guide")).doesNotExist();

        // a folder with a README.md but no docs/ (the jar run from someone's project): no guide either
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("README.md"), "# Someone else's project\n");
        index = DocsSite.of(repo.resolve("features"), null, null, elsewhere).write(dir.resolve("site2"));
        assertThat(Files.readString(index)).doesNotContain("Guide", "Someone else");
    }

    @Test
    void everythingFromTheFeaturesAndTheRunIsEscapedByTheTemplates() throws Exception {
        Path repo = checkout();
        ScenarioResult r = new ScenarioResult("token-issued", "A createaccount token", "The wiki issues a token", List.of("@id:token-issued"),
                Outcome.KNOWN_DEVIATION, "The wiki says <b onmouseover=\"x()\">no</b> & more", null, null);
        RunReport run = new RunReport(new RunReport.Run("20261129T100000abc", "2026-11-29T10:00:00Z", "2026-11-29T10:01:00Z",
                60, "@read-only and not <i>", "mwconform test"), List.of(new DeploymentResult("local-<a>", "http://127.0.0.1:8391/api.php",
                "a wiki", "1.39.17", List.of(), true, DeploymentResult.count(List.of(r)), List.of(r), null, null)));
        Path runFolder = Files.createDirectories(dir.resolve("runs/20261129T100000abc"));
        JSON.writeValue(runFolder.resolve("results.json").toFile(), run);
        Path out = dir.resolve("site");
        DocsSite.of(repo.resolve("features"), runFolder, null).write(out);

        String flow = Files.readString(out.resolve("flow-tokens.html"));
        assertThat(flow).contains("<blockquote class=\"sentence\">The token &lt;b&gt;is&lt;/b&gt; fetched first.</blockquote>",
                "Then the error code \"notoken\" is &lt;not&gt; returned\n</pre>",
                "<tr data-deployment=\"local-&lt;a>\" data-outcome=\"known-deviation\"><td>local-&lt;a&gt; <span class=\"mw\">MediaWiki 1.39.17</span></td>",
                "<td class=\"outcome known-deviation\">\u2248 known-deviation</td><td>The wiki says &lt;b onmouseover=\"x()\"&gt;no&lt;/b&gt; &amp; more</td>");
        assertThat(count(flow, "<b>") + count(flow, "<b ")).isZero();
        String home = Files.readString(out.resolve("index.html"));
        assertThat(home).contains("filtered by --tags @read-only and not &lt;i&gt;", "<span class=\"badge known-deviation\">1 known-deviation</span>",
                "<a class=\"code\" href=\"code-notoken.html\"><code>notoken</code></a> <span class=\"count\">1 scenario</span>");
        String version = Files.readString(out.resolve("mediawiki-1.39.17.html"));
        assertThat(version).contains("<li><a href=\"flow-tokens.html#token-issued\">token-issued</a>: The wiki says &lt;b");
    }

    /** The project's own README.md and docs/: every relative link leads to a file, and every anchor to a heading. */
    @Test
    void theProjectsOwnGuideHasNoBrokenLink() throws Exception {
        Path home = Path.of("").toAbsolutePath();
        Path out = dir.resolve("site");
        DocsSite.of(home.resolve("features"), null, null, home).write(out);
        Pattern href = Pattern.compile("<a [^>]*href=\"([^\"]+)\"");
        int checked = 0;
        try (var pages = Files.walk(out.resolve("guide"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = href.matcher(Files.readString(page));
                while (m.find()) {
                    String link = m.group(1).replace("&amp;", "&");
                    if (link.matches("^[a-z]+:.*") || link.startsWith("#")) {
                        continue;
                    }
                    String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                    Path target = page.getParent().resolve(path).normalize();
                    assertThat(target).as("%s links to %s", out.relativize(page), link).exists();
                    if (link.contains("#") && path.endsWith(".html")) {
                        assertThat(Files.readString(target)).as("%s links to %s", out.relativize(page), link)
                                .contains("id=\"" + link.substring(link.indexOf('#') + 1) + "\"");
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        // the README stays a two-minute read, with the lead's marked sample
        List<String> readme = Files.readAllLines(home.resolve("README.md"));
        assertThat(readme).hasSizeLessThanOrEqualTo(150);
        assertThat(String.join("\n", readme)).contains("./mwconform run", "./mvnw -B -ntp verify", "<!-- SAMPLE OUTPUT", "<!-- END SAMPLE OUTPUT -->");
    }

    private static int count(String haystack, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
