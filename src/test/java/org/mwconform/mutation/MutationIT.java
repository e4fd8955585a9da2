package org.mwconform.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwconform.cli.Main;
import org.mwconform.stub.Mutation;
import org.mwconform.stub.StubWiki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that every scenario can fail: the harness runs, in-process, against a {@link StubWiki} that
 * misbehaves on purpose, and the scenarios that check the broken behaviour must turn red while the
 * others stay green. A mutation that leaves the run green is a defect of the harness.
 * Each run's environment file and reports stay under target/mutation-it/ for inspection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every scenario id of features/; the conforming stub must pass exactly these. */
    private static final Set<String> ALL_SCENARIOS = Set.of(
            "token-issued", "authmanagerinfo-describes-fields", "create-account-pass",
            "badretype", "userexists", "invalidemailaddress-no-at", "invalidemailaddress-no-local-part",
            "invalidemailaddress-sample-fields",
            "badtoken", "notoken", "mustpostparams", "get-request", "missingparam");
    private static final List<String> EMAIL = List.of("invalidemailaddress-no-at", "invalidemailaddress-no-local-part",
            "invalidemailaddress-sample-fields");
    private static final List<String> REJECTIONS = List.of("badtoken", "notoken", "mustpostparams", "get-request", "missingparam");
    private static final List<String> CREATION = List.of("create-account-pass", "badretype", "userexists",
            "invalidemailaddress-no-at", "invalidemailaddress-no-local-part", "invalidemailaddress-sample-fields",
            "badtoken", "notoken", "mustpostparams", "get-request", "missingparam");

    /**
     * What a scenario must show under a mutation: an outcome (a regular expression over results.json's
     * vocabulary) and, where meaningful, the id of the condition that failed.
     */
    record Expected(String scenario, String outcome, String condition) {
        boolean red() {
            return outcome.equals("failed") || outcome.equals("error");
        }
    }

    /** Mutation: the scenarios it must turn red (and any it may leave otherwise). Every other scenario must stay passed. */
    private static final Map<Mutation, List<Expected>> KILLS = new EnumMap<>(Mutation.class);

    static {
        // --- meta=tokens
        kills(Mutation.TOKEN_NOT_ISSUED, Stream.concat(
                Stream.of(failed("token-issued", "tokens.createaccount-issued"),
                        // The existing account is created without a token first: notoken, not PASS.
                        failed("userexists", "createaccount.status")),
                CREATION.stream().filter(s -> !s.equals("userexists")).map(s -> failed(s, "tokens.createaccount-issued"))).toList());
        kills(Mutation.TOKEN_WITHOUT_SUFFIX, List.of(failed("token-issued", "tokens.createaccount-format")));

        // --- meta=authmanagerinfo
        kills(Mutation.NO_CREATE_FIELDS, Stream.concat(
                Stream.of(failed("authmanagerinfo-describes-fields", "authmanagerinfo.fields"),
                        failed("create-account-pass", "createaccount.status"),
                        failed("userexists", "createaccount.status"),
                        failed("badretype", "createaccount.messagecode")),
                EMAIL.stream().map(s -> failed(s, "createaccount.messagecode"))).toList());
        // A wiki whose rights let anonymous users create accounts, but whose authmanagerinfo says they cannot:
        // "it says that accounts can be created" must fail. What becomes of the creation scenarios is left open.
        kills(Mutation.NO_CANCREATEACCOUNTS, Stream.concat(
                Stream.of(failed("authmanagerinfo-describes-fields", "authmanagerinfo.cancreateaccounts")),
                CREATION.stream().map(s -> new Expected(s, "passed|not-applicable", null))).toList());
        kills(Mutation.INCOMPLETE_REQUESTS, List.of(failed("authmanagerinfo-describes-fields", "authmanagerinfo.request-shape")));
        kills(Mutation.REQUEST_WITHOUT_FIELDS, List.of(failed("authmanagerinfo-describes-fields", "authmanagerinfo.request-shape")));
        // username, password and retype are still announced with their types: account creation is unaffected.
        kills(Mutation.FIELD_WITHOUT_TYPE, List.of(failed("authmanagerinfo-describes-fields", "authmanagerinfo.request-shape")));

        // --- action=createaccount: rejections
        kills(Mutation.ACCEPTS_FORGED_TOKEN, List.of(failed("badtoken", "api.error-code")));
        kills(Mutation.NOTOKEN_AS_MISSINGPARAM, List.of(failed("notoken", "api.error-code")));
        kills(Mutation.TOKEN_IN_QUERY_ACCEPTED, List.of(failed("mustpostparams", "api.error-code")));
        kills(Mutation.ACCEPTS_GET, List.of(failed("get-request", "api.error-code")));
        kills(Mutation.GET_AS_MUSTBEPOSTED, List.of(failed("get-request", "api.error-code")));
        kills(Mutation.MISSINGPARAM_IGNORED, List.of(failed("missingparam", "api.error-code")));
        kills(Mutation.ERROR_WITHOUT_INFO, REJECTIONS.stream().map(s -> failed(s, "api.error-shape")).toList());
        // get-request checks no info text, so it stays green.
        kills(Mutation.ERROR_INFO_REWORDED, REJECTIONS.stream().filter(s -> !s.equals("get-request"))
                .map(s -> failed(s, "api.error-info")).toList());
        kills(Mutation.ERROR_BESIDE_RESULT, REJECTIONS.stream().map(s -> failed(s, "api.error-shape")).toList());
        kills(Mutation.REJECTION_CREATES_ACCOUNT, REJECTIONS.stream().map(s -> failed(s, "users.no-account")).toList());

        // --- action=createaccount: FAIL
        kills(Mutation.BADRETYPE_WRONG_CODE, List.of(failed("badretype", "createaccount.messagecode")));
        kills(Mutation.IGNORES_RETYPE, List.of(failed("badretype", "createaccount.status")));
        kills(Mutation.USEREXISTS_PASSES, List.of(failed("userexists", "createaccount.status")));
        kills(Mutation.EMAIL_UNCHECKED, EMAIL.stream().map(s -> failed(s, "createaccount.status")).toList());
        kills(Mutation.EMAIL_NEEDS_REALNAME, List.of(failed("invalidemailaddress-sample-fields", "createaccount.status")));
        kills(Mutation.FAIL_WITHOUT_MESSAGE, Stream.concat(Stream.of("badretype", "userexists"), EMAIL.stream())
                .map(s -> failed(s, "createaccount.fail-shape")).toList());
        // userexists answers FAIL for a name that exists anyway: nothing new to create.
        kills(Mutation.FAIL_CREATES_ACCOUNT, Stream.concat(Stream.of("badretype"), EMAIL.stream())
                .map(s -> failed(s, "users.no-account")).toList());

        // --- action=createaccount: PASS and what it leaves behind
        kills(Mutation.PASS_CREATES_NOTHING, List.of(failed("create-account-pass", "users.account-exists"),
                // The existing account was never stored, so the second creation passes too.
                failed("userexists", "createaccount.status")));
        kills(Mutation.PASS_WRONG_USERNAME, List.of(failed("create-account-pass", "createaccount.pass-shape")));
        kills(Mutation.NO_LOG_ENTRY, List.of(failed("create-account-pass", "logevents.newusers-create")));
        kills(Mutation.LOG_WRONG_PERFORMER, List.of(failed("create-account-pass", "logevents.newusers-create")));
        kills(Mutation.LOG_DUPLICATED, List.of(failed("create-account-pass", "logevents.newusers-create")));

        // --- transport: the target breaks in the middle of a scenario, an error, not a conformance failure
        kills(Mutation.CREATEACCOUNT_HTML_500, CREATION.stream().map(s -> new Expected(s, "error", null)).toList());
    }

    /**
     * Stub runs. The mutations of one run touch disjoint scenarios (checked by a test), so one child JVM
     * serves several of them while each keeps its own assertions. -Dmutation.isolated=true runs each alone.
     */
    private static final List<Set<Mutation>> RUNS = List.of(
            Set.of(Mutation.TOKEN_NOT_ISSUED),
            Set.of(Mutation.NO_CANCREATEACCOUNTS),
            Set.of(Mutation.FIELD_WITHOUT_TYPE),
            Set.of(Mutation.PASS_CREATES_NOTHING),
            Set.of(Mutation.NO_CREATE_FIELDS, Mutation.REJECTION_CREATES_ACCOUNT),
            Set.of(Mutation.CREATEACCOUNT_HTML_500, Mutation.TOKEN_WITHOUT_SUFFIX, Mutation.INCOMPLETE_REQUESTS),
            Set.of(Mutation.ERROR_WITHOUT_INFO, Mutation.FAIL_CREATES_ACCOUNT, Mutation.PASS_WRONG_USERNAME,
                    Mutation.REQUEST_WITHOUT_FIELDS),
            Set.of(Mutation.ERROR_INFO_REWORDED, Mutation.FAIL_WITHOUT_MESSAGE, Mutation.LOG_WRONG_PERFORMER,
                    Mutation.ACCEPTS_GET),
            Set.of(Mutation.ERROR_BESIDE_RESULT, Mutation.USEREXISTS_PASSES, Mutation.IGNORES_RETYPE,
                    Mutation.EMAIL_UNCHECKED, Mutation.LOG_DUPLICATED),
            Set.of(Mutation.NOTOKEN_AS_MISSINGPARAM, Mutation.TOKEN_IN_QUERY_ACCEPTED, Mutation.GET_AS_MUSTBEPOSTED,
                    Mutation.MISSINGPARAM_IGNORED, Mutation.ACCEPTS_FORGED_TOKEN, Mutation.BADRETYPE_WRONG_CODE,
                    Mutation.EMAIL_NEEDS_REALNAME, Mutation.NO_LOG_ENTRY));
    private static final boolean ISOLATED = Boolean.getBoolean("mutation.isolated");

    private final Map<Set<Mutation>, HarnessRun> runs = new LinkedHashMap<>();
    private final Map<String, Boolean> killed = new LinkedHashMap<>();
    private Path workDir;
    private String allureHomeBefore;
    private long started;

    private static void kills(Mutation mutation, List<Expected> expected) {
        KILLS.put(mutation, expected);
    }

    private static Expected failed(String scenario, String condition) {
        return new Expected(scenario, "failed", condition);
    }

    @BeforeAll
    void setUp() throws IOException {
        started = System.nanoTime();
        Path home = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
        workDir = home.resolve("target").resolve("mutation-it");
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        // The Allure page costs seconds per run and proves nothing here: point the harness at no generator.
        allureHomeBefore = System.getProperty("mwconform.allureHome");
        System.setProperty("mwconform.allureHome", workDir.resolve("no-allure").toString());
    }

    @AfterAll
    void tearDown() {
        if (allureHomeBefore == null) {
            System.clearProperty("mwconform.allureHome");
        } else {
            System.setProperty("mwconform.allureHome", allureHomeBefore);
        }
        long k = killed.values().stream().filter(b -> b).count();
        List<String> survivors = killed.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        System.out.println("mutation score: " + k + " of " + killed.size() + " mutants killed"
                + (survivors.isEmpty() ? "" : " (survived: " + String.join(", ", survivors) + ")")
                + " in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
    }

    @Test
    void everyMutationHasItsExpectationsAndARun() {
        Set<Mutation> stubMutations = Stream.of(Mutation.values())
                .filter(m -> m != Mutation.NONE && m != Mutation.HTML_500 && m != Mutation.HTML_200)
                .collect(Collectors.toSet());
        assertThat(KILLS.keySet()).as("mutations with expected kills").containsExactlyInAnyOrderElementsOf(stubMutations);
        assertThat(RUNS.stream().flatMap(Set::stream).toList()).as("mutations over all runs, each once")
                .containsExactlyInAnyOrderElementsOf(stubMutations);
        for (Set<Mutation> run : RUNS) {
            List<String> touched = run.stream().flatMap(m -> KILLS.get(m).stream()).map(Expected::scenario).toList();
            assertThat(touched).as("scenarios touched by the mutations of run %s", run).doesNotHaveDuplicates();
        }
        KILLS.forEach((m, expected) -> assertThat(expected).as("expectations of %s", m)
                .anyMatch(Expected::red)
                .allSatisfy(e -> assertThat(ALL_SCENARIOS).contains(e.scenario())));
    }

    @Test
    void conformingStubPassesEverything() {
        HarnessRun run = run(Set.of(Mutation.NONE));
        assertThat(run.exitCode()).as("exit code; %s", run).isEqualTo(Main.OK);
        assertThat(run.outcomes()).as("outcome by scenario; %s", run)
                .containsOnlyKeys(ALL_SCENARIOS)
                .allSatisfy((id, outcome) -> assertThat(outcome).as(id).isEqualTo("passed"));
        assertThat(run.deployment().path("counts").path("error").asInt()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Mutation.class, mode = EnumSource.Mode.EXCLUDE, names = {"NONE", "HTML_500", "HTML_200"})
    void eachMutationTurnsItsScenariosRed(Mutation mutation) {
        Set<Mutation> group = ISOLATED ? Set.of(mutation)
                : RUNS.stream().filter(g -> g.contains(mutation)).findFirst().orElseThrow();
        HarnessRun run = runs.computeIfAbsent(group, this::run);
        List<Expected> expected = KILLS.get(mutation);

        killed.put(mutation.name(), expected.stream().filter(Expected::red)
                .anyMatch(e -> !isGreen(run.outcomes().get(e.scenario()))));

        assertThat(run.exitCode()).as("exit code; %s", run).isEqualTo(Main.UNEXPECTED_RESULT);
        for (Expected e : expected) {
            JsonNode result = run.result(e.scenario());
            assertThat(result).as("result of %s; %s", e.scenario(), run).isNotNull();
            assertThat(result.path("outcome").asText()).as("outcome of %s (%s); %s", e.scenario(), reason(result), run)
                    .matches(e.outcome());
            if (e.condition() != null) {
                assertThat(result.path("condition").asText(null)).as("failing condition of %s (%s)", e.scenario(), reason(result))
                        .isEqualTo(e.condition());
            }
        }
        Set<String> touched = touched(group);
        Map<String, String> untouched = new LinkedHashMap<>(run.outcomes());
        untouched.keySet().removeAll(touched);
        assertThat(untouched).as("scenarios no mutation of %s touches; %s", group, run)
                .containsOnlyKeys(ALL_SCENARIOS.stream().filter(s -> !touched.contains(s)).toList())
                .allSatisfy((id, outcome) -> assertThat(outcome).as("%s (%s)", id, reason(run.result(id))).isEqualTo("passed"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Mutation.class, names = {"HTML_500", "HTML_200"})
    void aTargetThatIsNotApiPhpIsOneError(Mutation mutation) {
        HarnessRun run = run(Set.of(mutation));
        killed.put(mutation.name(), run.exitCode() != Main.OK);
        assertOneError(run);
    }

    @Test
    void aDeadPortIsOneError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI api = URI.create("http://127.0.0.1:" + port + "/api.php");
        HarnessRun run = runHarness("stub-dead-port", api, "nothing listens on this port");
        assertOneError(run);
    }

    private static void assertOneError(HarnessRun run) {
        assertThat(run.exitCode()).as("exit code; %s", run).isEqualTo(Main.UNEXPECTED_RESULT);
        JsonNode results = run.deployment().path("results");
        assertThat(results.size()).as("results of the deployment; %s", run).isEqualTo(1);
        JsonNode only = results.get(0);
        assertThat(only.path("outcome").asText()).as("outcome; %s", run).isEqualTo("error");
        String reason = only.path("reason").asText();
        assertThat(reason).as("the error's reason")
                .contains(run.api().toString())
                .doesNotContain("\n", "\r", "\tat ");
    }

    private static Set<String> touched(Set<Mutation> group) {
        return group.stream().flatMap(m -> KILLS.get(m).stream()).map(Expected::scenario).collect(Collectors.toSet());
    }

    private static boolean isGreen(String outcome) {
        return outcome != null && (outcome.equals("passed") || outcome.equals("not-applicable") || outcome.equals("known-deviation"));
    }

    private static String reason(JsonNode result) {
        return result == null ? "no result" : result.path("reason").asText("no reason");
    }

    // --- running the harness ------------------------------------------------------------------------

    /** One harness run and what it left: exit code, console output, the deployment of results.json. */
    record HarnessRun(String name, URI api, int exitCode, String out, String err, JsonNode deployment) {

        JsonNode result(String scenario) {
            for (JsonNode r : deployment.path("results")) {
                if (scenario.equals(r.path("id").asText())) {
                    return r;
                }
            }
            return null;
        }

        Map<String, String> outcomes() {
            Map<String, String> outcomes = new LinkedHashMap<>();
            deployment.path("results").forEach(r -> outcomes.put(r.path("id").asText(), r.path("outcome").asText()));
            return outcomes;
        }

        @Override
        public String toString() {
            return name + " exited " + exitCode + "; harness output:\n" + out + err;
        }
    }

    private HarnessRun run(Set<Mutation> mutations) {
        String name = "stub-" + mutations.stream().sorted().map(Mutation::slug).collect(Collectors.joining("."));
        try (StubWiki stub = StubWiki.start(mutations)) {
            return runHarness(name, stub.api(), "StubWiki with " + mutations + ": tests the harness, never a reported deployment");
        }
    }

    private HarnessRun runHarness(String name, URI api, String description) {
        try {
            Path dir = workDir.resolve(name);
            Files.createDirectories(dir);
            Path env = dir.resolve(name + ".yml");
            Files.writeString(env, "name: " + name + "\n"
                    + "description: \"" + description.replace("\"", "'") + "\"\n"
                    + "api: " + api + "\n"
                    + "writable: true\n");
            Path reports = dir.resolve("reports");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exit = Main.run(List.of("run", "--env", env.toString(), "--reports", reports.toString()), o, e);
            }
            JsonNode results = JSON.readTree(reports.resolve("latest").resolve("results.json").toFile());
            JsonNode deployment = results.path("deployments").path(0);
            return new HarnessRun(name, api, exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    deployment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
