package org.mwconform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.mwconform.cli.Main;
import org.mwconform.features.ScenarioCatalogue;

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
 * The real thing: ./mwconform run against the local deployments (real MediaWiki 1.39 and 1.43 wikis the
 * project starts), one dynamic test per scenario and deployment, checks that each not-applicable cell
 * rests on the right evidence, and a scan of everything the run wrote for leaked secrets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalDeploymentsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOCAL = List.of("local-vanilla", "local-captcha", "local-throttled", "local-closed", "local-disabled",
            "local-oidc-2fa", "local-wikimedia", "local-strict", "local-readonly", "local-vanilla-1.43", "local-captcha-1.43",
            "local-temp-1.43", "local-hcaptcha-1.43");
    /** The bar of a read-only wiki: scenarios judged where no account may ever be created. */
    private static final int READ_ONLY_JUDGED = 14;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32,}\\+(\\\\|%5C)");
    private static final Pattern UNMASKED_PASSWORD = Pattern.compile("\"(password|retype|captchaWord|secret)\"\\s*:\\s*\"(?!••••••)[^\"]+\"");

    private Path reports;
    private int exitCode;
    private String console;
    private final Map<String, JsonNode> deployments = new LinkedHashMap<>();

    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath();

    @BeforeAll
    void runOnce() throws IOException {
        Path home = HOME;
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
        // Complete or an error: one result per scenario of features/, no more, no fewer (a short run was green before).
        List<String> ids = ScenarioCatalogue.load(HOME.resolve("features")).all().stream().map(ScenarioCatalogue.Scenario::id).toList();
        deployments.forEach((name, d) -> {
            assertThat(d.path("mediawikiVersion").asText()).as(name).startsWith(name.endsWith("-1.43") ? "1.43." : "1.39.");
            List<String> got = new ArrayList<>();
            d.path("results").forEach(r -> got.add(r.path("id").asText()));
            assertThat(got).as("results of %s", name).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(d.path("flags")).as("flags of %s", name).isEmpty();
            // The contract and what lies beyond it are counted apart, and add up.
            for (String outcome : List.of("passed", "known-deviation", "not-applicable", "failed", "error")) {
                assertThat(d.path("documented").path(outcome).asInt() + d.path("beyondDocs").path(outcome).asInt())
                        .as("%s %s", name, outcome).isEqualTo(d.path("counts").path(outcome).asInt());
            }
        });
        long judged = 0;
        for (JsonNode r : deployments.get("local-readonly").path("results")) {
            judged += r.path("outcome").asText().equals("not-applicable") ? 0 : 1;
        }
        assertThat(judged).as("scenarios judged on the read-only local-readonly").isGreaterThanOrEqualTo(READ_ONLY_JUDGED);
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
    private static final String REFUSED_UNDECLARED = "declares no capabilities.refusedUsernames";
    private static final List<String> STOCK = List.of("announces no CaptchaAuthenticationRequest", "not ApiDisabled",
            "may create accounts here", THROTTLE_UNDECLARED, REFUSED_UNDECLARED, NO_THIRD_PARTY);
    /** Siteinfo's answer on temporary accounts (siprop=autocreatetempuser): unknown on 1.39, off on a stock 1.43. */
    private static final List<String> TEMP_OFF = List.of("temporary accounts unknown to this wiki", "temporary accounts are off",
            "siteinfo names no pattern of temporary account names");
    private static final Map<String, List<String>> EVIDENCE = withTemporaryAccountsOff(Map.ofEntries(
            Map.entry("local-vanilla", STOCK),
            Map.entry("local-vanilla-1.43", STOCK),
            Map.entry("local-throttled", List.of("announces no CaptchaAuthenticationRequest", "not ApiDisabled", "may create accounts here",
                    REFUSED_UNDECLARED, NO_THIRD_PARTY)),
            Map.entry("local-strict", List.of("announces no CaptchaAuthenticationRequest", "not ApiDisabled", "may create accounts here",
                    REFUSED_UNDECLARED, NO_THIRD_PARTY)),
            Map.entry("local-captcha", List.of("not ApiDisabled", "may create accounts here", THROTTLE_UNDECLARED, REFUSED_UNDECLARED,
                    NO_THIRD_PARTY)),
            Map.entry("local-captcha-1.43", List.of("not ApiDisabled", "may create accounts here", THROTTLE_UNDECLARED, REFUSED_UNDECLARED,
                    NO_THIRD_PARTY)),
            Map.entry("local-oidc-2fa", List.of("not ApiDisabled", "may create accounts here", THROTTLE_UNDECLARED, "lacks 'skipcaptcha'",
                    REFUSED_UNDECLARED)),
            Map.entry("local-closed", List.of("lack 'createaccount'", "not ApiDisabled", REFUSED_UNDECLARED)),
            Map.entry("local-disabled", List.of("is ApiDisabled", REFUSED_UNDECLARED)),
            // The image CAPTCHA nobody here can answer, exactly as on test.wikipedia.org; the throttle is declared, not disposable.
            Map.entry("local-wikimedia", List.of("announces a image CAPTCHA", "not ApiDisabled", "may create accounts here",
                    "as disposable", "names no credentials.blocker", NO_THIRD_PARTY)),
            // Declared read-only, and given no creator: what a production wiki's file looks like.
            Map.entry("local-readonly", List.of("as writable", "announces no CaptchaAuthenticationRequest", "not ApiDisabled",
                    "may create accounts here", THROTTLE_UNDECLARED, REFUSED_UNDECLARED, "names no credentials.creator",
                    "names no credentials.blocker", NO_THIRD_PARTY)),
            Map.entry("local-hcaptcha-1.43", List.of("announces a hcaptcha CAPTCHA", "not ApiDisabled", "may create accounts here",
                    THROTTLE_UNDECLARED, REFUSED_UNDECLARED, NO_THIRD_PARTY))),
            "local-temp-1.43", STOCK);

    /** Every deployment's allowed evidence, and siteinfo's "temporary accounts off" on all but {@code temp}, which has them on. */
    private static Map<String, List<String>> withTemporaryAccountsOff(Map<String, List<String>> evidence, String temp, List<String> tempEvidence) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        evidence.forEach((name, allowed) -> {
            List<String> more = new ArrayList<>(allowed);
            more.addAll(TEMP_OFF);
            all.put(name, List.copyOf(more));
        });
        all.put(temp, tempEvidence);
        return Map.copyOf(all);
    }

    /** The scenario that shows what makes each deployment different: it must pass there. */
    private static final Map<String, List<String>> SIGNATURE = Map.ofEntries(
            Map.entry("local-vanilla", List.of("create-account-pass")), Map.entry("local-throttled", List.of("throttle-hit")),
            Map.entry("local-captcha", List.of("captcha-solved")), Map.entry("local-closed", List.of("anonymous-creation-forbidden")),
            Map.entry("local-disabled", List.of("module-disabled")), Map.entry("local-oidc-2fa", List.of("example-3")),
            Map.entry("local-wikimedia", List.of("titleblacklist-forbidden", "abusefilter-disallowed", "for-someone-else-reason")),
            Map.entry("local-strict", List.of("passwordincommonlist", "throttle-hit", "create-account-pass")),
            Map.entry("local-readonly", List.of("userexists", "invaliduser-at", "message-format-raw", "missingparam")),
            Map.entry("local-vanilla-1.43", List.of("create-account-pass")), Map.entry("local-captcha-1.43", List.of("captcha-solved")),
            Map.entry("local-temp-1.43", List.of("temp-user-by-edit", "temp-user-creates-account", "temp-reserved-cancreate", "temp-account-throttle")),
            Map.entry("local-hcaptcha-1.43", List.of("captcha-missing-unsolvable")));

    @Test
    void notApplicableRestsOnWhatEachWikiSaysOfItself() {
        EVIDENCE.forEach((deployment, allowed) -> assertThat(reasons(deployment, "not-applicable")).as(deployment)
                .allSatisfy(reason -> assertThat(allowed).as("evidence %s", reason).anySatisfy(e -> assertThat(reason).contains(e))));
        SIGNATURE.forEach((deployment, scenarios) -> scenarios.forEach(scenario ->
                assertThat(outcome(deployment, scenario)).as(deployment + " " + scenario).isEqualTo("passed")));
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
