package org.mwconform.conformance;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real thing: ./mwconform run against local-vanilla (a real MediaWiki 1.39 the project starts),
 * one dynamic test per scenario, and a scan of everything the run wrote for leaked secrets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalVanillaIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32,}\\+(\\\\|%5C)");
    private static final Pattern UNMASKED_PASSWORD = Pattern.compile("\"(password|retype)\"\\s*:\\s*\"(?!••••••)[^\"]+\"");

    private Path home;
    private Path reports;
    private int exitCode;
    private String console;
    private JsonNode deployment;

    @BeforeAll
    void runOnce() throws IOException {
        home = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath();
        reports = Files.createTempDirectory(home.resolve("target"), "it-reports-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exitCode = Main.run(List.of("run", "--env", home.resolve("environments/local-vanilla.yml").toString(),
                "--reports", reports.toString()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        console = out.toString(StandardCharsets.UTF_8);
        System.out.print(console);
        deployment = JSON.readTree(reports.resolve("latest/results.json").toFile()).path("deployments").path(0);
    }

    @Test
    void theRunEndsGreenOnTheRealWiki() {
        assertThat(exitCode).as(console).isEqualTo(Main.OK);
        assertThat(deployment.path("mediawikiVersion").asText()).startsWith("1.39.");
        assertThat(deployment.path("results").size()).isGreaterThanOrEqualTo(13);
        assertThat(Files.exists(reports.resolve("latest/" + deployment.path("allureReport").asText()))).isTrue();
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPassesOrIsAReviewedDeviation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode r : deployment.path("results")) {
            tests.add(DynamicTest.dynamicTest(r.path("id").asText() + ": " + r.path("scenario").asText(), () ->
                    assertThat(r.path("outcome").asText()).as(r.path("reason").asText())
                            .isIn("passed", "known-deviation")));
        }
        return tests.stream();
    }

    @Test
    void noSecretIsWrittenAnywhere() throws IOException {
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".html")).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                assertThat(TOKEN.matcher(text).find()).as("a token in " + f).isFalse();
                assertThat(UNMASKED_PASSWORD.matcher(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).find())
                        .as("a password in " + f).isFalse();
            }
        }
    }
}
