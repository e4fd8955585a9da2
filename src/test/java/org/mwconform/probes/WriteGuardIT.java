package org.mwconform.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mwconform.cli.Main;
import org.mwconform.stub.Mutation;
import org.mwconform.stub.Setup;
import org.mwconform.stub.StubWiki;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No configuration mistake in a feature file, the core's or an extension's, makes a read-only wiki receive an
 * account-creating request: the recording stub, declared read-only, gets the features an extension might write.
 * <ul>
 * <li>a scenario without a side-effect tag counts as a write: not applicable, and its result says why;</li>
 * <li>one tagged {@code @read-only} (or {@code @safe-probe}) whose steps create an account anyway: the transport's
 * write guard refuses the request, and the scenario is an error that names the guard;</li>
 * <li>a {@code @safe-probe} whose step takes the guard away (retype = password): refused the same way.</li>
 * </ul>
 * The stub records every request: not one {@code createaccount} reaches it, and no account appears.
 */
class WriteGuardIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();

    private static final String FEATURE = """
            @doc:example-1 @needs:anonymous-creation @needs:fillable-form
            Feature: An extension's scenarios, tagged wrongly

              @id:untagged-write
              Scenario: No side-effect tag at all
                Given I have fetched the fields and a createaccount token
                When I create an account with a fresh username and a strong password
                Then account creation passes for that username

              @id:mistagged-read-only @read-only
              Scenario: Tagged read-only, yet it creates an account
                Given I have fetched the fields and a createaccount token
                When I create an account with a fresh username and a strong password
                Then account creation passes for that username

              @id:probe-without-guard @safe-probe
              Scenario: A safe probe whose step sets the retyped password back to the password
                Given I have fetched the fields and a createaccount token
                When I create an account whose password is "ExamplePassword"
                Then account creation fails with messagecode "password-login-forbidden"
            """;

    @Test
    void aMistaggedOrUntaggedScenarioNeverReachesAReadOnlyWiki() throws Exception {
        try (StubWiki stub = StubWiki.start(Setup.VANILLA, Mutation.NONE)) {
            Map<String, Long> before = stub.userIds();
            Path dir = Files.createDirectories(HOME.resolve("target").resolve("write-guard-it"));
            Path features = Files.createDirectories(dir.resolve("features"));
            Files.writeString(features.resolve("mistagged.feature"), FEATURE);
            Path env = dir.resolve("stub-read-only.yml");
            Files.writeString(env, "name: stub-read-only\ndescription: StubWiki declared read-only\napi: " + stub.api() + "\n");
            Path reports = dir.resolve("reports");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit;
            String previous = System.getProperty("mwconform.allureHome");
            System.setProperty("mwconform.allureHome", dir.resolve("no-allure").toString());
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                exit = Main.run(List.of("run", "--env", env.toString(), "--features", features.toString(), "--reports", reports.toString()), o, o);
            } finally {
                if (previous == null) {
                    System.clearProperty("mwconform.allureHome");
                } else {
                    System.setProperty("mwconform.allureHome", previous);
                }
            }
            String console = out.toString(StandardCharsets.UTF_8);
            JsonNode deployment = JSON.readTree(reports.resolve("latest/results.json").toFile()).path("deployments").path(0);
            Map<String, JsonNode> results = new LinkedHashMap<>();
            deployment.path("results").forEach(r -> results.put(r.path("id").asText(), r));

            assertThat(stub.received()).as("what the stub received; %s", console).noneMatch(r -> r.endsWith(" createaccount"));
            assertThat(stub.userIds()).isEqualTo(before);
            assertThat(exit).as(console).isEqualTo(Main.UNEXPECTED_RESULT);

            assertThat(results.get("untagged-write").path("outcome").asText()).isEqualTo("not-applicable");
            assertThat(results.get("untagged-write").path("reason").asText()).contains("carries no side-effect tag").contains("counts as a write");
            for (String id : List.of("mistagged-read-only", "probe-without-guard")) {
                assertThat(results.get(id).path("outcome").asText()).as(id).isEqualTo("error");
                assertThat(results.get(id).path("reason").asText()).as(id)
                        .contains("refused to send action=createaccount to stub-read-only").contains("writable: true");
            }
            assertThat(results.get("probe-without-guard").path("reason").asText()).contains("lacks the probe's guard");
            assertThat(console).contains("read-only: 0 POST requests sent");
        }
    }
}
