package org.mwconform.wikis;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a local wiki listens, decided once for every checkout of this machine, and who holds a port: the one place
 * that reads the records to choose a port and writes the claim.
 */
final class Ports {
    private final Path checkout;
    private final PortRecords records;
    private final int firstFree;
    private final int lastFree;
    private final Consumer<String> lines;

    /** The system's PHP servers, read once for the claims of one {@code up} (a scan of /proc is not free). */
    private List<ServerProcesses.Server> servers;
    private long scanned;

    private synchronized List<ServerProcesses.Server> servers() {
        if (servers == null || System.nanoTime() - scanned > 2_000_000_000L) {
            servers = ServerProcesses.all();
            scanned = System.nanoTime();
        }
        return servers;
    }

    Ports(Path checkout, PortRecords records, int firstFree, int lastFree, Consumer<String> lines) {
        this.checkout = checkout;
        this.records = records;
        this.firstFree = firstFree;
        this.lastFree = lastFree;
        this.lines = lines;
    }

    PortRecord record(LocalWiki wiki, int port) {
        return new PortRecord(port, wiki.preferredPort(), ProcessHandle.current().pid(), PortRecord.startOf(ProcessHandle.current()),
                checkout.toString(), wiki.name(), wiki.environment().toAbsolutePath().normalize().toString(),
                wiki.folder().toAbsolutePath().normalize().toString());
    }

    /**
     * Decides where the wiki listens, once, for every checkout of this machine: its preferred port when no live record
     * and no other program holds it; else the first free port, saying in one line who holds the preferred one. The
     * claim is recorded at once (held by this process until the server runs), so no one else takes it meanwhile.
     */
    PortRecord claim(LocalWiki wiki, Set<Integer> avoid) {
        return records.locked(() -> {
            records.discardStale();
            List<PortRecord> live = records.live();
            int port = wiki.preferredPort();
            Optional<PortRecord> recorded = live.stream().filter(r -> r.port() == port).findFirst();
            String holder = recorded.map(this::describe).orElseGet(() -> PhpServer.busy(port) ? holderOf(port) : null);
            if (holder == null) {
                PortRecord claim = record(wiki, port);
                records.write(claim);
                return claim;
            }
            Set<Integer> taken = new HashSet<>(avoid);
            live.forEach(r -> taken.add(r.port()));
            for (int free = firstFree; free <= lastFree; free++) {
                if (!taken.contains(free) && !PhpServer.busy(free)) {
                    lines.accept(wiki.name() + ": port " + port + " is held by " + holder + "; serving this checkout's on port " + free);
                    PortRecord claim = record(wiki, free);
                    records.write(claim);
                    return claim;
                }
            }
            throw new WikiException(wiki.name() + ": port " + port + " is held by " + holder + " and no port of "
                    + firstFree + "-" + lastFree + " is free (MWCONFORM_FREE_PORTS)");
        });
    }

    String describe(PortRecord r) {
        return (r.ofCheckout(checkout) ? "this checkout's wiki " + r.deployment() : "the wiki " + r.deployment() + " of the checkout " + r.checkout())
                + " (pid " + r.pid() + ")";
    }

    /** Who listens on a port no record names: a local wiki of another checkout (as /proc shows it), or another program. */
    private String holderOf(int port) {
        Optional<ServerProcesses.Server> server = servers().stream().filter(s -> s.port() == port).findFirst();
        if (server.isPresent()) {
            return describe(server.get());
        }
        Optional<String> program = ListeningProcesses.onPort(port);
        if (program.isPresent()) {
            return program.get();
        }
        boolean wiki = PhpServer.ask(URI.create("http://127.0.0.1:" + port + "/api.php")).map(a -> a.servedBy() != null).orElse(false);
        return wiki ? "another checkout's mwconform wiki" : "another program";
    }

    private static String describe(ServerProcesses.Server s) {
        if (s.checkout().isPresent()) {
            return "the wiki " + s.deployment().orElseThrow() + " of the checkout " + s.checkout().get() + " (pid " + s.pid() + ")";
        }
        return "a PHP server (pid " + s.pid() + (s.config() == null ? "" : ", serving " + s.config()) + ")";
    }

    /** One line per port another checkout's wiki holds (recorded, or as the system shows a server no record names). */
    List<String> otherCheckouts() {
        Map<Integer, String> held = new java.util.TreeMap<>();
        List<PortRecord> live = records.live();
        live.stream().filter(r -> !r.ofCheckout(checkout)).forEach(r -> held.put(r.port(), "port " + r.port() + ": " + describe(r)));
        Set<Integer> recorded = new HashSet<>();
        live.forEach(r -> recorded.add(r.port()));
        for (ServerProcesses.Server s : servers()) {
            if (!recorded.contains(s.port()) && (s.config() == null || !s.config().startsWith(checkout))) {
                held.put(s.port(), "port " + s.port() + ": " + describe(s) + ", no record");
            }
        }
        return List.copyOf(held.values());
    }
}
