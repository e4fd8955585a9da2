package org.mwconform.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.mwconform.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios the stub wiki cannot serve (throttle, creator, closed and disabled wikis, blocks) proven able
 * to fail: {@code mwconform mutate} runs them through a fault-injecting proxy in front of the real local
 * wikis, and each must be turned red by the mutant aimed at it, at the named condition. With
 * {@link MutationIT}, every scenario of {@code features/} has a mutant that kills it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyMutationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();

    /** A kill this IT expects: the mutant, the scenario it must turn red, and the condition that must fail there. */
    record Kill(String mutant, String scenario, String condition) {
    }

    /** One mutate run: a local deployment, the scenarios it selects, and the kills expected from its mutants. */
    record Campaign(String deployment, String tags, List<Kill> kills) {
        List<String> mutants() {
            return kills.stream().map(Kill::mutant).distinct().toList();
        }
    }

    private static final List<Campaign> CAMPAIGNS = List.of(
            new Campaign("local-throttled", "@needs:throttle", List.of(
                    new Kill("messagecode-renamed", "throttle-hit", "createaccount.messagecode"),
                    new Kill("messagecode-renamed", "throttle-counts-failed-attempts", "createaccount.messagecode"),
                    new Kill("messagecode-renamed", "throttle-ignores-userexists", "createaccount.messagecode"),
                    new Kill("raw-params-dropped", "throttle-message", "createaccount.throttle-message"))),
            new Campaign("local-closed", "@needs:creator or @needs:anonymous-creation-forbidden", List.of(
                    new Kill("log-comment-dropped", "for-someone-else-reason", "logevents.newusers-create2"),
                    new Kill("log-comment-dropped", "for-someone-else-mailpassword", "logevents.newusers-byemail"),
                    new Kill("log-comment-invented", "for-someone-else-no-reason", "logevents.newusers-create2"),
                    new Kill("fail-as-pass", "noemailcreate", "createaccount.status"),
                    new Kill("fail-as-pass", "anonymous-creation-forbidden", "createaccount.status"))),
            new Campaign("local-disabled", "@needs:module-disabled", List.of(
                    new Kill("error-code-renamed", "module-disabled", "api.error-code"))),
            new Campaign("local-captcha", "@needs:creator-skips-captcha", List.of(
                    new Kill("captcha-for-everyone", "captcha-skipped-by-right", "authmanagerinfo.captcha-skipped"))),
            new Campaign("local-vanilla", "@needs:blocker", List.of(
                    new Kill("messagecode-renamed", "blocked-address", "createaccount.messagecode"),
                    new Kill("html-as-wikitext", "message-format-html", "createaccount.message-format"),
                    new Kill("wikitext-as-html", "message-format-wikitext", "createaccount.message-format"),
                    new Kill("default-format-html", "message-format-default", "createaccount.message-format"))),
            new Campaign("local-wikimedia", "@needs:title-blacklist or @needs:abuse-filter", List.of(
                    new Kill("messagecode-renamed", "titleblacklist-forbidden", "createaccount.messagecode"),
                    new Kill("messagecode-renamed", "abusefilter-disallowed", "createaccount.messagecode"))),
            new Campaign("local-temp-1.43", "@needs:temporary-accounts or @needs:temporary-account-names", List.of(
                    new Kill("temp-patterns-dropped", "temp-siteinfo", "siteinfo.temporary-accounts"),
                    new Kill("cancreate-granted", "temp-reserved-cancreate", "users.cancreate-refused"),
                    new Kill("messagecode-renamed", "temp-reserved-createaccount", "createaccount.messagecode"),
                    new Kill("tempusercreated-dropped", "temp-user-by-edit", "edit.temp-user-created"),
                    new Kill("userinfo-temp-dropped", "temp-user-by-edit", "userinfo.temp-user"),
                    new Kill("ami-account-blanked", "temp-user-authmanagerinfo", "authmanagerinfo.temp-user-account"),
                    new Kill("userinfo-anon-dropped", "temp-user-creates-account", "userinfo.anonymous"),
                    new Kill("edit-error-renamed", "temp-account-throttle", "edit.temp-account-throttle"))));

    private final Map<Campaign, JsonNode> tables = new LinkedHashMap<>();
    private final Map<Campaign, String> consoles = new LinkedHashMap<>();

    @BeforeAll
    void runCampaigns() throws Exception {
        Path reports = Files.createDirectories(HOME.resolve("target").resolve("proxy-mutation-it"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<Campaign, CompletableFuture<JsonNode>> runs = new LinkedHashMap<>();
            for (Campaign c : CAMPAIGNS) {
                runs.put(c, CompletableFuture.supplyAsync(() -> mutate(c, reports), pool));
            }
            for (Map.Entry<Campaign, CompletableFuture<JsonNode>> e : runs.entrySet()) {
                tables.put(e.getKey(), e.getValue().get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private JsonNode mutate(Campaign c, Path reports) {
        List<String> args = new ArrayList<>(List.of("mutate", "--env", HOME.resolve("environments/" + c.deployment() + ".yml").toString(),
                "--tags", c.tags(), "--patience", "2", "--parallel", "2", "--reports", reports.resolve(c.deployment()).toString()));
        c.mutants().forEach(m -> args.addAll(List.of("--mutant", m)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        String console = out.toString(StandardCharsets.UTF_8);
        synchronized (consoles) {
            consoles.put(c, console);
        }
        System.out.print(console);
        try (Stream<Path> files = Files.walk(reports.resolve(c.deployment()))) {
            Path newest = files.filter(p -> p.getFileName().toString().equals("mutation.json"))
                    .max((a, b) -> a.getParent().getFileName().toString().compareTo(b.getParent().getFileName().toString()))
                    .orElseThrow(() -> new AssertionError("no mutation.json for " + c.deployment() + ":\n" + console));
            return JSON.readTree(newest.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each mutant, killed at the scenario it is aimed at, with the named condition failing there. */
    @TestFactory
    Stream<DynamicTest> eachScenarioIsTurnedRedAtItsConditionByTheMutantAimedAtIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Campaign c : CAMPAIGNS) {
            for (Kill k : c.kills()) {
                tests.add(DynamicTest.dynamicTest(c.deployment() + " " + k.mutant() + " kills " + k.scenario(), () -> {
                    JsonNode table = tables.get(c);
                    assertThat(table.path("baseline").path("failed").asInt() + table.path("baseline").path("error").asInt())
                            .as("baseline of %s:%n%s", c.deployment(), consoles.get(c)).isZero();
                    JsonNode verdict = null;
                    for (JsonNode v : table.path("mutants")) {
                        if (v.path("mutant").asText().equals(k.mutant())) {
                            verdict = v;
                        }
                    }
                    assertThat(verdict).as("verdict of %s on %s", k.mutant(), c.deployment()).isNotNull();
                    List<String> killedBy = new ArrayList<>();
                    verdict.path("killedBy").forEach(n -> killedBy.add(n.asText()));
                    assertThat(killedBy).as("%s on %s:%n%s", k.mutant(), c.deployment(), consoles.get(c))
                            .contains(k.scenario() + " @ " + k.condition());
                }));
            }
        }
        return tests.stream();
    }

    /** The stub serves every scenario but those listed in MutationIT; these campaigns must cover exactly the rest. */
    @Test
    void withTheStubEveryScenarioHasAMutant() {
        Set<String> all = FeatureScenarios.load(HOME.resolve("features")).ids();
        Set<String> here = CAMPAIGNS.stream().flatMap(c -> c.kills().stream()).map(Kill::scenario).collect(Collectors.toSet());
        Set<String> stub = new HashSet<>(all);
        stub.removeAll(MutationIT.notServedByTheStub());
        assertThat(here).as("scenarios killed through the proxy").containsExactlyInAnyOrderElementsOf(MutationIT.notServedByTheStub());
        Set<String> covered = new HashSet<>(stub);
        covered.addAll(here);
        assertThat(covered).as("scenarios with a mutant").containsExactlyInAnyOrderElementsOf(all);
    }
}
