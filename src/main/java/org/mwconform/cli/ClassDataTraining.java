package org.mwconform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mwconform.run.*;

/**
 * Run once by the build under {@code -XX:ArchiveClassesAtExit}: loads the classes every mwconform JVM loads (the
 * command line, a run in full against a stand-in wiki, Cucumber with the features and steps, Jackson), so the
 * class-data archive lets mwconform start without parsing and verifying them again.
 * Never fails the build: a class it misses is only loaded the slow way.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {
    }

    public static void main(String[] args) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try {
            Path features = Path.of(args[0]);
            System.setProperty("mwconform.home", features.toAbsolutePath().getParent().toString());
            Path scratch = Files.createTempDirectory("mwconform-cds-");
            // The command line.
            Main.run(List.of("run", "--help"), quiet, quiet);
            Main.run(List.of("completion"), quiet, quiet);
            Main.run(List.of("wiki", "status"), quiet, quiet);  // reads the environment files and port records; starts nothing
            RunCli.parse(List.of("--tags", "@read-only and not @captcha", "--target=http://127.0.0.1:9/api.php"));
            FeatureCatalog.locate(features.getParent()).count("@read-only");
            new ObjectMapper(new YAMLFactory()).readTree("name: x\napi: http://127.0.0.1:9/api.php\n");
            // A whole run against a stand-in answering one JSON to everything: the preflight and its facts, Cucumber
            // running a scenario in this JVM, the client, the judgement and the reports.
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = ("{\"batchcomplete\":true,\"query\":{\"general\":{\"generator\":\"MediaWiki 1.39.0\",\"dbtype\":\"sqlite\"},"
                        + "\"tokens\":{\"createaccounttoken\":\"0+\\\\\"},\"userinfo\":{\"rights\":[]},\"authmanagerinfo\":{\"requests\":[]}}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api.php";
                List<String> run = List.of("run", "--target", url, "--reports", scratch.resolve("reports").toString(), "--progress",
                        "never", "--tags", "@id:token-issued or @id:badretype");
                Main.run(run, quiet, quiet);
                // Again, compared with the first, as nearly every real run is (the matrix's changes since the previous run).
                try (Stream<Path> runs = Files.list(scratch.resolve("reports/runs"))) {
                    String first = runs.findFirst().orElseThrow().getFileName().toString();
                    List<String> again = new ArrayList<>(run);
                    again.addAll(List.of("--baseline", first));
                    Main.run(again, quiet, quiet);
                }
            } finally {
                server.stop(0);
            }
            // Cucumber with every feature and step (a dry run).
            PrintStream out = System.out;
            System.setOut(quiet);
            try {
                io.cucumber.core.cli.Main.run(new String[]{"--dry-run", "--glue", "org.mwconform.steps",
                        "--plugin", "message:" + scratch.resolve("messages.ndjson"), "--plugin", "summary", "--monochrome",
                        features.toString()}, Thread.currentThread().getContextClassLoader());
            } finally {
                System.setOut(out);
            }
        } catch (Throwable e) {
            System.err.println("class-data training incomplete (the archive is only smaller): " + e);
        }
    }
}
