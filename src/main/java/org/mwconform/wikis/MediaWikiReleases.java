package org.mwconform.wikis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where each MediaWiki version's files are: 1.39 is this machine's Debian package; 1.43 is Debian trixie's
 * {@code mediawiki} and {@code mediawiki-classes}, fetched once per user into the shared cache (behind a lock every
 * checkout honours) with {@code apt-get download} through a private sources list that reuses this machine's archive,
 * unpacked with {@code dpkg-deb -x} (never installed: that would replace 1.39), its symlinks into the system's
 * MediaWiki repointed inside the unpacked copy.
 */
public final class MediaWikiReleases {
    /** The versions the engine serves, and the Debian suite each comes from (null: this machine's own package). */
    public static final Map<String, String> SUITES = Map.of("1.39", "", "1.43", "trixie");

    private final Path installed;
    private final Path cache;

    public MediaWikiReleases(Path installed, Path cache) {
        this.installed = installed;
        this.cache = cache;
    }

    /** This machine's: {@code MWCONFORM_MW_IP} (default /usr/share/mediawiki) and the user's cache. */
    public static MediaWikiReleases machine() {
        String ip = System.getenv("MWCONFORM_MW_IP");
        return new MediaWikiReleases(Path.of(ip == null || ip.isBlank() ? "/usr/share/mediawiki" : ip), PortRecords.cache());
    }

    public Path installed() {
        return installed;
    }

    /** The MediaWiki folder of {@code version}, fetched and unpacked the first time; a WikiException when impossible. */
    public Path root(String version) {
        String suite = SUITES.get(version);
        if (suite == null) {
            throw new WikiException("MediaWiki " + version + ": unknown version (known: " + String.join(", ", new java.util.TreeSet<>(SUITES.keySet())) + ")");
        }
        if (suite.isEmpty()) {
            return installed;
        }
        Path base = cache.resolve("mediawiki-" + version);
        Path root = base.resolve("root/usr/share/mediawiki");
        if (Files.isRegularFile(base.resolve("root/.unpacked"))) {
            return root;
        }
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new WikiException("MediaWiki " + version + ": cannot create " + base + ": " + e.getMessage());
        }
        // One fetch at a time, whichever checkout asks: the others wait and then find it done.
        return FileLocks.exclusive(base.resolve(".lock"), () -> {
            if (!Files.isRegularFile(base.resolve("root/.unpacked"))) {
                fetch(version, suite, base);
            }
            return root;
        });
    }

    private void fetch(String version, String suite, Path base) {
        if (!Commands.onPath("apt-get") || !Commands.onPath("dpkg-deb")) {
            throw new WikiException("MediaWiki " + version + ": needs apt-get and dpkg-deb (Debian) to fetch Debian " + suite + "'s mediawiki package");
        }
        Path debs = base.resolve("debs");
        Path apt = base.resolve("apt");
        try {
            Files.createDirectories(apt.resolve("lists/partial"));
            Files.createDirectories(apt.resolve("cache/archives/partial"));
            Files.createDirectories(debs);
            if (packages(debs).size() < 2) {
                String uri = DebianArchive.uri();
                Files.writeString(apt.resolve("sources.list"),
                        "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] " + uri + " " + suite + " main\n");
                List<String> options = List.of("-o", "Dir::Etc::SourceList=" + apt.resolve("sources.list"), "-o", "Dir::Etc::SourceParts=/nonexistent",
                        "-o", "Dir::State::Lists=" + apt.resolve("lists"), "-o", "Dir::Cache=" + apt.resolve("cache"), "-o", "Debug::NoLocking=1",
                        "-o", "APT::Sandbox::User=root");
                System.err.println("MediaWiki " + version + ": fetching Debian " + suite + "'s mediawiki and mediawiki-classes from " + uri + " (about 53 MB, once)");
                List<String> update = new ArrayList<>(List.of("apt-get"));
                update.addAll(options);
                update.addAll(List.of("-qq", "update"));
                boolean listed = Commands.run(update, null, apt.resolve("update.log"), Map.of()) == 0;
                try (Stream<Path> lists = Files.list(apt.resolve("lists"))) {
                    listed = listed && lists.anyMatch(p -> p.getFileName().toString().toLowerCase().contains("_" + suite + "_"));
                }
                if (!listed) {
                    throw new WikiException("MediaWiki " + version + ": cannot reach the Debian archive " + uri + " for suite " + suite
                            + " (apt-get update failed; see " + apt.resolve("update.log") + "). Fetch it once on a machine with access, or copy " + base + " from one");
                }
                List<String> download = new ArrayList<>(List.of("apt-get"));
                download.addAll(options);
                download.addAll(List.of("-qq", "download", "mediawiki", "mediawiki-classes"));
                if (Commands.run(download, debs, apt.resolve("download.log"), Map.of()) != 0) {
                    throw new WikiException("MediaWiki " + version + ": apt-get download mediawiki mediawiki-classes from " + uri + " " + suite
                            + " failed; see " + apt.resolve("download.log"));
                }
            }
            Path fresh = base.resolve("root.new");
            Commands.deleteRecursively(fresh);
            Files.createDirectories(fresh);
            for (Path deb : packages(debs)) {
                if (Commands.run(List.of("dpkg-deb", "-x", deb.toString(), fresh.toString()), null, base.resolve("unpack.log"), Map.of()) != 0) {
                    throw new WikiException("MediaWiki " + version + ": dpkg-deb -x " + deb + " failed; see " + base.resolve("unpack.log"));
                }
            }
            repointSymlinks(fresh);
            if (!Files.isRegularFile(fresh.resolve("usr/share/mediawiki/api.php"))) {
                throw new WikiException("MediaWiki " + version + ": the unpacked package has no usr/share/mediawiki/api.php");
            }
            Files.createFile(fresh.resolve(".unpacked"));
            Commands.deleteRecursively(base.resolve("root"));
            Files.move(fresh, base.resolve("root"));
        } catch (IOException e) {
            throw new WikiException("MediaWiki " + version + ": cannot unpack into " + base + ": " + e.getMessage());
        }
    }

    private static List<Path> packages(Path debs) throws IOException {
        try (Stream<Path> files = Files.list(debs)) {
            return files.filter(p -> p.getFileName().toString().matches("mediawiki(-classes)?_.*\\.deb")).sorted().toList();
        }
    }

    /**
     * Absolute links into /usr/share/mediawiki, /var/lib/mediawiki or /etc/mediawiki become relative links inside
     * {@code root}, so the unpacked copy never loads the installed 1.39's files.
     */
    static void repointSymlinks(Path root) throws IOException {
        List<Path> links;
        try (Stream<Path> walk = Files.walk(root)) {
            links = walk.filter(Files::isSymbolicLink).toList();
        }
        for (Path link : links) {
            Path target = Files.readSymbolicLink(link);
            String t = target.toString();
            if (target.isAbsolute() && (t.startsWith("/usr/share/mediawiki") || t.startsWith("/var/lib/mediawiki") || t.startsWith("/etc/mediawiki"))) {
                Path inside = root.resolve(t.substring(1)).normalize();
                Files.delete(link);
                Files.createSymbolicLink(link, link.getParent().relativize(inside));
            }
        }
    }

    /** Whether {@code dir} is a MediaWiki the engine can serve (its installer and api.php are there). */
    static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve("maintenance/install.php")) && Files.isRegularFile(dir.resolve("api.php"));
    }
}
