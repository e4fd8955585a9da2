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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real thing: ./mwconform run against the six local deployments (real MediaWiki 1.39 wikis the
 * project starts), one dynamic test per scenario and deployment, checks that each not-applicable cell
 * rests on the right evidence, and a scan of everything the run wrote for leaked secrets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalDeploymentsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOCAL = List.of("local-vanilla", "local-captcha", "local-throttled", "local-closed", "local-disabled",
            "local-oidc-2fa");
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32,}\\+(\\\\|%5C)");
    private static final Pattern UNMASKED_PASSWORD = Pattern.compile("\"(password|retype|captchaWord|secret)\"\\s*:\\s*\"(?!••••••)[^\"]+\"");

    private Path reports;
    private int exitCode;
    private String console;
    private final Map<String, JsonNode> deployments = new LinkedHashMap<>();

    @BeforeAll
    void runOnce() throws IOException {
        Path home = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath();
        reports = Files.createTempDirectory(home.resolve("target"), "it-reports-");
        List<String> args = new ArrayList<>(List.of("run", "--reports", reports.toString()));
        LOCAL.forEach(name -> args.addAll(List.of("--env", home.resolve("environments/" + name + ".yml").toString())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exitCode = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        console = out.toString(StandardCharsets.UTF_8);
        System.out.print(console);
        for (JsonNode d : JSON.readTree(reports.resolve("latest/results.json").toFile()).path("deployments")) {
            deployments.put(d.path("name").asText(), d);
        }
    }

    @Test
    void theRunEndsGreenOnTheRealWikis() {
        assertThat(exitCode).as(console).isEqualTo(Main.OK);
        assertThat(deployments.keySet()).containsExactlyInAnyOrderElementsOf(LOCAL);
        deployments.values().forEach(d -> {
            assertThat(d.path("mediawikiVersion").asText()).startsWith("1.39.");
            assertThat(d.path("results").size()).isGreaterThanOrEqualTo(13);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyCellIsAPassAReviewedDeviationOrNotApplicableWithEvidence() {
        List<DynamicTest> tests = new ArrayList<>();
        deployments.forEach((name, d) -> {
            for (JsonNode r : d.path("results")) {
                tests.add(DynamicTest.dynamicTest(name + " " + r.path("id").asText(), () -> {
                    assertThat(r.path("outcome").asText()).as(r.path("reason").asText())
                            .isIn("passed", "known-deviation", "not-applicable");
                    if (r.path("outcome").asText().equals("not-applicable")) {
                        assertThat(r.path("reason").asText()).as("evidence").isNotBlank();
                    }
                }));
            }
        });
        return tests.stream();
    }

    private static final String THROTTLE_UNDECLARED = "declares no capabilities.accountCreationThrottle";
    private static final String NO_THIRD_PARTY = "announces no redirecting or UI-producing provider";

    /** Each deployment's not-applicable cells, and the evidence each may rest on: nothing else. */
    private static final Map<String, List<String>> EVIDENCE = Map.of(
            "local-vanilla", List.of("announces no CaptchaAuthenticationRequest", "not ApiDisabled", "may create accounts here", THROTTLE_UNDECLARED,
                    NO_THIRD_PARTY),
            "local-throttled", List.of("announces no CaptchaAuthenticationRequest", "not ApiDisabled", "may create accounts here", NO_THIRD_PARTY),
            "local-captcha", List.of("not ApiDisabled", "may create accounts here", THROTTLE_UNDECLARED, NO_THIRD_PARTY),
            "local-oidc-2fa", List.of("not ApiDisabled", "may create accounts here", THROTTLE_UNDECLARED, "lacks 'skipcaptcha'"),
            "local-closed", List.of("lack 'createaccount'", "not ApiDisabled"),
            "local-disabled", List.of("is ApiDisabled"));

    /** The scenario that shows what makes each deployment different: it must pass there. */
    private static final Map<String, String> SIGNATURE = Map.of(
            "local-vanilla", "create-account-pass", "local-throttled", "throttle-hit", "local-captcha", "captcha-solved",
            "local-closed", "anonymous-creation-forbidden", "local-disabled", "module-disabled", "local-oidc-2fa", "example-3");

    @Test
    void notApplicableRestsOnWhatEachWikiSaysOfItself() {
        EVIDENCE.forEach((deployment, allowed) -> assertThat(reasons(deployment, "not-applicable")).as(deployment)
                .allSatisfy(reason -> assertThat(allowed).as("evidence %s", reason).anySatisfy(e -> assertThat(reason).contains(e))));
        SIGNATURE.forEach((deployment, scenario) -> assertThat(outcome(deployment, scenario)).as(deployment + " " + scenario).isEqualTo("passed"));
    }

    private String outcome(String deployment, String scenario) {
        for (JsonNode r : deployments.get(deployment).path("results")) {
            if (r.path("id").asText().equals(scenario)) {
                return r.path("outcome").asText();
            }
        }
        return "missing";
    }

    /** Every file the run wrote, HTML included, Allure's base64-encoded attachments decoded, and the console. */
    @Test
    void noSecretIsWrittenAnywhere() throws IOException {
        noSecretIn("the console", console);
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                noSecretIn(f.toString(), text);
                java.util.regex.Matcher base64 = Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}").matcher(text);
                while (base64.find()) {
                    String run = base64.group();
                    try {
                        noSecretIn(f + " (decoded base64)", new String(java.util.Base64.getDecoder()
                                .decode(run.substring(0, run.length() - run.length() % 4)), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException notBase64) {
                        // not base64 after all
                    }
                }
            }
        }
    }

    private static void noSecretIn(String where, String text) {
        assertThat(TOKEN.matcher(text).find()).as("a token in " + where).isFalse();
        assertThat(UNMASKED_PASSWORD.matcher(text).find()).as("a password in " + where).isFalse();
    }

    private List<String> reasons(String deployment, String outcome) {
        List<String> reasons = new ArrayList<>();
        deployments.get(deployment).path("results").forEach(r -> {
            if (r.path("outcome").asText().equals(outcome)) {
                reasons.add(r.path("reason").asText());
            }
        });
        return reasons;
    }
}
