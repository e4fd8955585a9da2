package org.mwconform.report.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.expectations.Outcome.FAILED;
import static org.mwconform.expectations.Outcome.KNOWN_DEVIATION;
import static org.mwconform.expectations.Outcome.PASSED;
import static org.mwconform.report.matrix.Runs.deployment;
import static org.mwconform.report.matrix.Runs.result;
import static org.mwconform.report.matrix.Runs.run;
import static org.mwconform.report.matrix.Runs.unreachable;

class MatrixPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "</script><script>alert(1)</script><!-- <b onmouseover='x()'>\"quoted\" & \u2028";

    @TempDir
    Path runFolder;

    @Test
    void aRegressionOfApplicabilityAndTheReadOnlyPostsShowInTheSummary() {
        RunReport report = run("20261122T101500abc", deployment("local-readonly", Runs.result("badretype", org.mwconform.expectations.Outcome.NOT_APPLICABLE))
                .withRegressions(List.of("1 scenario(s) judged in the previous comparable run (r1) are not applicable now: badretype <b>"))
                .withPosts(java.util.Map.of("createaccount", 3)));
        String html = new MatrixPage(report, runFolder, null).render();
        assertThat(html).contains("regression: 1 scenario(s) judged in the previous comparable run (r1) are not applicable now: badretype &lt;b&gt;",
                "read-only: 3 POST requests sent (action=createaccount 3)", "title=\"unexpected results\"");
    }

    @Test
    void noTextFromTheRunCanBreakOutOfThePage() throws Exception {
        ScenarioResult hostile = new ScenarioResult("badretype", "Feature <i>with</i> markup", "Scenario </script>", List.of("@id:badretype"),
                FAILED, HOSTILE, "api.error-code\"><script>", "deployments/local-<x>/evidence/badretype.json");
        Path evidence = runFolder.resolve("deployments/local-<x>/evidence/badretype.json");
        Files.createDirectories(evidence.getParent());
        Files.writeString(evidence, JSON.writeValueAsString(JSON.createObjectNode()
                .put("deployment", "local-<x>").put("body", "</script><script>alert(2)</script>")));
        RunReport report = run("20261122T101500abc", deployment("local-<x>", hostile));
        String html = new MatrixPage(report, runFolder, null).render();

        // exactly the page's own two script elements: the data and the code
        assertThat(count(html, "<script")).isEqualTo(2);
        assertThat(count(html, "</script")).isEqualTo(2);
        assertThat(html).doesNotContain("<script>alert", "<i>with</i>", "<!-- <b", "<b onmouseover");
        // escaped by the template engine for where each value stands: in text '<', '>' and '&' (a quote is harmless
        // there); in a quoted attribute '<', '&' and both quotes (a '>' is harmless there)
        assertThat(html).contains("Feature &lt;i&gt;with&lt;/i&gt; markup", "Scenario &lt;/script&gt;",
                "data-deployment=\"local-&lt;x>\"", "<code class=\"cond\">api.error-code\"&gt;&lt;script&gt;</code>",
                "title=\"&lt;/script>&lt;script>alert(1)&lt;/script>&lt;!-- &lt;b onmouseover=&#39;x()&#39;>&#34;quoted&#34; &amp; ");

        // the embedded JSON still says exactly what the run said
        JsonNode data = JSON.readTree(between(html, "<script type=\"application/json\" id=\"matrix-data\">", "</script>"));
        JsonNode cell = data.path("cells").path("c0");
        assertThat(cell.path("reason").asText()).isEqualTo(HOSTILE);
        assertThat(cell.path("scenario").asText()).isEqualTo("Scenario </script>");
        assertThat(cell.path("evidence").path("body").asText()).isEqualTo("</script><script>alert(2)</script>");
    }

    @Test
    void theContentSecurityPolicyAllowsOnlyThePagesOwnScriptAndStyle() throws Exception {
        String html = new MatrixPage(run("r", deployment("local-a", result("a", PASSED))), runFolder, null).render();
        String csp = between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
        assertThat(csp).startsWith("default-src 'none';").doesNotContain("unsafe");
        String script = between(html, "<script>", "</script>");
        String style = between(html, "<style>", "</style>");
        assertThat(csp).contains("script-src 'sha256-" + MatrixPage.sha256(script) + "'", "style-src 'sha256-" + MatrixPage.sha256(style) + "'");
        // nothing is fetched: no external resource of any kind
        assertThat(html).doesNotContainPattern("(?i)<(link|img|iframe|object|embed)\\b").doesNotContainPattern("(?i)\\ssrc=")
                .doesNotContainPattern("(?i)url\\(").doesNotContain("@import");
    }

    @Test
    void summaryGridAndPreflightErrorColumn() throws Exception {
        DeploymentResult a = deployment("local-a", result("x", PASSED), result("y", KNOWN_DEVIATION));
        DeploymentResult b = unreachable("local-b", "cannot reach it");
        String html = new MatrixPage(run("r", a, b), runFolder, null).render();
        assertThat(html).contains("<strong>local-a</strong>: 1 passed, 1 known deviation, 0 not applicable, 0 failed, 0 stale expectations, 0 errors");
        assertThat(html).contains("<strong>local-b</strong>: 0 passed, 0 known deviations, 0 not applicable, 0 failed, 0 stale expectations, 1 error");
        assertThat(html).contains("data-rows=\"3\" data-deployments=\"2\"");          // x, y and the preflight row
        assertThat(count(html, "<td class=\"cell")).isEqualTo(6);
        assertThat(count(html, "<td class=\"cell o-not-run\"")).isEqualTo(2);        // local-b: x and y
        assertThat(html).contains("No earlier run in this reports folder to compare with.");
    }

    @Test
    void theChangesSinceThePreviousRunUseTheComparison() throws Exception {
        Path runs = runFolder.resolve("runs");
        Path before = Files.createDirectories(runs.resolve("20261121T090000aaa"));
        Path now = Files.createDirectories(runs.resolve("20261122T090000bbb"));
        RunReport old = run("20261121T090000aaa", "2026-11-21T09:00:00Z", deployment("local-a", result("x", PASSED), result("y", PASSED)));
        JSON.writeValue(before.resolve("results.json").toFile(), old);
        RunReport report = run("20261122T090000bbb", "2026-11-22T09:00:00Z", deployment("local-a", result("x", PASSED), result("y", FAILED)));
        RunArtifacts.Written written = RunArtifacts.write(now, report);
        assertThat(written.problems()).isEmpty();
        assertThat(written.previousRun()).isEqualTo("20261121T090000aaa");
        String html = Files.readString(written.page());
        assertThat(html).contains("data-previous-run=\"20261121T090000aaa\"", "1 change: 1 outcome changed", "<span class=\"was\">was: passed</span>",
                "href=\"../20261121T090000aaa/results.json\"");
        assertThat(count(html, "<li class=\"change\"")).isEqualTo(1);
        assertThat(Files.readString(written.junit())).contains("<testsuite name=\"local-a\"");
    }

    private static int count(String haystack, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle), Pattern.CASE_INSENSITIVE).matcher(haystack);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String between(String s, String start, String end) {
        int i = s.indexOf(start);
        assertThat(i).as(start).isNotNegative();
        int j = s.indexOf(end, i + start.length());
        return s.substring(i + start.length(), j);
    }
}
