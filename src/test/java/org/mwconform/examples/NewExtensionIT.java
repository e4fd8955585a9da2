package org.mwconform.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension author's loop, as a new user meets it: {@code mwconform new extension NoBotNames} in a folder outside
 * the harness's checkout, {@code mvn test-compile} and {@code mwconform run} there (a process of its own, started in
 * that folder) must be green, with the reports in that folder. Then each mistake an author makes is made on purpose,
 * and its one-line answer checked: a missing Given, an undefined step, a PHP parse error in the extension, a missing
 * classpath, a relative --reports.
 *
 * <p>This build's jar is installed into a private local repository in front of the usual one, as
 * {@link ExampleProjectIT} does, so the generated pom resolves the harness's coordinates offline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewExtensionIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
    private Path work;
    private Path repository;
    private Path project;

    @BeforeAll
    void installThisBuild() throws Exception {
        work = Files.createTempDirectory("mwconform-new-extension-");  // outside the checkout, as a real extension's repository is
        assertThat(work.startsWith(home)).isFalse();
        repository = work.resolve("repository");
        maven(home, "org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file",
                "-Dfile=" + System.getProperty("mwconform.jar"), "-DpomFile=" + home.resolve(".flattened-pom.xml"));
    }

    /** The wiki the project stood up is this test's: stopped, so a temporary folder leaves no server behind. */
    @org.junit.jupiter.api.AfterAll
    void stopItsWiki() throws Exception {
        if (project != null) {
            new ProcessBuilder("bash", home.resolve("environments/local/mw").toString(), "down",
                    project.resolve("environments/no-bot-names.yml").toString()).inheritIO().start().waitFor(2, TimeUnit.MINUTES);
        }
    }

    @Test
    @Order(1)
    void aNewExtensionProjectIsGreenOnItsFirstRunWithItsReportsInItsFolder() throws Exception {
        Result created = harness(work, "new", "extension", "NoBotNames");
        assertThat(created.exit).as(created.console).isZero();
        project = work.resolve("no-bot-names");
        assertThat(project.resolve("mwconform.yml")).exists();
        assertThat(Files.readString(project.resolve("pom.xml"))).contains("<artifactId>mwconform</artifactId>");
        maven(project, "test-compile");

        Result run = harness(project, "run", "--progress", "never");
        assertThat(run.exit).as(run.console).isZero();
        Path results = project.resolve("reports/latest/results.json");
        assertThat(run.console).contains("results: " + results)
                .containsPattern("local-no-bot-names \\(MediaWiki 1\\.39\\.\\d+\\): documented: \\d+ passed, 3 known deviations, .*"
                        + "; extension NoBotNames: 2 passed, 0 known deviations, 0 not applicable, 0 failed, 0 stale expectations, 0 errors");
        JsonNode report = JSON.readTree(results.toFile());
        assertThat(report.path("run").path("project").asText()).isEqualTo("no-bot-names");
        JsonNode deployment = report.path("deployments").path(0);
        assertThat(deployment.path("byExtension").path("NoBotNames").path("passed").asInt()).isEqualTo(2);
        List<String> own = new ArrayList<>();
        deployment.path("results").forEach(r -> {
            if ("NoBotNames".equals(r.path("extension").asText(null))) {
                own.add(r.path("id").asText() + "=" + r.path("outcome").asText());
            }
        });
        assertThat(own).containsExactlyInAnyOrder("no-bot-names-loaded=passed", "no-bot-names-lets-accounts-through=passed");
        // The extension's scenarios are an Allure suite of their own.
        assertThat(allureSuites(project.resolve("reports/latest/deployments/local-no-bot-names/allure-results")))
                .contains("extension NoBotNames", "documented");
    }

    @Test
    @Order(2)
    void aStepUsedBeforeItsGivenIsOneLineNamingTheStepThatMustComeFirst() throws Exception {
        Path feature = mistake("missing-given", """
                @extension:NoBotNames @needs:anonymous-creation @needs:fillable-form
                Feature: NoBotNames without its Background
                  @id:no-bot-names-no-given @creates-account
                  Scenario: An account is created without fetching the form first
                    When I create an account with a fresh username and a strong password
                    Then account creation passes for that username
                """);
        Result run = harness(project, "run", "--progress", "never", "--features", feature.toString());
        assertThat(run.exit).as(run.console).isEqualTo(2);
        assertThat(run.console.strip()).isEqualTo("mwconform: " + feature + ": scenario \"An account is created without fetching the form first\":"
                + " the step \"When I create an account with a fresh username and a strong password\" needs the fields and a createaccount"
                + " token first: put \"Given I have fetched the fields and a createaccount token\" before it (or in the feature's Background)");
    }

    @Test
    @Order(3)
    void anUndefinedStepGivesItsTextTheNearestKnownStepsAndCucumbersSnippet() throws Exception {
        Path feature = mistake("undefined", """
                @extension:NoBotNames
                Feature: NoBotNames with a typo
                  @id:no-bot-names-typo @read-only
                  Scenario: The wiki runs NoBotNames
                    Then the wiki lists the extention "NoBotNames"
                """);
        Path reports = work.resolve("reports-undefined");
        Result run = harness(project, "run", "--progress", "never", "--features", feature.toString(), "--reports", reports.toString());
        assertThat(run.exit).as(run.console).isEqualTo(1);
        JsonNode result = JSON.readTree(reports.resolve("latest/results.json").toFile()).path("deployments").path(0).path("results").path(0);
        assertThat(result.path("outcome").asText()).isEqualTo("error");
        assertThat(result.path("reason").asText())
                .startsWith("undefined step \"the wiki lists the extention \"NoBotNames\"\"; nearest known: \"the wiki lists the extension {string}\"")
                .contains("; Cucumber's snippet: @Then(\"the wiki lists the extention {string}\")");
        assertThat(run.console).contains("error: The wiki runs NoBotNames — undefined step \"the wiki lists the extention");
    }

    @Test
    @Order(4)
    void aParseErrorInTheExtensionIsTheApiErrorWithTheExceptionLogsLastEntry() throws Exception {
        Path php = project.resolve("extension/NoBotNames/includes/NoBotNamesPreAuthenticationProvider.php");
        String good = Files.readString(php);
        Files.writeString(php, good.replace("return StatusValue::newGood();", "return StatusValue::newGood()"));  // no semicolon
        try {
            Thread.sleep(3000);  // PHP's opcache looks at a changed file again after 2 s
            Result run = harness(project, "run", "--progress", "never", "--features", project.resolve("src/test/resources/features").toString(),
                    "--tags", "@read-only", "--reports", work.resolve("reports-parse-error").toString());
            assertThat(run.exit).as(run.console).isEqualTo(1);
            // One line: the API error as the wiki gave it, the file and line php -l finds, the wiki's log and its last entry.
            assertThat(run.console).containsPattern("error: The target answers the Action API — http://127\\.0\\.0\\.1:\\d+/api\\.php answered"
                    + " the preflight's read with the API error internal_api_error_ParseError \\([^)]*\\); Parse error: syntax error, [^\\n]*"
                    + " in " + java.util.regex.Pattern.quote(php.toString()) + " on line \\d+; [^\\n]*logs/exception\\.log ends: ParseError: syntax error");
        } finally {
            Files.writeString(php, good);
            Thread.sleep(3000);
        }
    }

    @Test
    @Order(5)
    void aMissingClasspathSaysWhichFolderToGive() throws Exception {
        Path other = Files.createDirectories(work.resolve("mistakes/no-classpath"));
        Files.writeString(other.resolve("mwconform.yml"), """
                features: [../../no-bot-names/src/test/resources/features]
                glue: [org.example.nobotnames]
                environments: [../../no-bot-names/environments/no-bot-names.yml]
                """);
        Result run = harness(project, "run", "--progress", "never", "--project", other.toString());
        assertThat(run.exit).as(run.console).isEqualTo(2);
        assertThat(run.console.strip()).isEqualTo("mwconform: glue org.example.nobotnames: no class of this package is on the classpath;"
                + " it is built in target/test-classes: give it with --classpath target/test-classes (or classpath: [target/test-classes] in mwconform.yml)");
    }

    @Test
    @Order(6)
    void aRelativeReportsFolderIsTheWorkingFolders() throws Exception {
        Result run = harness(project, "run", "--progress", "never", "--features", "src/test/resources/features", "--tags", "@read-only",
                "--reports", "elsewhere/reports");
        assertThat(run.exit).as(run.console).isZero();
        Path results = project.resolve("elsewhere/reports/latest/results.json");
        assertThat(results).exists();
        assertThat(run.console).contains("results: " + results);
    }

    private Path mistake(String name, String text) throws IOException {
        Path file = Files.createDirectories(work.resolve("mistakes").resolve(name)).resolve(name + ".feature");
        Files.writeString(file, text);
        return file;
    }

    private static List<String> allureSuites(Path folder) throws IOException {
        List<String> suites = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JSON.readTree(f.toFile()).path("labels").forEach(l -> {
                    if ("suite".equals(l.path("name").asText())) {
                        suites.add(l.path("value").asText());
                    }
                });
            }
        }
        return suites.stream().distinct().toList();
    }

    private record Result(int exit, String console) {
    }

    /** The harness as a user starts it: its own JVM, in {@code dir}. */
    private Result harness(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmwconform.home=" + home, "-jar", home.resolve("target/mwconform.jar").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(work, "harness-", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(15, TimeUnit.MINUTES)).as(String.join(" ", args)).isTrue();
        String console = Files.readString(log, StandardCharsets.UTF_8);
        System.out.print(console);
        return new Result(process.exitValue(), console);
    }

    private void maven(Path dir, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("mvnw").toString(), "-o", "-B", "-ntp", "-q",
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + System.getProperty("mwconform.localRepository")));
        command.addAll(List.of(goals));
        Path log = work.resolve("maven-" + goals[goals.length - 1].replaceAll("\\W", "_") + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("maven " + String.join(" ", goals)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", goals) + ": " + Files.readString(log)).isZero();
    }
}
