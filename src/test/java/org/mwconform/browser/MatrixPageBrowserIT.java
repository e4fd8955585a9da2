package org.mwconform.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.client.Exchange;
import org.mwconform.conditions.CheckedCondition;
import org.mwconform.expectations.Outcome;
import org.mwconform.history.HistoryStore;
import org.mwconform.history.RunRecord;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.Evidence;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.matrix.RunArtifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matrix page as a person sees it: written by the real code from a run with two deployments (one
 * whose preflight failed) and every outcome, next to a previous run with one different cell; then
 * rendered in a real headless Chromium (Selenium 4 and Debian's chromium-driver), read from the DOM, clicked with the mouse, photographed
 * (target/matrix-page.png, target/matrix-page-evidence.png).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatrixPageBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String RUN = "20261122T101500abc";
    private static final String PREVIOUS_RUN = "20261121T090000xyz";
    private static final String API = "http://127.0.0.1:8391/api.php";
    /** A reason that would break out of the page if anything were not escaped. */
    private static final String HOSTILE = "</script><script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> & <!-- \u2028";

    @TempDir
    static Path reports;
    private Path target;
    private Chromium chromium;
    private RunArtifacts.Written written;
    private long startedNanos;

    @BeforeAll
    void writeThePageAndOpenIt() throws Exception {
        startedNanos = System.nanoTime();
        target = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().resolve("target");
        Path runDir = reports.resolve("runs").resolve(RUN);
        Files.createDirectories(runDir);
        writeEvidence(runDir);
        Path previousDir = reports.resolve("runs").resolve(PREVIOUS_RUN);
        Files.createDirectories(previousDir);
        JSON.writeValue(previousDir.resolve("results.json").toFile(), run(PREVIOUS_RUN, "2026-11-21T09:00:00Z", Outcome.PASSED));

        recordHistory();
        RunReport report = run(RUN, "2026-11-22T10:15:00.123Z", Outcome.FAILED);
        JSON.writeValue(runDir.resolve("results.json").toFile(), report);
        written = RunArtifacts.write(runDir, report);
        assertThat(written.problems()).isEmpty();
        assertThat(written.previousRun()).isEqualTo(PREVIOUS_RUN);

        long beforeBrowser = System.nanoTime();
        chromium = Chromium.start(1400, 900);
        chromium.navigate(written.page().toUri());
        // The browser's log is really read: a probe error is seen (then forgotten), so "no page problems" means something.
        chromium.evaluate("console.error('mwconform-probe')");
        assertThat(chromium.takePageProblems()).anyMatch(p -> p.contains("mwconform-probe"));
        System.out.printf("MatrixPageBrowserIT: page written in %d ms, chromium up and page loaded in %d ms%n",
                (beforeBrowser - startedNanos) / 1_000_000, (System.nanoTime() - beforeBrowser) / 1_000_000);
    }

    @AfterAll
    void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        System.out.printf("MatrixPageBrowserIT: %d ms in all%n", (System.nanoTime() - startedNanos) / 1_000_000);
    }

    @Test
    void theHeaderNamesTheRun() {
        assertThat(chromium.text("document.title")).contains(RUN);
        String meta = chromium.text("document.querySelector('.run-meta').innerText");
        assertThat(meta).contains(RUN).contains("2026-11-22 10:15:00 UTC").contains("12.3 s");
    }

    @Test
    void oneSummaryLinePerDeploymentCountsEveryOutcome() {
        JsonNode lines = chromium.evaluate("[...document.querySelectorAll('.deployment-summary')]"
                + ".map(e => ({name: e.dataset.deployment, text: e.innerText, failed: e.dataset.failed}))");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("text").asText()).contains(
                "local-vanilla: 2 passed, 1 known deviation, 1 not applicable, 1 failed, 1 stale expectation, 1 error");
        assertThat(lines.get(0).path("failed").asText()).isEqualTo("1");
        assertThat(lines.get(1).path("text").asText())
                .contains("local-broken: 0 passed, 0 known deviations, 0 not applicable, 0 failed, 0 stale expectations, 1 error")
                .contains("preflight error").contains("Connection refused");
    }

    @Test
    void theGridShowsEveryCellWithSymbolAndText() {
        // 7 scenarios + the preflight row, 2 deployments
        assertThat(chromium.evaluate("document.querySelectorAll('table.matrix tr.scenario-row').length").asInt()).isEqualTo(8);
        assertThat(chromium.evaluate("document.querySelectorAll('table.matrix td.cell').length").asInt()).isEqualTo(16);
        assertThat(chromium.evaluate("[...document.querySelectorAll('tr.feature-row')].map(r => r.innerText.trim())").toString())
                .contains("A createaccount token", "Account creation that fails", "Creating an account", "(expectations file)");

        Map<String, String> vanilla = cells("local-vanilla");
        assertThat(vanilla.get("token-issued")).startsWith("\u2713").contains("passed");
        assertThat(vanilla.get("userexists")).startsWith("\u2713").contains("passed");
        assertThat(vanilla.get("badretype")).startsWith("\u2717").contains("failed").contains("was: passed");
        assertThat(vanilla.get("notoken")).startsWith("\u2248").contains("known-deviation").contains("api.error-code");
        assertThat(vanilla.get("create-account-pass")).startsWith("\u2013").contains("not-applicable");
        assertThat(vanilla.get("gone-scenario")).startsWith("!").contains("stale-expectation");
        assertThat(vanilla.get("get-request")).startsWith("\u26a0").contains("error");
        assertThat(vanilla.get("preflight")).contains("answered (MediaWiki 1.39.17)");

        Map<String, String> broken = cells("local-broken");
        assertThat(broken.get("preflight")).startsWith("\u26a0").contains("error").contains("Connection refused");
        assertThat(broken).hasSize(8);
        assertThat(broken.entrySet().stream().filter(e -> !e.getKey().equals("preflight")).map(Map.Entry::getValue))
                .hasSize(7).allMatch(t -> t.equals("\u25cb not run"));
    }

    @Test
    void outcomesDifferInColourTooAndTheHeaderSticks() {
        JsonNode colours = chromium.evaluate("Object.fromEntries([...document.querySelectorAll("
                + "'td.cell[data-deployment=\"local-vanilla\"], td.cell[data-deployment=\"local-broken\"][data-outcome=\"not-run\"]')]"
                + ".map(c => [c.dataset.outcome, getComputedStyle(c).backgroundColor + ' ' + getComputedStyle(c).backgroundImage]))");
        List<String> distinct = new ArrayList<>();
        for (String o : List.of("passed", "failed", "known-deviation", "not-applicable", "stale-expectation", "error", "not-run")) {
            assertThat(colours.has(o)).as(o).isTrue();
            distinct.add(colours.path(o).asText());
        }
        assertThat(distinct).doesNotHaveDuplicates();
        assertThat(chromium.text("getComputedStyle(document.querySelector('table.matrix thead th')).position")).isEqualTo("sticky");
        assertThat(chromium.evaluate("[...document.querySelectorAll('.legend li')].map(l => l.innerText)").toString())
                .contains("passed", "known-deviation", "not-applicable", "failed", "stale-expectation", "error", "not run");
    }

    @Test
    void theColumnHeadsDescribeTheDeployments() {
        String head = chromium.text("document.querySelector('th.dep-head[data-deployment=\"local-vanilla\"]').innerText");
        assertThat(head).contains("local-vanilla", "MediaWiki 1.39.17", "4 extensions: ConfirmEdit, Vector, MonoBook, Timeless", API, "Allure report");
        assertThat(chromium.text("document.querySelector('th.dep-head a.allure-link').getAttribute('href')"))
                .isEqualTo("deployments/local-vanilla/allure/index.html");
        assertThat(chromium.text("document.querySelector('th.dep-head[data-deployment=\"local-broken\"]').innerText"))
                .contains("preflight error");
    }

    @Test
    void theChangesSincePreviousRunAreListed() {
        assertThat(chromium.text("document.querySelector('#changes').dataset.previousRun")).isEqualTo(PREVIOUS_RUN);
        JsonNode changes = chromium.evaluate("[...document.querySelectorAll('#changes li.change')].map(l => l.innerText)");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).asText()).contains("local-vanilla", "The retyped password differs", "badretype", "passed", "failed");
        assertThat(chromium.text("document.querySelector('#changes .change-count').innerText"))
                .isEqualTo("1 change: 1 outcome changed");
    }

    @Test
    void theRowFilterHidesWhatNeedsNoAttention() {
        assertThat(visibleRows("changed")).containsExactly("badretype");
        assertThat(visibleRows("attention")).containsExactly("preflight", "badretype", "notoken", "get-request",
                "create-account-pass", "gone-scenario");
        assertThat(chromium.evaluate("document.querySelector('tr.feature-row[data-feature=\"A createaccount token\"]').hidden").asBoolean()).isTrue();
        assertThat(visibleRows("all")).hasSize(8);
    }

    private List<String> visibleRows(String mode) {
        JsonNode keys = chromium.evaluate("(() => { const s = document.getElementById('row-filter'); s.value = '" + mode + "';"
                + " s.dispatchEvent(new Event('change'));"
                + " return [...document.querySelectorAll('tr.scenario-row')].filter(r => r.offsetParent !== null).map(r => r.dataset.key); })()");
        List<String> list = new ArrayList<>();
        keys.forEach(k -> list.add(k.asText()));
        return list;
    }

    @Test
    void nothingEscapesTheRunsTextNorLoadsFromTheNetwork() {
        assertThat(chromium.evaluate("typeof window.pwned").asText()).isEqualTo("undefined");
        assertThat(chromium.evaluate("document.images.length").asInt()).isZero();
        assertThat(chromium.evaluate("document.scripts.length").asInt()).isEqualTo(2);
        assertThat(chromium.evaluate("performance.getEntriesByType('resource').length").asInt()).isZero();
        assertThat(chromium.text("document.querySelector('td.cell[data-key=\"badretype\"]').title")).startsWith(HOSTILE.substring(0, 40));
        assertThat(chromium.pageProblems()).isEmpty();
    }

    @Test
    void clickingACellOpensItsEvidence() throws Exception {
        Path shot = target.resolve("matrix-page.png");
        chromium.screenshot(shot, true, 4000);
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        assertThat(chromium.evaluate("document.getElementById('evidence').open").asBoolean()).isFalse();
        chromium.click("td.cell[data-deployment=\"local-vanilla\"][data-key=\"badretype\"] button");
        chromium.waitFor("document.getElementById('evidence').open", Duration.ofSeconds(5));
        String panel = chromium.text("document.getElementById('evidence').innerText");
        assertThat(panel)
                .contains("The retyped password differs", "failed", "on local-vanilla", "@id:badretype")
                .contains("was passed")                                 // the previous run
                .contains("api.error-code")                             // the failing condition
                .contains(HOSTILE.substring(0, HOSTILE.indexOf('&')))   // the reason, as text
                .contains("environment file: writable: true")           // applicability
                .contains("createaccount.status", "\u2713 held", "\u2717 did not hold", "expected: \"badretype\"")
                .contains("POST", API, "HTTP 200", "application/json")  // the request line
                .contains("action", "createaccount", "createreturnurl", "\u2022\u2022\u2022\u2022\u2022\u2022")
                .contains("\"messagecode\": \"passwordtooshort\"");      // the body, pretty-printed
        assertThat(chromium.evaluate("typeof window.pwned").asText()).isEqualTo("undefined");
        assertThat(chromium.text("location.hash")).isEqualTo("#evidence=local-vanilla/badretype");
        chromium.screenshot(target.resolve("matrix-page-evidence.png"), false, 0);

        chromium.pressEscape();
        chromium.waitFor("!document.getElementById('evidence').open", Duration.ofSeconds(5));

        chromium.click("td.cell[data-deployment=\"local-broken\"][data-key=\"preflight\"] button");
        chromium.waitFor("document.getElementById('evidence').open", Duration.ofSeconds(5));
        assertThat(chromium.text("document.getElementById('evidence').innerText"))
                .contains("The target answers the Action API", "Connection refused", "This result has no evidence file.");
        chromium.click("#ev-close");
        chromium.waitFor("!document.getElementById('evidence').open", Duration.ofSeconds(5));
        assertThat(chromium.pageProblems()).isEmpty();
    }

    /**
     * The history the reports folder holds before this run: three earlier runs (badretype passed, failed, passed; the
     * first on MediaWiki 1.39.16) and the previous run (passed); this run fails it again, so its strip alternates.
     */
    private static void recordHistory() {
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(reports), true)) {
            Outcome[] badretype = {Outcome.PASSED, Outcome.FAILED, Outcome.PASSED};
            for (int i = 0; i < 3; i++) {
                int day = 18 + i;
                RunReport older = run("202611" + day + "T090000ol" + i, "2026-11-" + day + "T09:00:00Z", badretype[i]);
                if (i == 0) {
                    DeploymentResult v = older.deployments().get(0);
                    older = new RunReport(older.run(), List.of(new DeploymentResult(v.name(), v.target(), v.description(), "1.39.16",
                            v.extensions(), v.writable(), v.counts(), v.results(), v.allureReport(), v.flags()), older.deployments().get(1)));
                }
                store.record(RunRecord.of(older, null, "run"));
            }
            store.record(RunRecord.of(run(PREVIOUS_RUN, "2026-11-21T09:00:00Z", Outcome.PASSED), null, "run"));
        }
    }

    @Test
    void eachCellHasAStripOfItsLastRunsAndEachDeploymentItsFactsTimeline() {
        String strip = "td.cell[data-deployment=\"local-vanilla\"][data-key=\"badretype\"] a.hstrip";
        assertThat(chromium.text("document.querySelector('" + strip + "').dataset.outcomes"))
                .isEqualTo("passed failed passed passed failed");
        JsonNode squares = chromium.evaluate("[...document.querySelectorAll('" + strip + " .hs')]"
                + ".map(s => [s.className, getComputedStyle(s).backgroundColor, s.getBoundingClientRect().width, s.getBoundingClientRect().height])");
        assertThat(squares).hasSize(5);
        assertThat(squares.get(0).get(1).asText()).isNotEqualTo(squares.get(1).get(1).asText());   // passed and failed differ
        assertThat(squares.get(0).get(1).asText()).isEqualTo(squares.get(2).get(1).asText());
        squares.forEach(sq -> assertThat(sq.get(2).asDouble()).isGreaterThan(3));                   // really drawn
        squares.forEach(sq -> assertThat(sq.get(3).asDouble()).isGreaterThan(3));
        assertThat(squares.get(4).get(0).asText()).contains("now");
        assertThat(chromium.text("document.querySelector('" + strip + "').getAttribute('aria-label')"))
                .contains("passed, failed, passed, passed, this run: failed").contains("flaky");
        assertThat(chromium.evaluate("document.querySelector('" + strip + "').classList.contains('flaky')").asBoolean()).isTrue();
        assertThat(chromium.text("document.querySelector('td.cell[data-deployment=\"local-vanilla\"][data-key=\"token-issued\"] a.hstrip').dataset.outcomes"))
                .isEqualTo("passed passed passed passed passed");
        assertThat(chromium.evaluate("document.querySelectorAll('td.cell a.hstrip').length").asInt()).isEqualTo(8);  // every judged cell
        String timeline = chromium.text("document.querySelector('#history .timelines li[data-deployment=\"local-vanilla\"]').innerText");
        assertThat(timeline).contains("first recorded: MediaWiki 1.39.16").contains("MediaWiki 1.39.16 \u2192 1.39.17");
        assertThat(chromium.text("document.querySelector('#history').innerText")).contains("4 run(s) recorded");
        assertThat(chromium.pageProblems()).isEmpty();
    }

    @Test
    void aStripIsThePermalinkToItsCellsHistoryPage() throws IOException {
        try {
            chromium.click("td.cell[data-deployment=\"local-vanilla\"][data-key=\"badretype\"] a.hstrip");
            chromium.waitFor("location.pathname.endsWith('/history.html')", Duration.ofSeconds(5));
            assertThat(chromium.text("location.hash")).isEqualTo("#h-local-vanilla--badretype");
            chromium.screenshot(target.resolve("matrix-cell-history.png"), false, 0);
            JsonNode visible = chromium.evaluate("[...document.querySelectorAll('section.cell-history')]"
                    + ".filter(s => s.offsetParent !== null).map(s => s.dataset.deployment + '/' + s.dataset.key)");
            assertThat(visible).hasSize(1);
            assertThat(visible.get(0).asText()).isEqualTo("local-vanilla/badretype");
            JsonNode rows = chromium.evaluate("[...document.querySelectorAll('#h-local-vanilla--badretype tbody tr')]"
                    + ".map(r => r.dataset.outcome + ' ' + r.cells[0].innerText)");
            assertThat(rows).hasSize(4);   // this run, then the earlier runs newest first, equal neighbours as one line
            assertThat(rows.get(0).asText()).isEqualTo("failed this run");
            assertThat(rows.get(1).asText()).isEqualTo("passed 20261120T090000ol2 \u2026 " + PREVIOUS_RUN + " (2 runs)");
            assertThat(rows.get(2).asText()).isEqualTo("failed 20261119T090000ol1");
            assertThat(rows.get(3).asText()).isEqualTo("passed 20261118T090000ol0");
            assertThat(chromium.text("document.querySelector('#h-local-vanilla--badretype h2').innerText")).contains("flaky");
            assertThat(chromium.text("document.querySelector('#h-local-vanilla--badretype').innerText")).contains("api.error-code");
            assertThat(chromium.evaluate("typeof window.pwned").asText()).isEqualTo("undefined");   // the hostile reason stays text
            assertThat(chromium.evaluate("performance.getEntriesByType('resource').length").asInt()).isZero();
            assertThat(chromium.pageProblems()).isEmpty();
        } finally {
            chromium.navigate(written.page().toUri());
        }
    }

    /** deployment's cells: scenario key -> the text a person reads in the cell. */
    private Map<String, String> cells(String deployment) {
        JsonNode cells = chromium.evaluate("[...document.querySelectorAll('td.cell[data-deployment=\"" + deployment + "\"]')]"
                + ".map(c => [c.dataset.key, c.innerText.replace(/\\s+/g, ' ').trim()])");
        Map<String, String> byKey = new LinkedHashMap<>();
        cells.forEach(pair -> byKey.put(pair.get(0).asText(), pair.get(1).asText()));
        return byKey;
    }

    // --- the run -------------------------------------------------------------------------------------

    private static RunReport run(String id, String startedAt, Outcome badretype) {
        String evidence = "deployments/local-vanilla/evidence/";
        List<ScenarioResult> vanilla = List.of(
                result("token-issued", "A createaccount token", "The wiki issues a createaccount token to an anonymous client",
                        Outcome.PASSED, null, null, evidence + "token-issued.json"),
                result("badretype", "Account creation that fails", "The retyped password differs", badretype,
                        badretype == Outcome.PASSED ? null : HOSTILE, badretype == Outcome.PASSED ? null : "api.error-code",
                        evidence + "badretype.json"),
                result("userexists", "Account creation that fails", "The username is already in use", Outcome.PASSED, null, null, null),
                result("notoken", "Requests the API rejects before account creation starts", "A request without a token is rejected",
                        Outcome.KNOWN_DEVIATION, "A missing createtoken is reported as missingparam", "api.error-code", null),
                result("create-account-pass", "Creating an account", "An account is created from the fields that authmanagerinfo announces",
                        Outcome.NOT_APPLICABLE, "environment file: writable: false; accounts can never be deleted", null, null),
                result("get-request", "Requests the API rejects before account creation starts", "A GET request is rejected",
                        Outcome.ERROR, "undefined step: the wiki answered HTML", null, null),
                result("gone-scenario", "(expectations file)", "gone-scenario", Outcome.STALE_EXPECTATION,
                        "no scenario has the id 'gone-scenario'", "api.error-code", null));
        List<ScenarioResult> broken = List.of(result("preflight", "Preflight", "The target answers the Action API", Outcome.ERROR,
                "cannot reach http://127.0.0.1:9/api.php: ConnectException (Connection refused)", null, null));
        return new RunReport(new RunReport.Run(id, startedAt, startedAt, 12.3, null, "mwconform test"), List.of(
                new DeploymentResult("local-vanilla", API, "MediaWiki 1.39, stock", "1.39.17",
                        List.of("ConfirmEdit", "Vector", "MonoBook", "Timeless"), true, DeploymentResult.count(vanilla), vanilla,
                        "deployments/local-vanilla/allure/index.html", null),
                new DeploymentResult("local-broken", "http://127.0.0.1:9/api.php", "nothing listens here", null, null, false,
                        DeploymentResult.count(broken), broken, null, null)));
    }

    private static ScenarioResult result(String id, String feature, String scenario, Outcome outcome, String reason,
                                         String condition, String evidence) {
        return new ScenarioResult(id, feature, scenario, List.of("@id:" + id), outcome, reason, condition, evidence);
    }

    private static void writeEvidence(Path runDir) throws IOException {
        Path dir = Files.createDirectories(runDir.resolve("deployments/local-vanilla/evidence"));
        Map<String, String> tokenQuery = new LinkedHashMap<>();
        tokenQuery.put("action", "query");
        tokenQuery.put("meta", "tokens");
        tokenQuery.put("type", "createaccount");
        tokenQuery.put("format", "json");
        Exchange token = new Exchange("fetch a createaccount token", "GET", API, tokenQuery, 200,
                "application/json; charset=utf-8", "{\"batchcomplete\":\"\",\"query\":{\"tokens\":{\"createaccounttoken\":\"\u2022\u2022\u2022\u2022\u2022\u2022\"}}}", 7);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", "createaccount");
        form.put("username", "Mwconform-" + RUN + "-k2mx9p");
        form.put("password", "\u2022\u2022\u2022\u2022\u2022\u2022");
        form.put("retype", "\u2022\u2022\u2022\u2022\u2022\u2022");
        form.put("createtoken", "\u2022\u2022\u2022\u2022\u2022\u2022");
        form.put("createreturnurl", "http://127.0.0.1:8391/");
        form.put("format", "json");
        Exchange create = new Exchange("create an account", "POST", API, form, 200, "application/json; charset=utf-8",
                "{\"createaccount\":{\"status\":\"FAIL\",\"message\":\"" + HOSTILE.replace("\"", "\\\"")
                        + "\",\"messagecode\":\"passwordtooshort\"}}", 58);
        JSON.writeValue(dir.resolve("badretype.json").toFile(), new Evidence("local-vanilla",
                List.of("environment file: writable: true", "authmanagerinfo announces cancreateaccounts"),
                List.of(new CheckedCondition("tokens.createaccount-issued", "meta=tokens issues a createaccount token", true, null, null),
                        new CheckedCondition("createaccount.status", "createaccount answers with the documented status", true, null, null),
                        new CheckedCondition("api.error-code", "the request is rejected with the documented error code", false,
                                "[messagecode] expected: \"badretype\" but was: \"passwordtooshort\"", null)),
                List.of(token, create)));
        JSON.writeValue(dir.resolve("token-issued.json").toFile(), new Evidence("local-vanilla", List.of("@read-only"),
                List.of(new CheckedCondition("tokens.createaccount-issued", "meta=tokens issues a createaccount token", true, null, null)),
                List.of(token)));
    }
}
