package org.mwconform.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwconform.cli.Main;
import org.mwconform.stub.Mutation;
import org.mwconform.stub.Setup;
import org.mwconform.stub.StubWiki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @safe-probe} scenarios on a wiki declared read-only (the default for any environment file): they
 * are judged there, and a wiki that lacks the rejection a probe checks is reported {@code failed} and gets no
 * new account. The stub wiki plays the wiki; each defect removes one rejection (and, where a rejection is
 * missing, the stub goes on and creates the account if nothing else stops it). The stub's accounts (name and
 * id) are compared before and after each run: nothing may change, not even an account created again.
 */
class SafeProbeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
    /** The bar: at least this many scenarios judged (not not-applicable) on a read-only target. */
    private static final int AT_LEAST_JUDGED = 14;

    /** Each defect that removes a rejection, and the probes that check that rejection. */
    private static final Map<Mutation, List<String>> PROBES_OF = new LinkedHashMap<>();

    static {
        PROBES_OF.put(Mutation.ACCEPTS_FORGED_TOKEN, List.of("badtoken"));
        PROBES_OF.put(Mutation.MISSING_TOKEN_ACCEPTED, List.of("notoken"));
        PROBES_OF.put(Mutation.TOKEN_IN_QUERY_ACCEPTED, List.of("mustpostparams"));
        PROBES_OF.put(Mutation.ACCEPTS_GET, List.of("get-request"));
        PROBES_OF.put(Mutation.MISSINGPARAM_IGNORED, List.of("missingparam"));
        PROBES_OF.put(Mutation.RELATIVE_RETURNURL_ACCEPTED, List.of("createreturnurl-not-absolute"));
        // html and wikitext are told apart on the block notice (blocker, writable only); raw and none probe userexists
        // with a POST. The userexists scenario itself is judged by list=users on a read-only wiki: the account shows
        // there, and MediaWiki's canCreateAccount answers userexists before anything else.
        List<String> userexists = List.of("message-format-raw", "message-format-none");
        PROBES_OF.put(Mutation.USEREXISTS_UNCHECKED, userexists);
        PROBES_OF.put(Mutation.USEREXISTS_PASSES, userexists);
        PROBES_OF.put(Mutation.INVALID_USERNAME_ACCEPTED, List.of("invaliduser-hash", "invaliduser-at", "invaliduser-ip"));
        PROBES_OF.put(Mutation.REJECTION_CREATES_ACCOUNT, List.of());
    }

    @Test
    void aReadOnlyWikiHasAtLeastFourteenScenariosJudged() throws IOException {
        try (StubWiki stub = StubWiki.start(Setup.CAPTCHA, Mutation.NONE)) {
            Map<String, Long> before = stub.userIds();
            Run run = run("read-only-conforming", stub);
            assertThat(stub.userIds()).as("the stub's accounts after a read-only run").isEqualTo(before);
            assertThat(run.exit).as("exit code; %s", run).isEqualTo(Main.OK);
            Map<String, String> judged = new LinkedHashMap<>(run.outcomes);
            judged.values().removeIf(o -> o.equals("not-applicable"));
            assertThat(judged).as("scenarios judged on a read-only wiki; %s", run).hasSizeGreaterThanOrEqualTo(AT_LEAST_JUDGED)
                    .allSatisfy((id, outcome) -> assertThat(outcome).as(id).isEqualTo("passed"));
            PROBES_OF.values().stream().flatMap(List::stream).forEach(probe ->
                    assertThat(judged).as("probes judged on a read-only wiki").containsKey(probe));
            System.out.println("SafeProbeIT: " + judged.size() + " scenarios judged on a read-only wiki: " + judged.keySet());
            // The run says what it cost the wiki; name refusals were judged by GET, without a single POST.
            JsonNode posts = run.deployment.path("posts");
            assertThat(posts.isObject()).as("posts in results.json; %s", run).isTrue();
            int total = 0;
            for (JsonNode n : posts) {
                total += n.asInt();
            }
            assertThat(run.console).contains("read-only: " + total + " POST request");
            for (String byName : List.of("invaliduser-hash", "invaliduser-at", "invaliduser-ip", "userexists")) {
                JsonNode evidence = run.evidence(byName);
                List<String> methods = new java.util.ArrayList<>();
                evidence.path("exchanges").forEach(e -> methods.add(e.path("method").asText() + " " + e.path("form").path("action").asText()
                        + " " + e.path("form").path("usprop").asText()));
                assertThat(methods).as("%s's requests", byName).noneMatch(m -> m.startsWith("POST"))
                        .anyMatch(m -> m.equals("GET query cancreate"));
            }
            // Whatever could create an account stays not applicable there.
            run.outcomes.forEach((id, outcome) -> {
                JsonNode tags = run.result(id).path("tags");
                boolean writes = false;
                for (JsonNode tag : tags) {
                    writes |= tag.asText().equals("@creates-account") || tag.asText().equals("@may-create-account");
                }
                if (writes) {
                    // Not applicable: for being a write on a read-only wiki, or for a need the stub does not meet first.
                    assertThat(outcome).as(id).isEqualTo("not-applicable");
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Mutation.class, names = {"ACCEPTS_FORGED_TOKEN", "MISSING_TOKEN_ACCEPTED", "TOKEN_IN_QUERY_ACCEPTED",
            "ACCEPTS_GET", "MISSINGPARAM_IGNORED", "RELATIVE_RETURNURL_ACCEPTED", "USEREXISTS_UNCHECKED", "USEREXISTS_PASSES",
            "INVALID_USERNAME_ACCEPTED", "REJECTION_CREATES_ACCOUNT"})
    void aMissingRejectionIsRedAndCreatesNoAccount(Mutation defect) throws IOException {
        try (StubWiki stub = StubWiki.start(Setup.VANILLA, defect)) {
            Map<String, Long> before = stub.userIds();
            Run run = run("read-only-" + defect.slug(), stub);
            assertThat(stub.userIds()).as("the stub's accounts (name to id) before and after, under %s; %s", defect, run)
                    .isEqualTo(before);
            for (String probe : PROBES_OF.get(defect)) {
                assertThat(run.outcomes.get(probe)).as("%s under %s (%s); %s", probe, defect,
                        run.result(probe) == null ? "no result" : run.result(probe).path("reason").asText(), run).isEqualTo("failed");
            }
            if (!PROBES_OF.get(defect).isEmpty()) {
                assertThat(run.exit).as("exit code; %s", run).isEqualTo(Main.UNEXPECTED_RESULT);
            }
        }
    }

    private record Run(String name, int exit, String console, Map<String, String> outcomes, JsonNode deployment, Path folder) {
        JsonNode evidence(String id) {
            try {
                return JSON.readTree(folder.resolve(result(id).path("evidence").asText()).toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        JsonNode result(String id) {
            for (JsonNode r : deployment.path("results")) {
                if (id.equals(r.path("id").asText())) {
                    return r;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return name + " exited " + exit + ":\n" + console;
        }
    }

    /** The harness against the stub, declared read-only (no writable: in its file), every scenario. */
    private static Run run(String name, StubWiki stub) throws IOException {
        Path dir = HOME.resolve("target").resolve("safe-probe-it").resolve(name);
        Files.createDirectories(dir);
        Path env = dir.resolve(name + ".yml");
        Files.writeString(env, "name: " + name + "\ndescription: StubWiki declared read-only, tests the harness\napi: " + stub.api() + "\n");
        Path reports = dir.resolve("reports");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        String previous = System.getProperty("mwconform.allureHome");
        System.setProperty("mwconform.allureHome", dir.resolve("no-allure").toString());
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            exit = Main.run(List.of("run", "--env", env.toString(), "--reports", reports.toString()), o, o);
        } finally {
            if (previous == null) {
                System.clearProperty("mwconform.allureHome");
            } else {
                System.setProperty("mwconform.allureHome", previous);
            }
        }
        JsonNode deployment = JSON.readTree(reports.resolve("latest").resolve("results.json").toFile()).path("deployments").path(0);
        Map<String, String> outcomes = new LinkedHashMap<>();
        deployment.path("results").forEach(r -> outcomes.put(r.path("id").asText(), r.path("outcome").asText()));
        return new Run(name, exit, out.toString(StandardCharsets.UTF_8), outcomes, deployment,
                reports.resolve("latest").toRealPath());
    }
}
