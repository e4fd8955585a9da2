package org.mwconform.wikis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine of the local wikis of one checkout: installs, starts, finds and stops them. The only code that starts a
 * PHP server for a wiki; where it listens is decided here once ({@link #claim}) and recorded ({@link PortRecords}).
 * {@code up}, {@code down} and {@code status} of one checkout take turns (a lock in its working folder), so three
 * {@code up}s at once start each server once. Stopped wikis are installed and started in parallel.
 */
public final class LocalWikis {
    private final Path checkout;
    private final PortRecords records;
    private final MediaWikiReleases releases;
    private final Consumer<String> lines;
    private final Settings settings;
    private final Ports ports;

    /** Knobs from the environment: PHP workers per server, how long a server may take to answer, the free ports. */
    public record Settings(int workers, int upTimeoutSeconds, int firstFreePort, int lastFreePort) {
        public static Settings fromEnvironment() {
            String range = env("MWCONFORM_FREE_PORTS", "8410-8899");
            String[] ends = range.split("-", 2);
            try {
                return new Settings(Integer.parseInt(env("MWCONFORM_PHP_WORKERS", "4")), Integer.parseInt(env("MWCONFORM_UP_TIMEOUT", "30")),
                        Integer.parseInt(ends[0].strip()), Integer.parseInt(ends[ends.length - 1].strip()));
            } catch (NumberFormatException e) {
                throw new WikiException("MWCONFORM_PHP_WORKERS, MWCONFORM_UP_TIMEOUT or MWCONFORM_FREE_PORTS (FROM-TO) is not a number");
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    /**
     * What {@code up} did for one wiki: where it answers (and which MediaWiki), or why it could not.
     *
     * @param wasRunning its server was up before it was asked
     */
    public record Up(String name, URI api, String version, long pid, boolean wasRunning, String failure) {
        static Up failed(String name, String failure) {
            return new Up(name, null, null, 0, false, failure);
        }
    }

    /** One wiki's state for {@code status}. */
    public record Status(String name, URI api, boolean up, long pid, boolean installed) {
        public String line() {
            return name + (up ? " up " + api + " pid " + pid : " down " + api + (installed ? " (installed)" : " (not installed)"));
        }
    }

    public LocalWikis(Path checkout, Consumer<String> lines) {
        this(checkout, PortRecords.machine(), MediaWikiReleases.machine(), Settings.fromEnvironment(), lines);
    }

    public LocalWikis(Path checkout, PortRecords records, MediaWikiReleases releases, Settings settings, Consumer<String> lines) {
        this.checkout = checkout.toAbsolutePath().normalize();
        this.records = records;
        this.releases = releases;
        this.settings = settings;
        this.lines = lines;
        this.ports = new Ports(this.checkout, records, settings.firstFreePort(), settings.lastFreePort(), lines);
    }

    public PortRecords records() {
        return records;
    }

    private Path work() {
        return checkout.resolve("environments/local/.work");
    }

    private Path router() {
        return checkout.resolve("environments/local/router.php");
    }

    private <T> T turn(Supplier<T> action) {
        try {
            Files.createDirectories(work());
        } catch (IOException e) {
            throw new WikiException("cannot create " + work() + ": " + e.getMessage());
        }
        return FileLocks.exclusive(work().resolve(".lock"), action);
    }

    // ---- up -------------------------------------------------------------------------------------------------------

    /** Installs (the first time) and starts each wiki that is not running; finds those that are. By name, in order. */
    public Map<String, Up> up(List<LocalWiki> wikis) {
        if (wikis.isEmpty()) {
            return Map.of();
        }
        return turn(() -> {
            Map<String, Up> result = new LinkedHashMap<>();
            List<CompletableFuture<Up>> tasks = new ArrayList<>();
            List<LocalWiki> starting = new ArrayList<>();
            Map<LocalWiki, PortRecord> running = new LinkedHashMap<>();
            List<PortRecord> live = records.live();
            List<ServerProcesses.Server> servers = null;
            for (LocalWiki wiki : wikis) {
                forget(wiki);
                Optional<PortRecord> recorded = live.stream().filter(r -> r.ofFolder(wiki.folder())).findFirst();
                if (recorded.isEmpty()) {
                    servers = servers == null ? ServerProcesses.all() : servers;
                    recorded = unrecorded(wiki, servers);
                }
                recorded.ifPresentOrElse(r -> running.put(wiki, r), () -> starting.add(wiki));
            }
            String packages = null;
            if (!starting.isEmpty()) {
                try {
                    Packages.ensure(PhpServer.php(), releases.installed(), lines);
                } catch (WikiException e) {
                    packages = e.getMessage();
                }
            }
            Set<Integer> preferred = new HashSet<>();
            wikis.forEach(w -> preferred.add(w.preferredPort()));
            running.forEach((wiki, record) -> tasks.add(async(() -> alreadyRunning(wiki, record))));
            for (LocalWiki wiki : starting) {
                String noPackages = packages;
                tasks.add(async(() -> noPackages != null ? Up.failed(wiki.name(), noPackages) : start(wiki, preferred)));
            }
            List<Up> ups = tasks.stream().map(CompletableFuture::join).toList();
            // The provisioned users and content of every wiki that is up (first time ~0.3 s each, in parallel; then a file test).
            List<CompletableFuture<Up>> provisioned = new ArrayList<>();
            for (int i = 0; i < ups.size(); i++) {
                Up up = ups.get(i);
                LocalWiki wiki = wikis.stream().filter(w -> w.name().equals(up.name())).findFirst().orElseThrow();
                provisioned.add(up.failure() != null ? CompletableFuture.completedFuture(up) : async(() -> provisioned(wiki, up)));
            }
            provisioned.stream().map(CompletableFuture::join).forEach(u -> result.put(u.name(), u));
            Map<String, Up> ordered = new LinkedHashMap<>();
            wikis.forEach(w -> ordered.put(w.name(), result.get(w.name())));
            return ordered;
        });
    }

    private static <T> CompletableFuture<T> async(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, r -> {
            Thread thread = new Thread(r, "mwconform-wiki");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** A server no record names (a killed run, an older checkout's script) that serves the wiki's folder: recorded now. */
    private Optional<PortRecord> unrecorded(LocalWiki wiki, List<ServerProcesses.Server> servers) {
        return servers.stream().filter(s -> wiki.localSettings().equals(s.config())).findFirst().flatMap(server -> records.locked(() -> {
            Optional<PortRecord> holder = records.live().stream().filter(r -> r.port() == server.port()).findFirst();
            if (holder.isPresent()) {
                return Optional.<PortRecord>empty();
            }
            Optional<ProcessHandle> process = ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return Optional.<PortRecord>empty();  // it stopped meanwhile: start afresh
            }
            PortRecord adopted = record(wiki, server.port()).heldBy(process.get());
            records.write(adopted);
            lines.accept(wiki.name() + ": found its server running without a record (pid " + server.pid() + ", port " + server.port() + "); recorded");
            return Optional.of(adopted);
        }));
    }

    /** Files the bash script of earlier versions kept: a port kept for good, a pid; the records replace them. */
    private static void forget(LocalWiki wiki) {
        try {
            Files.deleteIfExists(wiki.folder().resolve("port"));
            Files.deleteIfExists(wiki.folder().resolve("server.pid"));
        } catch (IOException e) {
            // harmless: nothing reads them
        }
    }

    private Up alreadyRunning(LocalWiki wiki, PortRecord record) {
        URI api = wiki.api(record.port());
        try {
            new Installer(wiki, releases.root(wiki.mediawiki()), PhpServer.php()).writeHarnessSettings(record.port());
        } catch (IOException | WikiException e) {
            // the running server keeps the settings it has
        }
        Optional<PhpServer.Answer> answer = PhpServer.ask(api);
        if (answer.isPresent() && answer.get().version() != null && wiki.identity().equals(answer.get().servedBy())) {
            lines.accept(wiki.name() + " up " + api + " (" + answer.get().version() + ") (already running, pid " + record.pid() + ")");
            return new Up(wiki.name(), api, answer.get().version(), record.pid(), true, null);
        }
        return failed(wiki, wiki.name() + ": running (pid " + record.pid() + ") but not answering on " + api + ", see "
                + wiki.shown(wiki.folder().resolve("server.log")));
    }

    private Up failed(LocalWiki wiki, String line) {
        lines.accept(line);
        return Up.failed(wiki.name(), line);
    }

    private Up start(LocalWiki wiki, Set<Integer> preferredPorts) {
        PortRecord claim = null;
        ProcessHandle server = null;
        try {
            Path root = releases.root(wiki.mediawiki());
            Installer installer = new Installer(wiki, root, PhpServer.php());
            claim = claim(wiki, preferredPorts);
            Files.createDirectories(wiki.folder());
            if (!Files.isRegularFile(wiki.localSettings())) {
                lines.accept(wiki.name() + ": installing MediaWiki " + wiki.mediawiki() + " into " + wiki.shown(wiki.folder()));
            }
            installer.install(claim.port());
            installer.writeHarnessSettings(claim.port());
            installer.provision("tables");
            // The users and content before the server answers: a run releases a deployment's scenarios as soon as its
            // wiki answers as this checkout's, and its creator must exist by then (a scenario found it missing once).
            installer.ensureCreator();
            installer.provision("content");
            for (int attempt = 1; ; attempt++) {
                server = PhpServer.start(wiki, claim.port(), root, router(), settings.workers());
                claim = held(claim, server);
                Optional<String> version = waitUntilUp(wiki, claim, server);
                if (version.isPresent()) {
                    URI api = wiki.api(claim.port());
                    lines.accept(wiki.name() + " up " + api + " (" + version.get() + ")");
                    return new Up(wiki.name(), api, version.get(), server.pid(), false, null);
                }
                // Another checkout bound the port between the claim and the start (it does not use these records).
                records.discard(claim);
                if (attempt >= 5) {
                    return failed(wiki, wiki.name() + ": port " + claim.port() + " was taken by another program five times while starting");
                }
                claim = claim(wiki, preferredPorts);
                installer.writeHarnessSettings(claim.port());
            }
        } catch (WikiException e) {
            stopQuietly(server, claim);
            return failed(wiki, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            stopQuietly(server, claim);
            return failed(wiki, wiki.name() + ": cannot prepare " + wiki.shown(wiki.folder()) + ": " + e.getMessage());
        }
    }

    private PortRecord held(PortRecord claim, ProcessHandle server) {
        PortRecord record = claim.heldBy(server);
        records.write(record);
        return record;
    }

    private void stopQuietly(ProcessHandle server, PortRecord claim) {
        if (server != null) {
            PhpServer.stop(server.pid());
        }
        if (claim != null) {
            records.discard(claim);
            if (server != null) {
                records.discard(claim.heldBy(server));
            }
        }
    }

    private PortRecord record(LocalWiki wiki, int port) {
        return ports.record(wiki, port);
    }

    /** Where the wiki listens: decided by {@link Ports}, the one place that does. */
    PortRecord claim(LocalWiki wiki, Set<Integer> avoid) {
        return ports.claim(wiki, avoid);
    }

    /** Waits until the server answers as this wiki; empty when another server won the port; a WikiException otherwise. */
    private Optional<String> waitUntilUp(LocalWiki wiki, PortRecord record, ProcessHandle server) {
        URI api = wiki.api(record.port());
        long deadline = System.nanoTime() + settings.upTimeoutSeconds() * 1_000_000_000L;
        Path log = wiki.folder().resolve("server.log");
        while (true) {
            Optional<PhpServer.Answer> answer = PhpServer.ask(api);
            boolean ours = answer.map(a -> wiki.identity().equals(a.servedBy())).orElse(false);
            if (ours && answer.get().version() != null) {
                return Optional.of(answer.get().version());
            }
            if (!server.isAlive()) {
                if (PhpServer.busy(record.port()) && !ours) {
                    return Optional.empty();
                }
                throw new WikiException(wiki.name() + ": the server exited or could not bind port " + record.port() + ", see " + wiki.shown(log));
            }
            if (System.nanoTime() > deadline) {
                throw new WikiException(wiki.name() + ": no JSON from " + api + " after " + settings.upTimeoutSeconds() + " s, see " + wiki.shown(log));
            }
            PhpServer.sleep(100);
        }
    }

    private Up provisioned(LocalWiki wiki, Up up) {
        try {
            Installer installer = new Installer(wiki, releases.root(wiki.mediawiki()), PhpServer.php());
            installer.ensureCreator();
            installer.provision("content");
            return up;
        } catch (WikiException e) {
            return failed(wiki, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return failed(wiki, wiki.name() + ": cannot provision its users: " + e.getMessage());
        }
    }

    // ---- down, status, logs ---------------------------------------------------------------------------------------

    /** Stops each wiki's server (and its workers); a line each. */
    public void down(List<LocalWiki> wikis) {
        turn(() -> {
            for (LocalWiki wiki : wikis) {
                forget(wiki);
                Optional<PortRecord> record = records.ofFolder(wiki.folder());
                if (record.isPresent()) {
                    lines.accept(stop(wiki.name(), record.get()));
                } else {
                    Optional<ServerProcesses.Server> unrecorded = ServerProcesses.serving(wiki.localSettings());
                    unrecorded.ifPresent(s -> PhpServer.stop(s.pid()));
                    lines.accept(wiki.name() + " down (" + unrecorded.map(s -> "stopped pid " + s.pid() + ", which no record named")
                            .orElse("was not running") + ")");
                }
            }
            return null;
        });
    }

    /** Stops every recorded server of this checkout, those of wikis no environment file names any more included. */
    public void downRecorded(Set<String> alreadyStopped) {
        turn(() -> {
            for (PortRecord r : records.live()) {
                if (r.ofCheckout(checkout) && !alreadyStopped.contains(r.folder())) {
                    lines.accept(stop(r.deployment(), r));
                }
            }
            return null;
        });
    }

    private String stop(String name, PortRecord record) {
        boolean php = ProcessHandle.of(record.pid()).flatMap(p -> p.info().command())
                .map(c -> Path.of(c).getFileName().toString().startsWith("php")).orElse(false);
        if (!php) {
            return name + " down (not stopped: pid " + record.pid() + " is still starting it)";
        }
        PhpServer.stop(record.pid());
        records.locked(() -> {
            records.discard(record);
            return null;
        });
        return name + " down (stopped pid " + record.pid() + ")";
    }

    public List<Status> status(List<LocalWiki> wikis) {
        List<PortRecord> live = records.live();
        List<Status> states = new ArrayList<>();
        for (LocalWiki wiki : wikis) {
            Optional<PortRecord> r = live.stream().filter(x -> x.ofFolder(wiki.folder())).findFirst();
            states.add(new Status(wiki.name(), wiki.api(r.map(PortRecord::port).orElse(wiki.preferredPort())), r.isPresent(),
                    r.map(PortRecord::pid).orElse(0L), Files.isRegularFile(wiki.localSettings())));
        }
        return states;
    }

    /** The live records of this checkout's wikis. */
    public List<PortRecord> ofThisCheckout() {
        return records.live().stream().filter(r -> r.ofCheckout(checkout)).toList();
    }

    /** One line per port another checkout's wiki holds (recorded, or as the system shows a server no record names). */
    public List<String> otherCheckouts() {
        return ports.otherCheckouts();
    }

    /** The last {@code count} lines of the wiki's server.log, after a line naming it. */
    public List<String> logs(LocalWiki wiki, int count) {
        Path log = wiki.folder().resolve("server.log");
        List<String> out = new ArrayList<>();
        out.add("== " + wiki.name() + ": " + log + " (last " + count + " lines; install.log and logs/ beside it)");
        try {
            List<String> all = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
            out.addAll(all.subList(Math.max(0, all.size() - count), all.size()));
        } catch (IOException e) {
            out.add("(no server.log: never started)");
        }
        return out;
    }
}
