package org.mwconform.local;

import org.mwconform.client.ApiTransport;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.deployments.LocalProvisioner;
import org.mwconform.secrets.SecretMasker;
import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * environments/local/mw under concurrency, on two checkouts of one machine: {@code up} started three times at
 * once starts one server and records the one that bound the port; {@code status} and {@code down} agree with it;
 * a second checkout whose deployment names the same port finds it served by the first (by identity) and serves
 * its own on a free port, recorded. Each checkout is a copy of the script, the router and one settings file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MwScriptIT {
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
    /** Not a port of any deployment in environments/ (8391-8400) nor of mw's free-port range (8410 up). */
    private static final int PORT = 8405;
    private static final String NAME = "local-mwcheck";
    private Path a;
    private Path b;

    @BeforeAll
    void checkouts() throws IOException {
        Path root = HOME.resolve("target").resolve("mw-script-it");
        deleteRecursively(root);
        a = checkout(root.resolve("a"));
        b = checkout(root.resolve("b"));
    }

    @AfterAll
    void stop() throws Exception {
        for (Path checkout : List.of(a, b)) {
            if (checkout != null) {
                mw(checkout, "down");
            }
        }
    }

    @Test
    void threeUpsAtOnceStartOneServerAndTwoCheckoutsDoNotCollide() throws Exception {
        List<Process> ups = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ups.add(start(a, "up", NAME));
        }
        List<String> outputs = new ArrayList<>();
        for (Process p : ups) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            outputs.add(out);
            assertThat(p.exitValue()).as(out).isZero();
        }
        String all = String.join("\n", outputs);
        assertThat(all.lines().filter(l -> l.startsWith(NAME + " up ") && !l.contains("already running")))
                .as("servers started, over three concurrent ups:\n%s", all).hasSize(1);
        assertThat(all.lines().filter(l -> l.contains("already running"))).as(all).hasSize(2);

        long pid = Long.parseLong(Files.readString(work(a).resolve("server.pid")).strip());
        String cmdline = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
        assertThat(cmdline).as("the recorded server").contains("-S 127.0.0.1:" + PORT + " ");
        assertThat(mw(a, "status", NAME)).contains(NAME + " up http://127.0.0.1:" + PORT + "/api.php pid " + pid);

        // A second checkout, same deployment, same port: served by the first one, so it takes a free port.
        String up = mw(b, "up", NAME);
        assertThat(up).contains("port " + PORT + " is in use by another checkout's mwconform wiki");
        String port = Files.readString(work(b).resolve("port")).strip();
        assertThat(Integer.parseInt(port)).isNotEqualTo(PORT);
        assertThat(up).contains(NAME + " up http://127.0.0.1:" + port + "/api.php (MediaWiki ");
        assertThat(mw(a, "status", NAME)).as("the first checkout's wiki is untouched").contains("pid " + pid);

        // Which wiki answers: the first checkout's, on the port both files name, answers as itself and never as the
        // second's, whose scenarios therefore wait for mw up instead of starting on another checkout's wiki.
        Deployment first = new DeploymentLoader().load(a.resolve("environments").resolve(NAME + ".yml"));
        Deployment second = new DeploymentLoader().load(b.resolve("environments").resolve(NAME + ".yml"));
        String atPort = servedBy(URI.create("http://127.0.0.1:" + PORT + "/api.php"));
        assertThat(LocalProvisioner.answeredAsItself(first, atPort)).isTrue();
        assertThat(LocalProvisioner.answeredAsItself(second, atPort)).isFalse();
        assertThat(LocalProvisioner.answeredAsItself(second, servedBy(second.api()))).isTrue();

        // status and down at once: down stops exactly the recorded server, status never sees a half state.
        Process status = start(a, "status", NAME);
        Process down = start(a, "down", NAME);
        assertThat(down.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(down.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("stopped pid " + pid);
        assertThat(new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).matches("(?s)" + NAME + " (up .*pid " + pid
                + "|down .*)\\n");
        assertThat(Path.of("/proc", String.valueOf(pid))).doesNotExist();
        assertThat(mw(b, "status", NAME)).as("the second checkout's wiki is untouched").contains(NAME + " up http://127.0.0.1:" + port);
    }

    /** Which local wiki answered the preflight's reads there (its router's identity header). */
    private static String servedBy(URI api) {
        SecretMasker masker = new SecretMasker();
        return new MediaWikiApi(new ApiTransport(api, masker), masker).readFacts().servedBy().orElse(null);
    }

    private Path checkout(Path dir) throws IOException {
        Path env = dir.resolve("environments");
        Files.createDirectories(env.resolve("local/settings"));
        for (String f : List.of("local/mw", "local/router.php", "local/settings/vanilla.php")) {
            Files.copy(HOME.resolve("environments").resolve(f), env.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(env.resolve(NAME + ".yml"), "name: " + NAME + "\napi: http://127.0.0.1:" + PORT + "/api.php\n"
                + "writable: true\nlocal:\n  settings: vanilla\n");
        return dir;
    }

    private static Path work(Path checkout) {
        return checkout.resolve("environments/local/.work").resolve(NAME);
    }

    private static Process start(Path checkout, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", checkout.resolve("environments/local/mw").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String mw(Path checkout, String... args) throws Exception {
        Process p = start(checkout, args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
