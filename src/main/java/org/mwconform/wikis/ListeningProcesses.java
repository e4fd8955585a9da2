package org.mwconform.wikis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Which program listens on a port, as Linux's /proc shows it (the socket's inode, then the process holding it). */
final class ListeningProcesses {
    private ListeningProcesses() {
    }

    /** "pid N (command)" of the process listening on the port, when the system says. */
    static Optional<String> onPort(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address rem_address st ... inode: state 0A is LISTEN
                    if (f.length > 9 && f[1].endsWith(hexPort) && "0A".equals(f[3])) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException e) {
                // no such table here
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(e -> e.getFileName().toString().matches("[0-9]+")).toList()) {
                try (Stream<Path> fds = Files.list(p.resolve("fd"))) {
                    if (fds.anyMatch(fd -> {
                        try {
                            return inodes.contains(Files.readSymbolicLink(fd).toString());
                        } catch (IOException e) {
                            return false;
                        }
                    })) {
                        long pid = Long.parseLong(p.getFileName().toString());
                        String command = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
                        return Optional.of("pid " + pid + " (" + (command.length() > 80 ? command.substring(0, 80) + "..." : command) + ")");
                    }
                } catch (IOException | SecurityException e) {
                    // another user's process: not ours to read
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
