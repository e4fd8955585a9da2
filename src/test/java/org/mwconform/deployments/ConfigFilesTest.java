package org.mwconform.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.cli.Main;
import org.mwconform.expectations.Expectations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Bad environment and expectations files: each one line with exit 2, before any request. */
class ConfigFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath();
    @TempDir
    Path dir;
    private final DeploymentLoader loader = new DeploymentLoader();

    private Path env(String yaml) throws IOException {
        return Files.writeString(dir.resolve("e.yml"), "name: e\napi: http://127.0.0.1:1/api.php\n" + yaml);
    }

    private String problem(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of("run", "--env", file.toString(), "--reports", dir.resolve("reports").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String line = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(line).isEqualTo(Main.USAGE_ERROR);
        assertThat(line.strip()).as("one line").doesNotContain("\n").startsWith("mwconform: ");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("nothing ran").isEmpty();
        return line.strip();
    }

    @Test
    void booleansAreTrueOrFalseOnly() throws IOException {
        assertThat(problem(env("writable: yes\n"))).endsWith("writable: expected true or false, got the text 'yes'");
        assertThat(problem(env("writable: 1\n"))).endsWith("writable: expected true or false, got a number (1)");
        assertThat(problem(env("writable: \"true\"\n"))).contains("writable: expected true or false");
    }

    @Test
    void aDuplicateKeyIsRejected() throws IOException {
        assertThat(problem(env("writable: false\nwritable: true\n"))).contains("duplicate key 'writable'").contains("line 4");
    }

    @Test
    void anUnknownKeyGetsASuggestion() throws IOException {
        assertThat(problem(env("writeable: true\n"))).contains("unknown key 'writeable'; did you mean 'writable'?");
        assertThat(problem(env("capabilities:\n  captha: {answers: {}}\n")))
                .contains("unknown key 'capabilities.captha'; did you mean 'captcha'?");
        assertThat(problem(env("client:\n  requestTimeout: 3\n"))).contains("did you mean 'requestTimeoutSeconds'?");
    }

    @Test
    void aTypeErrorNamesTheKeyNotAJavaClass() throws IOException {
        String line = problem(env("credentials: [A, B]\n"));
        assertThat(line).contains("credentials: expected a mapping").doesNotContain("java.").doesNotContain("LinkedHashMap");
        assertThat(problem(env("client:\n  requestTimeoutSeconds: soon\n")))
                .contains("client.requestTimeoutSeconds: expected a whole number of at least 1, got the text 'soon'");
    }

    @Test
    void captchaAnswersOfTheWrongType() throws IOException {
        assertThat(problem(env("capabilities:\n  captcha:\n    answers: [four, five]\n")))
                .contains("capabilities.captcha.answers: expected a mapping {key: value}, got a list");
        assertThat(problem(env("capabilities:\n  captcha:\n    answers:\n      q: {nested: x}\n")))
                .contains("capabilities.captcha.answers.q: expected text, got a mapping");
    }

    @Test
    void aLocalBlockForAnUnknownDeployment() throws IOException {
        assertThat(problem(env("local:\n  settings: nosuchwiki\n"))).contains("local.settings: no local deployment 'nosuchwiki'");
    }

    @Test
    void aFifoIsNotReadAndDoesNotHang() throws Exception {
        Path fifo = dir.resolve("fifo.yml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mkfifo.waitFor()).isZero();
        assertThat(problem(fifo)).contains("not a regular file");
    }

    @Test
    void devZeroIsNotReadToTheEnd() {
        assertThat(problem(Path.of("/dev/zero"))).contains("/dev/zero: not a regular file");
    }

    @Test
    void aFolderAndAHugeFileAreRejected() throws IOException {
        assertThat(problem(dir)).contains("is a folder");
        Path huge = dir.resolve("huge.yml");
        Files.write(huge, new byte[(int) ConfigFiles.MAX_BYTES + 1]);
        assertThat(problem(huge)).contains("larger than the " + ConfigFiles.MAX_BYTES + " bytes");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root reads everything").isNotEqualTo("root");
        Path file = env("");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
        assertThat(problem(file)).contains("permission denied");
    }

    @Test
    void theExpectationsFileIsCheckedUpFrontToo() throws IOException {
        Path file = env("");
        Files.writeString(dir.resolve("e.expectations.yml"), "deviations:\n  - scenario: x\n    condition: y\n    reasn: typo\n");
        assertThat(problem(file)).contains("e.expectations.yml").contains("unknown key 'deviations[0].reasn'; did you mean 'reason'?");
        Files.writeString(dir.resolve("e.expectations.yml"), "deviations: []\ndeviations: []\n");
        assertThat(problem(file)).contains("duplicate key 'deviations'");
    }

    /** The published schemas are generated from the same shapes the checks use: regenerate with -Dmwconform.writeSchemas=true. */
    @Test
    void thePublishedJsonSchemasMatchTheChecks() throws IOException {
        check("environment.schema.json", DeploymentLoader.SHAPE, "mwconform environment file");
        check("expectations.schema.json", Expectations.SHAPE, "mwconform expectations file");
    }

    private static void check(String name, FileShape.Obj shape, String title) throws IOException {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", title);
        schema.setAll(shape.toJsonSchema());
        Path published = HOME.resolve("environments/schema").resolve(name);
        String expected = JSON.writeValueAsString(schema) + "\n";
        if (Boolean.getBoolean("mwconform.writeSchemas")) {
            Files.writeString(published, expected);
        }
        JsonNode actual = JSON.readTree(published.toFile());
        assertThat(actual).as(published + " is out of date: run the test with -Dmwconform.writeSchemas=true")
                .isEqualTo(JSON.readTree(expected));
    }
}
