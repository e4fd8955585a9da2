package org.mwconform.probes;

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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not applicable is not passed: a read-only CI job runs {@code --tags @safe-probe} against a wiki that then loses the
 * anonymous {@code createaccount} right. Its scenarios turn not applicable, which alone would leave the run green; against
 * the previous run of the same tags it is a regression: the second run exits 1, and so does
 * {@code diff --fail-on-regression}. With {@code expect.applicable.anonymousCreation} declared, even a first run fails.
 */
class ApplicabilityRegressionIT {
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();

    @Test
    void aWikiThatLosesAnonymousCreationBetweenTwoRunsOfTheSameTagsFailsTheSecond() throws Exception {
        try (StubWiki stub = StubWiki.start(Setup.VANILLA, Mutation.NONE)) {
            Path dir = HOME.resolve("target").resolve("applicability-regression-it");
            deleteTree(dir);
            Files.createDirectories(dir);
            Path env = dir.resolve("stub-ci.yml");
            Files.writeString(env, "name: stub-ci\ndescription: StubWiki declared read-only, as a CI job's production target\napi: "
                    + stub.api() + "\n");
            Path reports = dir.resolve("reports");

            Result first = mwconform(dir, "run", "--env", env.toString(), "--tags", "@safe-probe", "--reports", reports.toString());
            assertThat(first.exit).as(first.console).isEqualTo(Main.OK);
            Path firstRun = reports.resolve("latest").toRealPath();

            stub.anonymousCreation(false);
            Result second = mwconform(dir, "run", "--env", env.toString(), "--tags", "@safe-probe", "--reports", reports.toString());
            assertThat(second.exit).as(second.console).isEqualTo(Main.UNEXPECTED_RESULT);
            assertThat(second.console).contains("regression: ").contains("are not applicable now").contains("anonymous-creation");
            Path secondRun = reports.resolve("latest").toRealPath();
            assertThat(secondRun).isNotEqualTo(firstRun);
            assertThat(Files.readString(secondRun.resolve("results.json"))).contains("\"regressions\"");

            Result diff = mwconform(dir, "diff", "--fail-on-regression", firstRun.toString(), secondRun.toString());
            assertThat(diff.exit).as(diff.console).isEqualTo(Main.UNEXPECTED_RESULT);
            assertThat(diff.console).contains("passed -> not-applicable");

            // Declared, it fails without any baseline: a fresh reports folder, the right still gone.
            Path declared = dir.resolve("stub-ci-declared.yml");
            Files.writeString(declared, Files.readString(env).replace("name: stub-ci", "name: stub-ci-declared")
                    + "expect:\n  applicable:\n    anonymousCreation: true\n");
            Result fresh = mwconform(dir, "run", "--env", declared.toString(), "--tags", "@safe-probe", "--reports",
                    dir.resolve("fresh-reports").toString());
            assertThat(fresh.exit).as(fresh.console).isEqualTo(Main.UNEXPECTED_RESULT);
            assertThat(fresh.console).contains("regression: the environment file declares expect.applicable.anonymous-creation");
        }
    }

    private record Result(int exit, String console) {
    }

    private static Result mwconform(Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String previous = System.getProperty("mwconform.allureHome");
        System.setProperty("mwconform.allureHome", dir.resolve("no-allure").toString());
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int exit = Main.run(new ArrayList<>(List.of(args)), o, o);
            return new Result(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            if (previous == null) {
                System.clearProperty("mwconform.allureHome");
            } else {
                System.setProperty("mwconform.allureHome", previous);
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
