package org.mwconform.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mwconform.client.ApiTransport;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.cli.Main;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.deployments.LocalProvisioner;
import org.mwconform.secrets.SecretMasker;
import org.mwconform.wikis.LocalWiki;
import org.mwconform.wikis.LocalWikis;
import org.mwconform.wikis.PortRecord;
import org.mwconform.wikis.PortRecords;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiki engine on two checkouts of one machine: three {@code up}s at once start one server; a second checkout
 * whose deployment prefers the same port is told who holds it and served on a free port, recorded, and every path
 * that loads its file reaches it there; stopping one checkout's wiki never touches the other's; a record whose server
 * is gone is discarded and the next start returns to the preferred port; a server whose record was lost is found.
 * Each checkout is a copy of the router, one settings file and one environment file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WikiEngineIT {
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
    /** Not a port of any deployment in environments/ (8391-8401, 8411) nor of the free-port range (8410 up). */
    private static final int PORT = 8405;
    private static final String NAME = "local-wikicheck";
    private final PortRecords records = PortRecords.machine();
    private Path a;
    private Path b;

    @BeforeAll
    void checkouts() throws IOException {
        Path root = HOME.resolve("target").resolve("wiki-engine-it");
        for (Path old : List.of(root.resolve("a"), root.resolve("b"))) {
            engine(old, new ArrayList<>()).downRecorded(Set.of());
        }
        deleteRecursively(root);
        a = checkout(root.resolve("a"));
        b = checkout(root.resolve("b"));
    }

    @AfterAll
    void stop() {
        for (Path checkout : List.of(a, b)) {
            if (checkout != null) {
                engine(checkout, new ArrayList<>()).downRecorded(Set.of());
            }
        }
    }

    @Test
    void twoCheckoutsSideBySide() throws Exception {
        // Three ups at once in checkout a: one server starts, the others find it running.
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        LocalWikis engineA = engine(a, lines);
        LocalWiki wikiA = wiki(a);
        List<CompletableFuture<Map<String, LocalWikis.Up>>> ups = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ups.add(CompletableFuture.supplyAsync(() -> engineA.up(List.of(wikiA))));
        }
        List<LocalWikis.Up> results = ups.stream().map(CompletableFuture::join).map(m -> m.get(NAME)).toList();
        assertThat(results).as(String.join("\n", lines)).allMatch(u -> u.failure() == null);
        assertThat(results).filteredOn(u -> !u.wasRunning()).as(String.join("\n", lines)).hasSize(1);
        long pid = results.get(0).pid();
        assertThat(results).allMatch(u -> u.pid() == pid);
        PortRecord recordA = records.ofFolder(wikiA.folder()).orElseThrow();
        assertThat(recordA.pid()).isEqualTo(pid);
        assertThat(recordA.checkout()).isEqualTo(a.toString());
        String cmdline = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
        int portA = recordA.port();
        assertThat(cmdline).as("the recorded server").contains("-S 127.0.0.1:" + portA + " ");
        if (portA != PORT) {
            // Someone else (not these two checkouts) holds 8405: the engine said so; the rest holds on the port it got.
            assertThat(lines).anyMatch(l -> l.startsWith(NAME + ": port " + PORT + " is held by "));
        }

        // Checkout b, same deployment, same preferred port: named holder, a free port, recorded; every path reaches it there.
        List<String> linesB = new ArrayList<>();
        LocalWikis.Up upB = engine(b, linesB).up(List.of(wiki(b))).get(NAME);
        assertThat(upB.failure()).as(String.join("\n", linesB)).isNull();
        int portB = upB.api().getPort();
        assertThat(portB).isNotEqualTo(portA);
        if (portA == PORT) {
            assertThat(linesB).contains(NAME + ": port " + PORT + " is held by the wiki " + NAME + " of the checkout " + a + " (pid " + pid
                    + "); serving this checkout's on port " + portB);
        }
        Deployment first = load(a);
        Deployment second = load(b);
        assertThat(first.api().getPort()).isEqualTo(portA);
        assertThat(second.api()).as("what a mvn test, docs or mutate read").hasToString("http://127.0.0.1:" + portB + "/api.php");
        assertThat(status(a)).isEqualTo(NAME + " up http://127.0.0.1:" + portA + "/api.php pid " + pid);

        // Which wiki answers: each as itself, never as the other's.
        String atA = servedBy(first.api());
        assertThat(LocalProvisioner.answeredAsItself(first, atA)).isTrue();
        assertThat(LocalProvisioner.answeredAsItself(second, atA)).isFalse();
        assertThat(LocalProvisioner.answeredAsItself(second, servedBy(second.api()))).isTrue();

        // wiki status --all in b names the port a holds.
        assertThat(cli(b, "wiki", "status", "--all")).contains("port " + portA + ": the wiki " + NAME + " of the checkout " + a + " (pid " + pid + ")");

        // Down in a, status at once: exactly a's server stops; b's is untouched.
        CompletableFuture<String> status = CompletableFuture.supplyAsync(() -> status(a));
        List<String> downLines = new ArrayList<>();
        engine(a, downLines).down(List.of(wikiA));
        assertThat(downLines).containsExactly(NAME + " down (stopped pid " + pid + ")");
        assertThat(status.join()).matches(NAME + " (up .*pid " + pid + "|down .*)");
        assertThat(Path.of("/proc", String.valueOf(pid))).doesNotExist();
        assertThat(records.ofFolder(wikiA.folder())).isEmpty();
        assertThat(status(b)).isEqualTo(NAME + " up http://127.0.0.1:" + portB + "/api.php pid " + upB.pid());
        assertThat(load(a).api().getPort()).as("no record: the file's port").isEqualTo(PORT);

        // No sticky port: b stopped and started again returns to the preferred port, now free.
        engine(b, new ArrayList<>()).down(List.of(wiki(b)));
        assertThat(load(b).api().getPort()).isEqualTo(PORT);
        List<String> again = new ArrayList<>();
        LocalWikis.Up upAgain = engine(b, again).up(List.of(wiki(b))).get(NAME);
        assertThat(upAgain.failure()).as(String.join("\n", again)).isNull();
        if (portA == PORT) {
            assertThat(upAgain.api().getPort()).as(String.join("\n", again)).isEqualTo(PORT);
            assertThat(again).noneMatch(l -> l.contains("is held by"));
        }
        assertThat(load(b).api()).isEqualTo(upAgain.api());

        // A server whose record was lost (a killed run) is found, recorded again, never shadowed by a second one.
        PortRecord lost = records.ofFolder(wiki(b).folder()).orElseThrow();
        Files.delete(records.folder().resolve(lost.port() + ".json"));
        assertThat(load(b).api().getPort()).isEqualTo(PORT);
        List<String> found = new ArrayList<>();
        LocalWikis.Up adopted = engine(b, found).up(List.of(wiki(b))).get(NAME);
        assertThat(adopted.wasRunning()).as(String.join("\n", found)).isTrue();
        assertThat(adopted.pid()).isEqualTo(upAgain.pid());
        assertThat(found).anyMatch(l -> l.startsWith(NAME + ": found its server running without a record (pid " + upAgain.pid()));

        // wiki down --all stops every wiki this checkout recorded.
        assertThat(cli(b, "wiki", "down", "--all")).contains(NAME + " down (stopped pid " + upAgain.pid() + ")");
        assertThat(records.ofFolder(wiki(b).folder())).isEmpty();
    }

    @Test
    void badInputIsOneLineAndStartsNothing() throws IOException {
        Path broken = b.resolve("environments/local-broken.yml");
        Files.writeString(broken, "name: local-broken\napi: http://127.0.0.1:99999/api.php\nlocal:\n  settings: vanilla\n");
        try {
            assertThat(cli(b, "wiki", "up", NAME, broken.toString()).strip())
                    .isEqualTo("mwconform: " + broken + ": api: port 99999 is out of range (1-65535)");
            assertThat(cli(b, "wiki", "up", "local-broken").strip()).as("by name too")
                    .isEqualTo("mwconform: " + broken + ": api: port 99999 is out of range (1-65535)");
            Files.delete(broken);
            assertThat(cli(b, "wiki", "up", "local-nope").strip())
                    .startsWith("mwconform: no local deployment named 'local-nope': environments/local-nope.yml does not exist (known: ");
            assertThat(records.ofFolder(wiki(b).folder())).as("nothing started").isEmpty();
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    private static String status(Path checkout) {
        return engine(checkout, new ArrayList<>()).status(List.of(wiki(checkout))).get(0).line();
    }

    private static LocalWikis engine(Path checkout, List<String> lines) {
        return new LocalWikis(checkout, lines::add);
    }

    private static LocalWiki wiki(Path checkout) {
        return new LocalProvisioner(checkout).wiki(load(checkout));
    }

    private static Deployment load(Path checkout) {
        return new DeploymentLoader().load(checkout.resolve("environments").resolve(NAME + ".yml"));
    }

    /** The command line with this checkout as its home. */
    private static String cli(Path checkout, String... args) {
        String before = System.getProperty("mwconform.home");
        System.setProperty("mwconform.home", checkout.toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            Main.run(List.of(args), print, print);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            if (before == null) {
                System.clearProperty("mwconform.home");
            } else {
                System.setProperty("mwconform.home", before);
            }
        }
    }

    /** Which local wiki answered there (its router's identity header). */
    private static String servedBy(URI api) {
        SecretMasker masker = new SecretMasker();
        return new MediaWikiApi(new ApiTransport(api, masker), masker).readFacts().servedBy().orElse(null);
    }

    private static Path checkout(Path dir) throws IOException {
        Path env = dir.resolve("environments");
        Files.createDirectories(env.resolve("local/settings"));
        for (String f : List.of("local/router.php", "local/settings/vanilla.php")) {
            Files.copy(HOME.resolve("environments").resolve(f), env.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(env.resolve(NAME + ".yml"), "name: " + NAME + "\napi: http://127.0.0.1:" + PORT + "/api.php\n"
                + "writable: true\nlocal:\n  settings: vanilla\n");
        return dir;
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
