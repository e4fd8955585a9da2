package org.mwconform.wikis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The PHP servers of local wikis running on this machine, as the system shows them (Linux's /proc): which port each
 * serves and which working folder (its {@code MWCONFORM_CONFIG}). How a wiki no record names is found: one started by
 * an older checkout's script, or one whose record was lost. Empty where /proc is not readable.
 */
final class ServerProcesses {
    private static final Pattern LISTEN = Pattern.compile("127\\.0\\.0\\.1:([0-9]{1,5})");
    private static final Pattern WORK = Pattern.compile("(.*)/environments/local/\\.work/([^/]+)/LocalSettings\\.php");

    /** A PHP built-in server (its workers are left out) and the wiki it serves, when it says. */
    record Server(long pid, int port, Path config, String command) {
        /** The checkout folder, when the working folder is a checkout's {@code environments/local/.work/NAME}. */
        Optional<String> checkout() {
            Matcher m = config == null ? null : WORK.matcher(config.toString());
            return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        }

        Optional<String> deployment() {
            Matcher m = config == null ? null : WORK.matcher(config.toString());
            return m != null && m.matches() ? Optional.of(m.group(2)) : Optional.empty();
        }
    }

    private ServerProcesses() {
    }

    static List<Server> all() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return List.of();
        }
        List<Server> servers = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path p : entries.filter(e -> e.getFileName().toString().matches("[0-9]+")).toList()) {
                server(p).ifPresent(servers::add);
            }
        } catch (IOException e) {
            return List.of();
        }
        // PHP_CLI_SERVER_WORKERS forks workers with the same command line: keep the one whose parent is not one of them.
        Set<Long> pids = servers.stream().map(Server::pid).collect(Collectors.toSet());
        return servers.stream().filter(s -> ProcessHandle.of(s.pid()).flatMap(ProcessHandle::parent)
                .map(parent -> !pids.contains(parent.pid())).orElse(true)).toList();
    }

    static Optional<Server> onPort(int port) {
        return all().stream().filter(s -> s.port() == port).findFirst();
    }

    static Optional<Server> serving(Path localSettings) {
        return all().stream().filter(s -> localSettings.equals(s.config())).findFirst();
    }

    private static Optional<Server> server(Path process) {
        try {
            String[] argv = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
            int s = List.of(argv).indexOf("-S");
            if (s < 0 || s + 1 >= argv.length || !Path.of(argv[0]).getFileName().toString().startsWith("php")) {
                return Optional.empty();
            }
            Matcher listen = LISTEN.matcher(argv[s + 1]);
            if (!listen.matches()) {
                return Optional.empty();
            }
            Path config = null;
            try {
                for (String variable : new String(Files.readAllBytes(process.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
                    if (variable.startsWith("MWCONFORM_CONFIG=")) {
                        config = Path.of(variable.substring("MWCONFORM_CONFIG=".length()));
                    }
                }
            } catch (IOException e) {
                // another user's process: its command line only
            }
            return Optional.of(new Server(Long.parseLong(process.getFileName().toString()), Integer.parseInt(listen.group(1)), config,
                    String.join(" ", argv)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
