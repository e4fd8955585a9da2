package org.mwconform.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwconform.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each case of "hostile targets, interrupts and bad input" against a {@link HostileWiki}: nothing hangs,
 * leaks or lies. Every run's reports stay under target/hostile-it/; the wall time of each case is printed
 * and collected in target/hostile-it/times.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTargetsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
    private static final Path WORK = HOME.resolve("target/hostile-it");
    private static final String ONE_TAG = "@id:authmanagerinfo-describes-fields";
    private final Map<String, Double> times = new LinkedHashMap<>();

    record Run(int exit, String console, Path reports, double seconds) {
        JsonNode deployment() throws IOException {
            return JSON.readTree(reports.resolve("latest/results.json").toFile()).path("deployments").path(0);
        }

        List<String> errorLines() {
            return console.lines().filter(l -> l.startsWith("  error")).toList();
        }
    }

    /** A case's own folder, emptied: runs of earlier test executions must not be scanned or counted. */
    private static Path fresh(String name) throws IOException {
        Path dir = WORK.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private Run run(String name, HostileWiki wiki, String extraYaml, String... options) throws IOException {
        return run(name, wiki.api(), extraYaml, options);
    }

    private Run run(String name, java.net.URI api, String extraYaml, String... options) throws IOException {
        Path dir = fresh(name);
        Path env = Files.writeString(dir.resolve(name + ".yml"), "name: " + name + "\napi: " + api + "\n" + extraYaml);
        List<String> args = new ArrayList<>(List.of("run", "--env", env.toString(), "--reports", dir.resolve("reports").toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - start) / 1e9;
        String console = out.toString(StandardCharsets.UTF_8);
        System.out.printf("--- %s: %.1f s, exit %d%n%s", name, seconds, exit, console);
        times.put(name, seconds);
        return new Run(exit, console, dir.resolve("reports"), seconds);
    }

    @AfterAll
    void writeTimes() throws IOException {
        StringBuilder md = new StringBuilder("| case | wall time (s) |\n| --- | --- |\n");
        times.forEach((k, v) -> md.append(String.format("| %s | %.1f |%n", k, v)));
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("times.md"), md.toString());
        System.out.print(md);
    }

    // --- hangs -------------------------------------------------------------------------------------------

    @Test
    void aServerThatDripsOneByteEveryFiveSecondsMeetsTheRequestDeadline() throws IOException {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.DRIP)) {
            Run run = run("drip", wiki, "client:\n  requestTimeoutSeconds: 3\n");
            assertThat(run.exit()).isEqualTo(Main.UNEXPECTED_RESULT);
            assertThat(run.errorLines()).singleElement().asString().contains("timeout").contains("within 3 s");
            assertThat(run.seconds()).isLessThan(60);
        }
    }

    @Test
    void aServerThatHangsAfterSiteinfoGivesUpAfterTheFirstTimeout() throws IOException {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.HANG_AFTER_SITEINFO)) {
            Run run = run("hang-after-siteinfo", wiki, "client:\n  requestTimeoutSeconds: 3\n");
            assertThat(run.exit()).isEqualTo(Main.UNEXPECTED_RESULT);
            assertThat(run.errorLines()).as("one reason for the deployment").singleElement().asString()
                    .contains("timeout").contains("scenarios");
            JsonNode d = run.deployment();
            assertThat(d.path("results").size()).isGreaterThan(10);
            // Not applicable is decided from the environment file alone, before any request; everything else is the one error.
            d.path("results").forEach(r -> assertThat(r.path("outcome").asText()).isIn("error", "not-applicable"));
            assertThat(d.path("counts").path("error").asInt()).isGreaterThan(10);
            assertThat(run.seconds()).as("one deadline, not one per scenario").isLessThan(60);
        }
    }

    @Test
    void aDeploymentThatOutlastsItsDeadlineKeepsWhatWasJudged() throws IOException {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.SLOW_AFTER_SITEINFO)) {
            Run run = run("deployment-deadline", wiki, "client:\n  requestTimeoutSeconds: 5\n  deploymentTimeoutSeconds: 12\n", "--threads", "1");
            assertThat(run.exit()).isEqualTo(Main.UNEXPECTED_RESULT);
            assertThat(run.errorLines()).singleElement().asString()
                    .contains("deadline: the scenarios did not finish within 12 s (client.deploymentTimeoutSeconds)");
            JsonNode d = run.deployment();
            assertThat(d.path("counts").path("passed").asInt()).as("scenarios judged before the deadline are kept").isPositive();
            assertThat(run.seconds()).isLessThan(60);
        }
    }

    // --- a wiki that dies and comes back -------------------------------------------------------------------------

    /** The outcome of every scenario, by id. */
    private static Map<String, String> outcomes(Run run) throws IOException {
        Map<String, String> outcomes = new java.util.TreeMap<>();
        run.deployment().path("results").forEach(r -> outcomes.put(r.path("id").asText(), r.path("outcome").asText()));
        return outcomes;
    }

    private static String evidenceText(Run run) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(run.reports().resolve("latest/").toRealPath())) {
            for (Path f : files.filter(p -> p.toString().contains("/evidence/")).filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void aWikiRestartedWithinThePatienceCostsTheRunNothingButTime() throws IOException {
        // One thread: while the wiki goes down, no other request of the run is under way (a graceful restart).
        String env = "writable: true\npatience: 3\n";
        Run baseline;
        try (RestartingWiki wiki = new RestartingWiki()) {
            baseline = run("restart-baseline", wiki.api(), env, "--threads", "1");
        }
        try (RestartingWiki wiki = new RestartingWiki(40, 1500, false)) {
            Run restarted = run("restart-within-patience", wiki.api(), env, "--threads", "1");
            assertThat(wiki.cameBackAt).as("the wiki went down and came back during the run").isGreaterThan(wiki.diedAt).isPositive();
            double down = (wiki.cameBackAt - wiki.diedAt) / 1e9;
            times.put("restart: wiki down for (s)", down);
            times.put("restart: run time added over the baseline (s)", restarted.seconds() - baseline.seconds());
            assertThat(wiki.requests()).as("the run went on after the restart").isGreaterThan(60);
            assertThat(restarted.deployment().path("counts").path("error").asInt()).as(restarted.console()).isZero();
            assertThat(outcomes(restarted)).as("every scenario's outcome is the one it has without the restart").isEqualTo(outcomes(baseline));
            assertThat(restarted.exit()).isEqualTo(baseline.exit());
            assertThat(evidenceText(restarted)).as("the evidence shows the wiki was asked again")
                    .contains("no answer: unreachable").contains("asked again in");
        }
    }

    @Test
    void aWikiThatIsDownFromTheStartIsOneUnreachableLineWithinThePatience() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();  // closed again: nothing listens there
        }
        Run run = run("down-from-the-start", java.net.URI.create("http://127.0.0.1:" + port + "/api.php"), "patience: 3\n");
        times.put("down from the start: run to its one error line (s)", run.seconds());
        assertThat(run.exit()).isEqualTo(Main.UNEXPECTED_RESULT);
        assertThat(run.errorLines()).singleElement().asString().contains("unreachable").contains("Connection refused")
                .contains("still no answer after the patience of 3 s");
        assertThat(run.seconds()).as("the patience, not a wait per scenario").isBetween(3.0, 20.0);
    }

    @Test
    void aWikiThatDiesForGoodMidRunIsOneUnreachableLineWithinThePatience() throws IOException {
        try (RestartingWiki wiki = new RestartingWiki(40, -1, false)) {
            Run run = run("dies-for-good", wiki.api(), "writable: true\npatience: 3\n", "--threads", "1");
            double afterDeath = (System.nanoTime() - wiki.diedAt) / 1e9;  // from its death to the run's end: a bound of the wait
            assertThat(run.exit()).isEqualTo(Main.UNEXPECTED_RESULT);
            assertThat(run.errorLines()).as(run.console()).singleElement().asString().contains("unreachable")
                    .contains("still no answer after the patience of 3 s");
            JsonNode d = run.deployment();
            assertThat(d.path("counts").path("passed").asInt()).as("what was judged before it died is kept").isPositive();
            times.put("dies for good: death to the end of the run, at most (s)", afterDeath);
            assertThat(afterDeath).as("one patience, not one per scenario").isLessThan(20);
        }
    }

    @Test
    void aCreateAccountCutOffMidRequestIsNeverSentAgainAndItsOutcomeIsUnknown() throws IOException {
        try (RestartingWiki wiki = new RestartingWiki(30, 0, true)) {
            Run run = run("cut-off-createaccount", wiki.api(), "writable: true\npatience: 3\n", "--threads", "1");
            assertThat(wiki.diedAt).as("a createaccount was cut off").isPositive();
            // Scenarios send one username several times on purpose; the request cut off (same token, same fields) only once.
            assertThat(wiki.createAccountRequests.stream().filter(wiki.cutOff::equals)).as("the request cut off is never sent again")
                    .hasSize(1);
            List<JsonNode> unknown = new ArrayList<>();
            run.deployment().path("results").forEach(r -> {
                if (r.path("reason").asText().contains("outcome unknown")) {
                    unknown.add(r);
                }
            });
            assertThat(unknown).as(run.console()).singleElement().satisfies(r -> {
                assertThat(r.path("outcome").asText()).isEqualTo("error");
                assertThat(r.path("reason").asText()).contains("action=createaccount was sent").contains("it is not sent again");
            });
            assertThat(evidenceText(run)).contains("the request was sent, so its outcome is unknown");
            assertThat(run.errorLines()).as("the wiki itself kept answering: only that scenario is an error").hasSize(1);
        }
    }

    // --- sizes ---------------------------------------------------------------------------------------------

    @Test
    void anAnswerOverTheCapIsAnErrorWithThatReason() throws IOException {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.HUGE_SITEINFO)) {
            Run run = run("huge-answer", wiki, "");
            assertThat(run.errorLines()).singleElement().asString().contains("too large").contains("client.maxResponseBytes");
        }
    }

    @Test
    void aValidLargeAnswerUnderTheCapIsNotCalledMalformed() throws IOException {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.LARGE_VALID_SITEINFO)) {
            Run run = run("large-valid-answer", wiki, "client:\n  maxResponseBytes: 67108864\n", "--tags", ONE_TAG);
            assertThat(run.console()).doesNotContain("malformed");
            assertThat(run.deployment().path("mediawikiVersion").asText()).isEqualTo("1.39.0");
            assertThat(run.exit()).as(run.console()).isEqualTo(Main.OK);
        }
    }

    // --- transient answers ------------------------------------------------------------------------------------

    @Test
    void transientAnswersAreRetriedHonouringRetryAfterAndRecorded() throws IOException {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.TRANSIENT_THEN_FINE)) {
            Run run = run("transient-then-fine", wiki, "client:\n  maxlag: 5\n  contact: ops@example.org\n", "--tags", ONE_TAG);
            assertThat(run.exit()).as(run.console()).isEqualTo(Main.OK);
            assertThat(wiki.transientSent).containsEntry("429", 1).containsEntry("maxlag", 1);
            String evidence = Files.readString(run.reports().resolve("latest/deployments/transient-then-fine/evidence/authmanagerinfo-describes-fields.json"));
            assertThat(evidence).contains("transient answer: HTTP 429, retry after 1 s").contains("transient answer: error maxlag")
                    .contains("retry 1 of 3");
            assertThat(wiki.maxlags).as("maxlag sent, as the API etiquette asks").contains("5").doesNotContainNull();
            assertThat(wiki.userAgents).allSatisfy(ua -> assertThat(ua).startsWith("mwconform/").contains("contact: ops@example.org"));
        }
    }

    @Test
    void anAnswerThatStaysUnavailableIsOneErrorWithTheWikisReason() throws IOException {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.UNAVAILABLE_AFTER_SITEINFO)) {
            Run run = run("unavailable", wiki, "");
            assertThat(run.exit()).isEqualTo(Main.UNEXPECTED_RESULT);
            assertThat(run.errorLines()).singleElement().asString().contains("HTTP 503").contains("after 3 retries")
                    .contains("Wiki down for maintenance until 12:00 UTC");
            assertThat(run.seconds()).isLessThan(60);
        }
    }

    // --- lies ----------------------------------------------------------------------------------------------------

    @Test
    void escapeCodesFromTheWikiNeverReachTheTerminal() throws IOException {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.ESCAPES_IN_GENERATOR)) {
            Run run = run("escapes", wiki, "", "--tags", ONE_TAG);
            assertThat(run.console()).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0007");
            assertThat(run.console().lines().filter(l -> l.startsWith("escapes ")))
                    .singleElement().asString().contains("\\x1b[2K\\x0d")
                    .contains("documented: 1 passed, 0 known deviations, 0 not applicable, 0 failed, 0 stale expectations, 0 errors;")
                    .endsWith("beyond the documentation: 0 passed, 0 known deviations, 0 not applicable, 0 failed, 0 stale expectations, 0 errors");
        }
    }

    @Test
    void aHiddenPasswordFieldKeepsTheWikisValueAndFailsTheFieldsScenario() throws IOException {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.HIDDEN_PASSWORD)) {
            Run run = run("hidden-password", wiki, "writable: true\n", "--tags", ONE_TAG + " or @id:create-account-pass");
            JsonNode d = run.deployment();
            JsonNode fields = null;
            for (JsonNode r : d.path("results")) {
                if (r.path("id").asText().equals("authmanagerinfo-describes-fields")) {
                    fields = r;
                }
            }
            assertThat(fields).isNotNull();
            assertThat(fields.path("outcome").asText()).isEqualTo("failed");
            assertThat(fields.path("condition").asText()).isEqualTo("authmanagerinfo.password-fields");
            assertThat(wiki.passwordsSent).isNotEmpty().allSatisfy(p -> assertThat(p).isEqualTo(HostileWiki.SERVER_PASSWORD));
        }
    }

    // --- leaks -----------------------------------------------------------------------------------------------------

    private static final String USERINFO_PASSWORD = "CanaryPass9c2e";
    private static final String QUERY_TOKEN = "CanaryQueryTok5531";
    private static final String CREATOR_PASSWORD = "CanaryCreatorPw77aa";
    private static final String CAPTCHA_ANSWER = "CanaryCaptchaAnswer31";
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32,}\\+(\\\\|%5C)");

    @Test
    void noCanaryLeaksIntoAnyFileOrTheConsole() throws Exception {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.CANARIES)) {
            Path dir = fresh("canaries");
            String api = "http://canaryuser:" + USERINFO_PASSWORD + "@127.0.0.1:" + wiki.port() + "/api.php?Token=" + QUERY_TOKEN;
            Path env = Files.writeString(dir.resolve("canaries.yml"), "name: canaries\napi: " + api + "\nwritable: true\n"
                    + "capabilities:\n  captcha:\n    answers:\n      \"" + HostileWiki.CAPTCHA_QUESTION + "\": " + CAPTCHA_ANSWER + "\n"
                    + "credentials:\n  creator: MWCONFORM_CANARY_CREATOR\n");
            Path reports = dir.resolve("reports");
            Process process = harness(List.of("run", "--env", env.toString(), "--reports", reports.toString()), dir.resolve("console.txt"),
                    Map.of("MWCONFORM_CANARY_CREATOR", "Canarycreator:" + CREATOR_PASSWORD));
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String console = Files.readString(dir.resolve("console.txt"));
            System.out.print(console);
            List<String> canaries = List.of(USERINFO_PASSWORD, QUERY_TOKEN, CREATOR_PASSWORD, CAPTCHA_ANSWER,
                    HostileWiki.COOKIE_CANARY, HostileWiki.TOTP_CANARY);
            assertThat(Files.exists(reports.resolve("latest/results.json"))).as(console).isTrue();
            List<String> leaks = new ArrayList<>();
            scan("console", console, canaries, leaks);
            int files = 0;
            try (Stream<Path> all = Files.walk(reports)) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    files++;
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                    scan(f.toString(), text, canaries, leaks);
                    for (String decoded : base64Decoded(text)) {
                        scan(f + " (decoded base64)", decoded, canaries, leaks);
                    }
                }
            }
            assertThat(files).isGreaterThan(20);
            assertThat(leaks).isEmpty();
            // The canaries were really planted: the run saw them (masked) in the evidence.
            assertThat(Files.readString(reports.resolve("latest/results.json"))).contains("canaries");
        }
    }

    /** --target with credentials and a key in the URL: sent (Basic, query) but never shown. */
    @Test
    void aTargetUrlsUserinfoAndQueryAreSentButNeverWritten() throws IOException {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.CANARIES)) {
            Path dir = fresh("target-with-credentials");
            String target = "http://canaryuser:" + USERINFO_PASSWORD + "@127.0.0.1:" + wiki.port() + "/api.php?Token=" + QUERY_TOKEN;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = Main.run(List.of("run", "--target", target, "--reports", dir.resolve("reports").toString(), "--tags", ONE_TAG),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            String console = out.toString(StandardCharsets.UTF_8);
            System.out.print(console);
            assertThat(exit).as(console).isEqualTo(Main.OK);
            String basic = "Basic " + Base64.getEncoder().encodeToString(("canaryuser:" + USERINFO_PASSWORD).getBytes(StandardCharsets.UTF_8));
            assertThat(wiki.authorizations).as("userinfo travels as HTTP Basic").isNotEmpty().allSatisfy(a -> assertThat(a).isEqualTo(basic));
            assertThat(wiki.queries).as("the URL's query travels with every request").allSatisfy(q -> assertThat(q).contains("Token=" + QUERY_TOKEN));
            List<String> leaks = new ArrayList<>();
            List<String> canaries = List.of(USERINFO_PASSWORD, QUERY_TOKEN, basic.substring(6), HostileWiki.COOKIE_CANARY, HostileWiki.TOTP_CANARY);
            scan("console", console, canaries, leaks);
            try (Stream<Path> all = Files.walk(dir.resolve("reports"))) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                    scan(f.toString(), text, canaries, leaks);
                    base64Decoded(text).forEach(d -> scan(f + " (decoded base64)", d, canaries, leaks));
                }
            }
            assertThat(leaks).isEmpty();
            assertThat(Files.readString(dir.resolve("reports/latest/results.json"))).contains("http://" + org.mwconform.secrets.SecretMasker.MASK + "@127.0.0.1");
        }
    }

    private static void scan(String where, String text, List<String> canaries, List<String> leaks) {
        for (String canary : canaries) {
            if (text.contains(canary)) {
                leaks.add(canary + " in " + where);
            }
        }
        Matcher token = TOKEN.matcher(text);
        if (token.find()) {
            leaks.add("a token in " + where + ": " + token.group());
        }
    }

    /** Allure's single-file page holds its attachments base64-encoded: decode every long base64 run. */
    private static List<String> base64Decoded(String text) {
        List<String> decoded = new ArrayList<>();
        Matcher m = Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}").matcher(text);
        while (m.find()) {
            String run = m.group();
            try {
                decoded.add(new String(Base64.getDecoder().decode(run.substring(0, run.length() - run.length() % 4)), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                // not base64 after all
            }
        }
        return decoded;
    }

    // --- interrupts ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void anInterruptedRunLeavesNoProcessBehindAndKeepsWhatWasJudged(String signal) throws Exception {
        try (HostileWiki wiki = new HostileWiki(HostileWiki.Behaviour.TRANSIENT_THEN_FINE)) {
            Path dir = fresh("interrupt-" + signal);
            Path env = Files.writeString(dir.resolve("interrupted.yml"), "name: interrupted\napi: " + wiki.api() + "\nwritable: true\n");
            Path reports = dir.resolve("reports");
            Path console = dir.resolve("console.txt");
            Process process = harness(List.of("run", "--env", env.toString(), "--reports", reports.toString(), "--threads", "1"), console, Map.of());
            String runId = awaitRunId(console);
            // While it runs, a run writes into a hidden folder, published whole at its end.
            Path messages = reports.resolve("runs").resolve("." + runId + ".incomplete").resolve("deployments/interrupted/messages.ndjson");
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline && (!Files.exists(messages)
                    || Files.readAllLines(messages).stream().filter(l -> l.startsWith("{\"testCaseFinished\"")).count() < 2)) {
                Thread.sleep(200);
            }
            assertThat(process.isAlive()).as("the run is under way").isTrue();
            List<ProcessHandle> children = process.descendants().toList();
            long signalled = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the run ends").isTrue();
            double seconds = (System.nanoTime() - signalled) / 1e9;
            times.put("interrupt (SIG" + signal + ") to exit", seconds);
            int requestsAtExit = wiki.userAgents.size();
            Thread.sleep(1500);
            assertThat(ours(runId)).as("no process of the run is left").isEmpty();
            assertThat(children).as("nothing the run started is left").noneMatch(ProcessHandle::isAlive);
            assertThat(wiki.userAgents).as("the wiki hears nothing from the run once it ended").hasSize(requestsAtExit);
            JsonNode results = JSON.readTree(reports.resolve("runs").resolve(runId).resolve("results.json").toFile());
            assertThat(results.path("run").path("interrupted").asBoolean()).isTrue();
            assertThat(results.path("deployments").path(0).path("results").size()).as("what was judged is kept").isGreaterThan(1);
            assertThat(reports.resolve("latest")).as("latest is untouched").doesNotExist();
            System.out.print(Files.readString(console));
        }
    }

    /** Every process whose command line names the run (anything the harness started for it). */
    private static List<String> ours(String runId) {
        List<String> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid()).forEach(p -> {
            try {
                String cmdline = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).replace('\0', ' ');
                if (cmdline.contains(runId)) {
                    found.add(p.pid() + " " + cmdline);
                }
            } catch (IOException | RuntimeException gone) {
                // ended meanwhile
            }
        });
        return found;
    }

    private static String awaitRunId(Path console) throws Exception {
        Pattern id = Pattern.compile("mwconform run (\\S+):");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(console)) {
                Matcher m = id.matcher(Files.readString(console));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run printed no run id: " + (Files.exists(console) ? Files.readString(console) : ""));
    }

    /** The harness as a process of its own, as ./mwconform starts it (so signals reach it like they would). */
    private static Process harness(List<String> args, Path console, Map<String, String> environment) throws IOException {
        // A shell without job control starts background commands with SIGINT ignored, and an ignored signal stays
        // ignored across exec: restore the default a person's terminal gives, or the JVM never sees Ctrl-C.
        List<String> command = new ArrayList<>(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dmwconform.home=" + HOME,
                "-Dmwconform.allureHome=" + System.getProperty("mwconform.allureHome", ""), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
