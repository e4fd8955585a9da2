package org.mwconform.wikis;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a local wiki's server listens and who that server is: written when the engine starts it, read by every path
 * that reaches the wiki, discarded once the server is gone (so the next start returns to the preferred port).
 *
 * @param port        the port the server got
 * @param preferred   the port its environment file prefers
 * @param pid         the PHP server's process (while it starts: the process that claimed the port)
 * @param started     that process's start time (a reused pid is not the server), or null when the system does not say
 * @param checkout    the checkout whose engine started it (its folder)
 * @param deployment  the deployment's name
 * @param environment the environment file (absolute)
 * @param folder      the wiki's working folder (absolute): its LocalSettings.php is what the router names
 */
public record PortRecord(int port, int preferred, long pid, String started, String checkout, String deployment,
                         String environment, String folder) {

    /** The same claim, now held by the server that was started. */
    public PortRecord heldBy(ProcessHandle server) {
        return new PortRecord(port, preferred, server.pid(), startOf(server), checkout, deployment, environment, folder);
    }

    /** Whether the recorded process still runs (the same process, not a reused pid). */
    public boolean alive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        return process.isPresent() && (started == null || started.equals(startOf(process.get())));
    }

    public boolean ofCheckout(Path home) {
        return Path.of(checkout).equals(home.toAbsolutePath().normalize());
    }

    public boolean ofFolder(Path workFolder) {
        return Path.of(folder).equals(workFolder.toAbsolutePath().normalize());
    }

    static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse(null);
    }
}
