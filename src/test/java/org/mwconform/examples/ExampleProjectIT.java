package org.mwconform.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mwconform.cli.Main;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.deployments.LocalProvisioner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
    /** The example's preferred port, held as another checkout's wiki would hold it (when nobody else does). */
    private ServerSocket otherHolder;

    @org.junit.jupiter.api.AfterAll
    void releaseThePort() throws IOException {
        if (otherHolder != null) {
            otherHolder.close();
        }
    }

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

    /**
     * Also when another checkout (or program) holds the port the example's environment file prefers (8411): the run
     * serves this checkout's wiki on a free port, records it, and the example's {@code mvn test} reads that record, before
     * and after the other holder goes away; once this checkout's wiki stops, the file's port is the one used again.
     */
    @Test
    void itsScenariosPassBothWaysWithTheSameOutcomes() throws Exception {
        Path environment = example.resolve("environments/accept-terms.yml");
        int preferred = new DeploymentLoader().preferredPort(environment);
        stopThisCheckoutsWiki(environment);
        otherHolder = holdIfFree(preferred);
        long t = System.nanoTime();
        Path runReports = work.resolve("run");
        Result run = harness("run", "--project", example.toString(), "--reports", runReports.toString());
        seconds.put("mwconform run --project (wiki up, core + example)", since(t));
        assertThat(run.exit).as(run.console).isEqualTo(Main.OK);
        assertThat(run.console).contains("local-accept-terms: port " + preferred + " is held by ");
        int served = new DeploymentLoader().load(environment).api().getPort();
        assertThat(served).isNotEqualTo(preferred);

        Path messages = example.resolve("target/mwconform/messages.ndjson");
        Files.deleteIfExists(messages);
        t = System.nanoTime();
        maven(example, "test");  // reads the port its wiki was recorded with, as every path does
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

        // The example's scenarios are the extension's: under "accept-terms" in results.json, the console, the matrix and Allure.
        JsonNode deployment = JSON.readTree(runReports.resolve("latest/results.json").toFile()).path("deployments").path(0);
        for (JsonNode r : deployment.path("results")) {
            assertThat(r.path("extension").asText(null)).as(r.path("id").asText())
                    .isEqualTo(OWN.contains(r.path("id").asText()) ? "accept-terms" : null);
        }
        assertThat(deployment.path("byExtension").path("accept-terms").path("passed").asInt()).isEqualTo(OWN.size());
        assertThat(run.console).contains("; extension accept-terms: 3 passed, 0 known deviations, 0 not applicable, 0 failed");
        String matrix = Files.readString(runReports.resolve("latest/index.html"));
        assertThat(matrix).contains("<tr class=\"extension-row\" data-extension=\"accept-terms\">");
        assertThat(matrix.indexOf("data-extension=\"accept-terms\"><th")).as("the extension's section comes after the core's features")
                .isGreaterThan(matrix.indexOf("data-key=\"create-account-pass\""));
        assertThat(allureSuites(runReports.resolve("latest/deployments/local-accept-terms/allure-results"), OWN))
                .containsOnly("extension accept-terms");
        // Nothing in the project points into a harness checkout: the reviewed deviations come from the jar by name.
        for (String file : List.of("mwconform.yml", "environments/accept-terms.yml", "environments/accept-terms.expectations.yml")) {
            assertThat(Files.readString(example.resolve(file))).as(file).doesNotContain("../../");
        }

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

        // The other holder goes away: the example's next mvn test still reaches this checkout's wiki where it runs.
        if (otherHolder != null) {
            otherHolder.close();
            otherHolder = null;
        }
        Files.deleteIfExists(messages);
        t = System.nanoTime();
        maven(example, "test");
        seconds.put("mvn test (the example), again", since(t));
        Result again = harness("report", messages.toString(), "--env", environment.toString(), "--reports", work.resolve("again").toString());
        assertThat(again.exit).as(again.console).isEqualTo(Main.OK);
        assertThat(outcomes(work.resolve("again"))).isEqualTo(byRun);

        // No port sticks: with this checkout's wiki stopped, the file's port is where the next start goes.
        stopThisCheckoutsWiki(environment);
        assertThat(new DeploymentLoader().load(environment).api().getPort()).isEqualTo(preferred);
        System.out.println("ExampleProjectIT seconds: " + seconds);
    }

    private void stopThisCheckoutsWiki(Path environment) {
        LocalProvisioner provisioner = new LocalProvisioner(home);
        provisioner.engine().down(List.of(provisioner.wiki(new DeploymentLoader().load(environment))));
    }

    /** Holds the port, as another checkout's wiki would, unless someone already does; null then. */
    private static ServerSocket holdIfFree(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return socket;
        } catch (IOException e) {
            return null;  // held already (another checkout's example wiki, most likely)
        }
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

    /** The Allure suite labels of the results whose scenario ids are {@code ids}. */
    private static List<String> allureSuites(Path folder, List<String> ids) throws IOException {
        List<String> suites = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode r = JSON.readTree(f.toFile());
                boolean own = false;
                String suite = null;
                for (JsonNode l : r.path("labels")) {
                    own |= "tag".equals(l.path("name").asText()) && ids.stream().anyMatch(id -> ("@id:" + id).equals(l.path("value").asText()));
                    suite = "suite".equals(l.path("name").asText()) ? l.path("value").asText() : suite;
                }
                if (own) {
                    suites.add(suite);
                }
            }
        }
        assertThat(suites).hasSize(ids.size());
        return suites;
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
