package org.mwconform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mwconform.cli.Main;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.report.RunReport;
import org.mwconform.report.matrix.ReportFiles;
import org.mwconform.report.matrix.VersionComparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporary accounts on real wikis (issue 18): production's configuration (local-temp-1.43), another configuration
 * (local-temp-alt-1.43: other patterns, no year, another throttle), the same wiki behind a read-only file
 * (local-temp-readonly-1.43) and MediaWiki 1.39 (local-vanilla), in one ./mwconform run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemporaryAccountsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath();
    private static final List<String> TEMP_SCENARIOS = List.of("temp-siteinfo", "temp-reserved-cancreate", "temp-reserved-createaccount",
            "temp-user-by-edit", "temp-user-authmanagerinfo", "temp-user-creates-account", "temp-account-throttle");
    private static final Path READ_ONLY = HOME.resolve("src/test/resources/environments/local-temp-readonly-1.43.yml");

    private int exitCode;
    private String console;
    private Path reports;
    private final Map<String, JsonNode> deployments = new LinkedHashMap<>();
    private long readOnlyUsersBefore;

    @BeforeAll
    void runOnce() throws Exception {
        reports = Files.createTempDirectory(HOME.resolve("target"), "it-temp-");
        // Started first, so its user count is read before the run: the run must not change it.
        up(READ_ONLY);
        readOnlyUsersBefore = users(new DeploymentLoader().load(READ_ONLY));
        List<String> args = new ArrayList<>(List.of("run", "--reports", reports.toString()));
        for (Path env : List.of(HOME.resolve("environments/local-temp-1.43.yml"), HOME.resolve("environments/local-vanilla.yml"),
                HOME.resolve("src/test/resources/environments/local-temp-alt-1.43.yml"), READ_ONLY)) {
            args.addAll(List.of("--env", env.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exitCode = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        console = out.toString(StandardCharsets.UTF_8);
        System.out.print(console);
        for (JsonNode d : JSON.readTree(reports.resolve("latest/results.json").toFile()).path("deployments")) {
            deployments.put(d.path("name").asText(), d);
        }
    }

    @Test
    void everyDeploymentEndsWithoutAFailureOrAnError() {
        assertThat(exitCode).as(console).isEqualTo(Main.OK);
        deployments.forEach((name, d) -> {
            assertThat(d.path("counts").path("failed").asInt()).as("failed on %s", name).isZero();
            assertThat(d.path("counts").path("error").asInt()).as("errors on %s", name).isZero();
        });
    }

    @Test
    void productionsConfigurationPassesEveryTemporaryAccountScenario() {
        TEMP_SCENARIOS.forEach(id -> assertThat(result(deployments.get("local-temp-1.43"), id).path("outcome").asText())
                .as("local-temp-1.43 %s", id).isEqualTo("passed"));
    }

    @Test
    void anotherConfigurationIsJudgedAgainstItsOwnPatterns() {
        JsonNode alt = deployments.get("local-temp-alt-1.43");
        TEMP_SCENARIOS.forEach(id -> assertThat(result(alt, id).path("outcome").asText()).as("local-temp-alt-1.43 %s", id).isEqualTo("passed"));
    }

    @Test
    void onMediaWiki139TheyAreNotApplicableWithSiteinfosAnswer() {
        TEMP_SCENARIOS.forEach(id -> {
            JsonNode r = result(deployments.get("local-vanilla"), id);
            assertThat(r.path("outcome").asText()).as("local-vanilla %s", id).isEqualTo("not-applicable");
            assertThat(r.path("reason").asText()).as("local-vanilla %s", id).contains("autocreatetempuser").contains("Unrecognized value");
        });
    }

    @Test
    void aReadOnlyRunJudgesTheReservedPatternAndCreatesNoAccount() throws Exception {
        JsonNode ro = deployments.get("local-temp-readonly-1.43");
        assertThat(result(ro, "temp-reserved-cancreate").path("outcome").asText()).isEqualTo("passed");
        assertThat(result(ro, "temp-siteinfo").path("outcome").asText()).isEqualTo("passed");
        for (String id : List.of("temp-reserved-createaccount", "temp-user-by-edit", "temp-user-authmanagerinfo", "temp-user-creates-account",
                "temp-account-throttle")) {
            assertThat(result(ro, id).path("outcome").asText()).as(id).isEqualTo("not-applicable");
        }
        assertThat(users(new DeploymentLoader().load(READ_ONLY))).as("accounts on the read-only wiki, before and after the run")
                .isEqualTo(readOnlyUsersBefore);
    }

    @Test
    void diffVersionsShowsTheOutcomesThatDifferWithEvidenceFromBothSides() {
        RunReport report = ReportFiles.load(reports.resolve("latest")).report();
        VersionComparison.Pair pair = VersionComparison.of(report).stream()
                .filter(p -> p.base().name().equals("local-vanilla") && p.other().name().equals("local-temp-1.43")).findFirst().orElseThrow();
        List<VersionComparison.Cell> outcomes = pair.differences().stream()
                .filter(c -> c.base() != null && c.other() != null && c.base().outcome() != c.other().outcome()).toList();
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(3);
        outcomes.forEach(c -> {
            assertThat(VersionComparison.evidence(c.base())).as(c.key()).contains("autocreatetempuser");
            assertThat(VersionComparison.evidence(c.other())).as(c.key()).contains("evidence deployments/local-temp-1.43/");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(List.of("diff", "--versions", reports.resolve("latest").toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(Main.OK);
        assertThat(printed).contains("local-vanilla (MediaWiki 1.39").contains("vs local-temp-1.43 (MediaWiki 1.43")
                .contains("temp-user-by-edit  not-applicable -> passed");
    }

    @Test
    void everyColumnNamesItsCaptcha() {
        deployments.forEach((name, d) -> assertThat(d.path("captcha").asText()).as(name).isEqualTo("none"));
    }

    private static JsonNode result(JsonNode deployment, String id) {
        for (JsonNode r : deployment.path("results")) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no result " + id + " on " + deployment.path("name").asText());
    }

    /** The wiki's count of accounts (siteinfo statistics), read directly: the harness's client is what is under test. */
    private static long users(Deployment deployment) throws IOException, InterruptedException {
        URI uri = URI.create(deployment.api() + "?action=query&meta=siteinfo&siprop=statistics&format=json&formatversion=2");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body()).path("query").path("statistics").path("users").asLong();
    }

    private static void up(Path environment) throws IOException, InterruptedException {
        Process mw = new ProcessBuilder(HOME.resolve("environments/local/mw").toString(), "up", environment.toString())
                .redirectErrorStream(true).start();
        String out = new String(mw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(mw.waitFor()).as(out).isZero();
    }
}
