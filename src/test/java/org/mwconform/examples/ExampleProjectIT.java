package org.mwconform.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mwconform.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/accept-terms, built and run the two ways an extension developer would: {@code mwconform run} with its
 * project file (features, glue and classes from the example, the wiki with its extension started from its
 * environment file), and {@code mvn test} followed by {@code mwconform report}. Both must be green and give the
 * same outcome for every scenario. The example's own requirement, on a wiki without the extension, must make
 * its scenarios not applicable with the wiki's evidence.
 *
 * <p>This build's jar is installed into a private local repository in front of the usual one (Maven's
 * {@code maven.repo.local.tail}), so the example resolves it offline and nothing outside target/ changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleProjectIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OWN = List.of("accept-terms-announced", "accept-terms-refused", "accept-terms-accepted");

    private final Path home = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
    private final Path example = home.resolve("examples/accept-terms");
    private Path work;
    private Path repository;
    private final Map<String, Double> seconds = new TreeMap<>();

    @BeforeAll
    void buildTheExample() throws Exception {
        work = Files.createTempDirectory(Files.createDirectories(home.resolve("target")), "it-example-");
        repository = work.resolve("repository");
        long t = System.nanoTime();
        maven(home, "org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file",
                "-Dfile=" + System.getProperty("mwconform.jar"), "-DpomFile=" + home.resolve(".flattened-pom.xml"));
        seconds.put("install this build's jar", since(t));
        t = System.nanoTime();
        maven(example, "test-compile");
        seconds.put("mvn test-compile (the example)", since(t));
    }

    @Test
    void itsScenariosPassBothWaysWithTheSameOutcomes() throws Exception {
        long t = System.nanoTime();
        Path runReports = work.resolve("run");
        Result run = harness("run", "--project", example.toString(), "--reports", runReports.toString());
        seconds.put("mwconform run --project (wiki up, core + example)", since(t));
        assertThat(run.exit).as(run.console).isEqualTo(Main.OK);

        Path messages = example.resolve("target/mwconform/messages.ndjson");
        Files.deleteIfExists(messages);
        t = System.nanoTime();
        maven(example, "test");
        seconds.put("mvn test (the example)", since(t));
        assertThat(messages).exists();
        t = System.nanoTime();
        Path reportReports = work.resolve("report");
        Result report = harness("report", messages.toString(), "--env", example.resolve("environments/accept-terms.yml").toString(),
                "--reports", reportReports.toString());
        seconds.put("mwconform report", since(t));
        assertThat(report.exit).as(report.console).isEqualTo(Main.OK);

        Map<String, String> byRun = outcomes(runReports);
        Map<String, String> byReport = outcomes(reportReports);
        assertThat(byReport).as("mvn test + report against run").isEqualTo(byRun);
        OWN.forEach(id -> assertThat(byRun).containsEntry(id, "passed"));
        assertThat(byRun).as("the core contract ran too, its reviewed deviations included")
                .containsEntry("create-account-pass", "passed").containsEntry("notoken", "known-deviation");
        assertThat(byRun.size()).isGreaterThan(40);

        // The third report agrees as well: each known deviation is "skipped" in Allure, in its category, both ways.
        for (Path reports : List.of(runReports, reportReports)) {
            Path allure = reports.resolve("latest/deployments/local-accept-terms/allure-results");
            List<String> deviations = new ArrayList<>();
            try (Stream<Path> files = Files.list(allure)) {
                for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                    JsonNode r = JSON.readTree(f.toFile());
                    if (r.path("statusDetails").path("message").asText().startsWith("known-deviation")) {
                        assertThat(r.path("status").asText()).isEqualTo("skipped");
                        deviations.add(r.path("name").asText());
                    }
                }
            }
            assertThat(deviations).hasSize((int) byRun.values().stream().filter("known-deviation"::equals).count());
            assertThat(Files.readString(reports.resolve("latest/junit.xml"))).contains("type=\"known-deviation\"");
        }
        System.out.println("ExampleProjectIT seconds: " + seconds);
    }

    @Test
    void anExtensionRequirementTheWikiDoesNotMeetIsNotApplicableWithItsEvidence() throws Exception {
        Path reports = work.resolve("vanilla");
        Result run = harness("run", "--env", home.resolve("environments/local-vanilla.yml").toString(),
                "--features", example.resolve("src/test/resources/features").toString(), "--glue", "org.example.acceptterms",
                "--classpath", example.resolve("target/test-classes").toString(), "--reports", reports.toString());
        assertThat(run.exit).as(run.console).isEqualTo(Main.OK);
        JsonNode results = JSON.readTree(reports.resolve("latest/results.json").toFile()).path("deployments").path(0).path("results");
        assertThat(results).hasSize(OWN.size());
        for (JsonNode r : results) {
            assertThat(r.path("outcome").asText()).as(r.toString()).isEqualTo("not-applicable");
            // The reason names the requirement by its tag, as every requirement's does (a declaration in expect.applicable matches it).
            assertThat(r.path("reason").asText())
                    .isEqualTo("@needs:terms-of-use: authmanagerinfo announces no AcceptTermsAuthenticationRequest for account creation");
        }
    }

    private static Map<String, String> outcomes(Path reports) throws IOException {
        Map<String, String> outcomes = new TreeMap<>();
        for (JsonNode r : JSON.readTree(reports.resolve("latest/results.json").toFile()).path("deployments").path(0).path("results")) {
            outcomes.put(r.path("id").asText(), r.path("outcome").asText());
        }
        return outcomes;
    }

    private record Result(int exit, String console) {
    }

    private Result harness(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        String console = out.toString(StandardCharsets.UTF_8);
        System.out.print(console);
        return new Result(exit, console);
    }

    /** The project's own Maven wrapper, offline, with this build's jar in a private repository in front of the usual one. */
    private void maven(Path dir, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("mvnw").toString(), "-o", "-B", "-ntp", "-q",
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + System.getProperty("mwconform.localRepository")));
        command.addAll(List.of(goals));
        Path log = work.resolve("maven-" + goals[goals.length - 1].replaceAll("\\W", "_") + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("maven " + String.join(" ", goals)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", goals) + ": " + Files.readString(log)).isZero();
    }

    private static double since(long start) {
        return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
    }
}
