package org.mwconform.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mwconform.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allure off the critical path: a run writes no Allure report unless asked ({@code --allure}); {@code mwconform allure}
 * writes it later for that run, and the matrix page then links it. Against the real local-vanilla.
 */
class AllureOnDemandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRunWritesAllureOnlyWhenAskedAndTheAllureCommandAddsItLater() throws Exception {
        Path home = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath();
        Path reports = Files.createTempDirectory(home.resolve("target"), "allure-it-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = Main.run(List.of("run", "--env", home.resolve("environments/local-vanilla.yml").toString(),
                "--tags", "@id:token-issued", "--reports", reports.toString()), print, System.err);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Path deployment = reports.resolve("latest/deployments/local-vanilla");
        assertThat(deployment.resolve("allure-results")).isDirectory();
        assertThat(deployment.resolve("allure")).doesNotExist();
        assertThat(JSON.readTree(reports.resolve("latest/results.json").toFile()).path("deployments").get(0).has("allureReport")).isFalse();
        assertThat(Files.readString(reports.resolve("latest/index.html"))).doesNotContain("allure/index.html");

        out.reset();
        assertThat(Main.run(List.of("allure", reports.resolve("latest").toString()), print, System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("local-vanilla: ").contains("allure/index.html");
        assertThat(deployment.resolve("allure/index.html")).isRegularFile();
        JsonNode result = JSON.readTree(reports.resolve("latest/results.json").toFile()).path("deployments").get(0);
        assertThat(result.path("allureReport").asText()).isEqualTo("deployments/local-vanilla/allure/index.html");
        assertThat(Files.readString(reports.resolve("latest/index.html"))).contains("deployments/local-vanilla/allure/index.html");
    }
}
