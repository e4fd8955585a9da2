package org.mwconform.wikis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ports decided once, recorded with the server's identity, discarded with it; collisions named in one line. */
class PortRecordsTest {
    @TempDir
    Path dir;

    private PortRecords records() {
        return new PortRecords(dir.resolve("servers"));
    }

    private LocalWiki wiki(Path checkout, String name, int port) {
        return new LocalWiki(name, checkout.resolve("environments/" + name + ".yml"), port, "", checkout.resolve("environments/local/settings/vanilla.php"),
                null, "1.39", List.of(), checkout.resolve("environments/local/.work/" + name), checkout);
    }

    private static long finishedPid() throws IOException {
        Process gone = new ProcessBuilder("true").start();
        gone.onExit().join();
        return gone.pid();
    }

    @Test
    void aRecordLivesAsLongAsItsServer() throws IOException {
        PortRecords records = records();
        PortRecord mine = new PortRecord(8500, 8391, 0, null, "/a", "local-vanilla", "/a/environments/local-vanilla.yml", "/a/environments/local/.work/local-vanilla")
                .heldBy(ProcessHandle.current());
        records.write(mine);
        assertThat(records.live()).containsExactly(mine);
        assertThat(records.ofFolder(Path.of("/a/environments/local/.work/local-vanilla"))).contains(mine);
        assertThat(records.served(Path.of("/a/environments/local-vanilla.yml"), "local-vanilla", URI.create("http://127.0.0.1:8391/api.php"), null))
                .hasToString("http://127.0.0.1:8500/api.php");

        PortRecord gone = new PortRecord(8501, 8392, finishedPid(), null, "/a", "local-captcha", "/a/environments/local-captcha.yml", "/a/x");
        records.write(gone);
        assertThat(records.live()).as("a record whose server is gone").containsExactly(mine);
        assertThat(records.served(Path.of("/a/environments/local-captcha.yml"), "local-captcha", URI.create("http://127.0.0.1:8392/api.php"), null))
                .as("the preferred port again").hasToString("http://127.0.0.1:8392/api.php");
        records.discardStale();
        assertThat(records.all()).containsExactly(mine);

        // A reused pid is not the server: its start time differs.
        PortRecord reused = new PortRecord(8502, 8393, ProcessHandle.current().pid(), "2000-01-01T00:00:00Z", "/a", "t", "/a/t.yml", "/a/t");
        assertThat(reused.alive()).isFalse();
    }

    @Test
    void twoCheckoutsServingOneFileAreTold() {
        PortRecords records = records();
        PortRecord a = new PortRecord(8510, 8411, 0, null, "/a", "ex", "/ext/env.yml", "/a/.work/ex").heldBy(ProcessHandle.current());
        PortRecord b = new PortRecord(8511, 8411, 0, null, "/b", "ex", "/ext/env.yml", "/b/.work/ex").heldBy(ProcessHandle.current());
        records.write(a);
        records.write(b);
        URI api = URI.create("http://127.0.0.1:8411/api.php");
        assertThat(records.served(Path.of("/ext/env.yml"), "ex", api, Path.of("/b"))).hasToString("http://127.0.0.1:8511/api.php");
        assertThat(records.served(Path.of("/ext/env.yml"), "ex", api, Path.of("/a"))).hasToString("http://127.0.0.1:8510/api.php");
    }

    @Test
    void aPortHeldByAnotherProgramIsNamedAndAFreeOneClaimed() throws IOException {
        List<String> lines = new ArrayList<>();
        Path checkout = dir.resolve("checkout");
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = held.getLocalPort();
            int first = port < 65000 ? port + 1 : 64000;
            LocalWikis engine = new LocalWikis(checkout, records(), MediaWikiReleases.machine(), new LocalWikis.Settings(1, 5, first, first + 50), lines::add);
            PortRecord claim = engine.claim(wiki(checkout, "local-x", port), Set.of());
            assertThat(claim.port()).isNotEqualTo(port).isBetween(first, first + 50);
            assertThat(claim.pid()).as("held by this process until its server runs").isEqualTo(ProcessHandle.current().pid());
            assertThat(lines).singleElement().asString()
                    .startsWith("local-x: port " + port + " is held by pid " + ProcessHandle.current().pid() + " (")
                    .endsWith("; serving this checkout's on port " + claim.port());

            // A second wiki preferring the same port: the first claim is live, so it is named, and another free port taken.
            lines.clear();
            PortRecord second = engine.claim(wiki(dir.resolve("other"), "local-y", claim.port()), Set.of());
            assertThat(second.port()).isNotIn(port, claim.port());
            assertThat(lines).singleElement().asString().isEqualTo("local-y: port " + claim.port() + " is held by this checkout's wiki local-x (pid "
                    + ProcessHandle.current().pid() + "); serving this checkout's on port " + second.port());

            // A free preferred port is taken as it is, without a line.
            lines.clear();
            records().discard(second);
            PortRecord preferred = engine.claim(wiki(checkout, "local-z", second.port()), Set.of());
            assertThat(preferred.port()).isEqualTo(second.port());
            assertThat(lines).isEmpty();
        }
    }

    @Test
    void noFreePortIsOneLine() throws IOException {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = held.getLocalPort();
            Path checkout = dir.resolve("c");
            LocalWikis engine = new LocalWikis(checkout, records(), MediaWikiReleases.machine(), new LocalWikis.Settings(1, 5, port, port), l -> { });
            assertThatThrownBy(() -> engine.claim(wiki(checkout, "local-x", port), Set.of())).isInstanceOf(WikiException.class)
                    .hasMessageStartingWith("local-x: port " + port + " is held by pid ").hasMessageEndingWith("and no port of " + port + "-" + port
                            + " is free (MWCONFORM_FREE_PORTS)");
        }
        assertThat(Files.exists(dir.resolve("servers"))).isTrue();
    }

    @Test
    void unpackedSymlinksPointInsideTheCopy() throws IOException {
        Path root = dir.resolve("root");
        Path link = root.resolve("usr/share/mediawiki/extensions/X");
        Files.createDirectories(link.getParent());
        Files.createDirectories(root.resolve("usr/share/mediawiki-extensions/X"));
        Files.createSymbolicLink(link, Path.of("/usr/share/mediawiki/../mediawiki-extensions/X"));
        Files.createSymbolicLink(root.resolve("usr/share/mediawiki/elsewhere"), Path.of("/opt/elsewhere"));
        MediaWikiReleases.repointSymlinks(root);
        assertThat(Files.readSymbolicLink(link).isAbsolute()).isFalse();
        assertThat(link.getParent().resolve(Files.readSymbolicLink(link)).normalize()).isEqualTo(root.resolve("usr/share/mediawiki-extensions/X"));
        assertThat(Files.readSymbolicLink(root.resolve("usr/share/mediawiki/elsewhere"))).isEqualTo(Path.of("/opt/elsewhere"));
    }
}
