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
import org.mwconform.stub.InteractiveDefect;
import org.mwconform.stub.Setup;
import org.mwconform.stub.StubWiki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the interactive scenarios ({@code @interactive}: example 3 and createcontinue's parameters) can
 * fail: the harness runs them against the stub's {@link Setup#INTERACTIVE} wiki, first conforming (every one
 * passes), then with one {@link InteractiveDefect} at a time: the provider answers REDIRECT without
 * redirecttarget, UI without requests, accepts a wrong TOTP or a replayed state, PASSes without creating the
 * account, ... Each defect must turn exactly the scenarios listed for it red, at the named condition, and
 * leave every other one passing. Reports stay under target/interactive-mutation-it/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteractiveMutationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
    private static final FeatureScenarios FEATURES = FeatureScenarios.load(HOME.resolve("features"));
    private static final List<String> INTERACTIVE = FEATURES.ids(s -> s.tagged(MutationIT.INTERACTIVE));

    /** Defect: scenario id -> the condition it must fail at. */
    private static final Map<InteractiveDefect, Map<String, String>> KILLS = new EnumMap<>(InteractiveDefect.class);

    static {
        String shape = "createaccount.redirect-shape";
        String returned = "redirect.returned";
        kills(InteractiveDefect.REDIRECT_WITHOUT_TARGET, "example-3", shape, "createmergerequestfields", shape,
                "example-3-skip-2fa", returned, "example-3-wrong-totp", returned, "ui-message-format", returned,
                "redirect-wrong-state", returned, "redirect-missing-code", returned, "redirect-replayed-state", returned,
                "createpreservestate", returned);
        String ui = "createaccount.ui-shape";
        kills(InteractiveDefect.UI_WITHOUT_REQUESTS, "example-3", ui, "example-3-skip-2fa", ui, "example-3-wrong-totp", ui,
                "createmergerequestfields", ui, "createpreservestate", ui);
        String status = "createaccount.status";
        kills(InteractiveDefect.WRONG_TOTP_ACCEPTED, "example-3-wrong-totp", status);
        kills(InteractiveDefect.REPLAYED_STATE_ACCEPTED, "redirect-replayed-state", status);
        kills(InteractiveDefect.STATE_UNCHECKED, "redirect-wrong-state", status);
        kills(InteractiveDefect.REFUSAL_AS_CAPTCHA_FAILURE, "redirect-wrong-state", "createaccount.provider-failure",
                "redirect-missing-code", "createaccount.provider-failure", "redirect-replayed-state", "createaccount.provider-failure");
        kills(InteractiveDefect.MISSING_CODE_ACCEPTED, "redirect-missing-code", status);
        String exists = "users.account-exists";
        kills(InteractiveDefect.PASS_WITHOUT_ACCOUNT, "example-3", exists, "example-3-skip-2fa", exists, "createpreservestate", exists);
        kills(InteractiveDefect.CREATED_BEFORE_SECONDARY, "example-3-wrong-totp", "users.no-account-before-pass");
        kills(InteractiveDefect.SKIP_IGNORED, "example-3-skip-2fa", status, "createpreservestate", status);
        kills(InteractiveDefect.MERGE_IGNORED, "createmergerequestfields", "createaccount.merged-fields");
        kills(InteractiveDefect.UI_RAW_WITHOUT_PARAMS, "ui-message-format", "createaccount.message-format");
        kills(InteractiveDefect.UI_MESSAGE_FORMAT_IGNORED, "ui-message-format", "createaccount.message-format");
        kills(InteractiveDefect.RESTART_AS_FAIL, "createpreservestate", status);
        kills(InteractiveDefect.PRESERVED_STATE_NOT_ANNOUNCED, "createpreservestate", "authmanagerinfo.preserved-state");
        kills(InteractiveDefect.CREATEREQUESTS_IGNORED, "createrequests-limits", status);
        kills(InteractiveDefect.NOT_IN_PROGRESS_WRONG_CODE, "createcontinue-not-in-progress", "createaccount.messagecode");
        kills(InteractiveDefect.STATE_MEMBERS_MISSING, "authmanagerinfo-state-members", "authmanagerinfo.state-members",
                "createpreservestate", "authmanagerinfo.preserved-state");
    }

    private final Map<InteractiveDefect, CompletableFuture<Run>> runs = new ConcurrentHashMap<>();
    private ExecutorService pool;
    private Path workDir;
    private String allureHomeBefore;

    private static void kills(InteractiveDefect defect, String... idsAndConditions) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < idsAndConditions.length; i += 2) {
            expected.put(idsAndConditions[i], idsAndConditions[i + 1]);
        }
        KILLS.put(defect, expected);
    }

    /** Scenarios that need a provider the stub's other setups do not have: not-applicable there. */
    static boolean needsThirdParty(String tag) {
        return tag.equals("@needs:third-party-provider") || tag.equals("@needs:third-party-login");
    }

    @BeforeAll
    void setUp() throws IOException {
        workDir = HOME.resolve("target").resolve("interactive-mutation-it");
        Files.createDirectories(workDir);
        allureHomeBefore = System.getProperty("mwconform.allureHome");
        System.setProperty("mwconform.allureHome", workDir.resolve("no-allure").toString());
        pool = Executors.newFixedThreadPool(Integer.getInteger("mutation.parallel", 2));
        for (InteractiveDefect defect : InteractiveDefect.values()) {
            run(defect);
        }
    }

    @AfterAll
    void tearDown() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        if (allureHomeBefore == null) {
            System.clearProperty("mwconform.allureHome");
        } else {
            System.setProperty("mwconform.allureHome", allureHomeBefore);
        }
    }

    @Test
    void everyDefectHasItsKillsAndEveryInteractiveScenarioIsKilled() {
        assertThat(KILLS.keySet()).containsExactlyInAnyOrderElementsOf(Set.of(InteractiveDefect.values()).stream()
                .filter(d -> d != InteractiveDefect.NONE).toList());
        assertThat(KILLS.values().stream().flatMap(m -> m.keySet().stream()).collect(Collectors.toSet()))
                .as("interactive scenarios no defect turns red").containsExactlyInAnyOrderElementsOf(INTERACTIVE);
    }

    @Test
    void theConformingStubPassesEveryInteractiveScenario() {
        Run run = run(InteractiveDefect.NONE).join();
        assertThat(run.exitCode()).as("exit code; %s", run).isEqualTo(Main.OK);
        assertThat(run.outcomes()).as("outcomes; %s", run).containsOnlyKeys(INTERACTIVE)
                .allSatisfy((id, outcome) -> assertThat(outcome).as("%s (%s)", id, run.reason(id)).isEqualTo("passed"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = InteractiveDefect.class, mode = EnumSource.Mode.EXCLUDE, names = "NONE")
    void eachDefectTurnsItsScenariosRed(InteractiveDefect defect) {
        Run run = run(defect).join();
        Map<String, String> expected = KILLS.get(defect);
        assertThat(run.exitCode()).as("exit code; %s", run).isEqualTo(Main.UNEXPECTED_RESULT);
        for (String id : INTERACTIVE) {
            JsonNode result = run.result(id);
            assertThat(result).as("result of %s; %s", id, run).isNotNull();
            if (expected.containsKey(id)) {
                assertThat(result.path("outcome").asText()).as("outcome of %s (%s)", id, run.reason(id)).isEqualTo("failed");
                assertThat(result.path("condition").asText(null)).as("failing condition of %s (%s)", id, run.reason(id))
                        .isEqualTo(expected.get(id));
            } else {
                assertThat(result.path("outcome").asText()).as("untouched %s (%s)", id, run.reason(id)).isEqualTo("passed");
            }
        }
    }

    private CompletableFuture<Run> run(InteractiveDefect defect) {
        return runs.computeIfAbsent(defect, d -> CompletableFuture.supplyAsync(() -> harness(d), pool));
    }

    /** One harness run of the @interactive scenarios against the INTERACTIVE stub with one defect. */
    private Run harness(InteractiveDefect defect) {
        String name = "stub-interactive-" + defect.slug();
        try (StubWiki stub = StubWiki.start(Setup.INTERACTIVE, Set.of(), Set.of(defect))) {
            Path dir = workDir.resolve(name);
            Files.createDirectories(dir);
            Path env = dir.resolve(name + ".yml");
            Files.writeString(env, "name: " + name + "\ndescription: \"StubWiki (INTERACTIVE) with " + defect
                    + ": tests the harness, never a reported deployment\"\napi: " + stub.api() + "\nwritable: true\n"
                    + "capabilities:\n  secondFactorSetup: totp\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                exit = Main.run(List.of("run", "--env", env.toString(), "--reports", dir.resolve("reports").toString(),
                        "--tags", MutationIT.INTERACTIVE), o, o);
            }
            JsonNode deployment = JSON.readTree(dir.resolve("reports").resolve("latest").resolve("results.json").toFile())
                    .path("deployments").path(0);
            return new Run(new MutationIT.HarnessRun(name, stub.api(), exit, out.toString(StandardCharsets.UTF_8), "", deployment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A harness run, as MutationIT keeps them, and the reason of a result. */
    private record Run(MutationIT.HarnessRun harness) {
        JsonNode result(String id) {
            return harness.result(id);
        }

        Map<String, String> outcomes() {
            return harness.outcomes();
        }

        int exitCode() {
            return harness.exitCode();
        }

        String reason(String id) {
            JsonNode r = harness.result(id);
            return r == null ? "no result" : r.path("reason").asText("no reason");
        }

        @Override
        public String toString() {
            return harness.toString();
        }
    }
}
