package org.mwconform.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds a single-file Allure report (opens from file://, no server) with the Allure command line
 * unpacked by the build, offline. A missing generator costs the Allure page, never the run.
 */
public final class AllureReport {
    private final Path allureHome;

    public AllureReport(Path allureHome) {
        this.allureHome = allureHome;
    }

    /** The generated index.html, or a one-line reason why there is none. */
    public Optional<Path> generate(Path results, Path output, StringBuilder whyNot) {
        if (allureHome == null || !Files.isDirectory(allureHome.resolve("lib"))) {
            whyNot.append("Allure command line not found at ").append(allureHome).append(" (./mvnw package unpacks it)");
            return Optional.empty();
        }
        if (!Files.isDirectory(results)) {
            whyNot.append("no Allure results in ").append(results);
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(javaExecutable(), "-cp", allureHome.resolve("lib") + "/*",
                "io.qameta.allure.CommandLine", "generate", "--single-file", "--clean", "-o", output.toString(), results.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.resolveSibling("allure-generate.log").toFile());
        builder.environment().put("ALLURE_NO_ANALYTICS", "true");
        try {
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                whyNot.append("Allure generation failed: see ").append(output.resolveSibling("allure-generate.log"));
                return Optional.empty();
            }
        } catch (IOException e) {
            whyNot.append("Allure generation could not start: ").append(e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            whyNot.append("interrupted");
            return Optional.empty();
        }
        return Optional.of(output.resolve("index.html"));
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
