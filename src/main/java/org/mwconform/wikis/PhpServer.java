package org.mwconform.wikis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** PHP's built-in server serving one wiki through environments/local/router.php: started, asked, stopped. */
final class PhpServer {
    /** Opcache and APCu on; PHP's errors go to server.log, never into a response. */
    static final List<String> OPTIONS = List.of("-d", "opcache.enable=1", "-d", "opcache.enable_cli=1",
            "-d", "opcache.memory_consumption=192", "-d", "opcache.interned_strings_buffer=16",
            "-d", "opcache.max_accelerated_files=20000", "-d", "apc.enabled=1", "-d", "apc.shm_size=64M",
            "-d", "display_errors=0", "-d", "log_errors=1");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress().getAddress().length == 4
            ? InetAddress.getLoopbackAddress() : loopback4();

    private PhpServer() {
    }

    static String php() {
        String php = System.getenv("PHP");
        return php == null || php.isBlank() ? "php" : php;
    }

    /**
     * Starts the server in a session of its own (setsid: it outlives this JVM, and a terminal's Ctrl-C stops the run,
     * not the wiki), its output appended to server.log.
     */
    static ProcessHandle start(LocalWiki wiki, int port, Path root, Path router, int workers) {
        Path log = wiki.folder().resolve("server.log");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(php());
        command.addAll(OPTIONS);
        command.addAll(List.of("-S", "127.0.0.1:" + port, "-t", root.toString(), router.toString()));
        try {
            Files.createDirectories(wiki.folder().resolve("logs"));
            Files.writeString(log, "---- " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                    + " mwconform wiki up: php -S 127.0.0.1:" + port + " (workers: " + workers + ")\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("MWCONFORM_CONFIG", wiki.localSettings().toString());
            builder.environment().put("PHP_CLI_SERVER_WORKERS", String.valueOf(workers));
            // setsid execs PHP in place (a child of this JVM leads no process group), so this is the server itself.
            return builder.start().toHandle();
        } catch (IOException e) {
            throw new WikiException(wiki.name() + ": cannot start " + php() + ": " + e.getMessage());
        }
    }

    /** Stops the server and its workers: TERM, then KILL after five seconds. */
    static void stop(long pid) {
        Optional<ProcessHandle> server = ProcessHandle.of(pid);
        if (server.isEmpty()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(server.get().descendants().toList());
        all.add(server.get());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(50);
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** What a wiki answered to siteinfo: the router's identity header and MediaWiki's generator, each null when absent. */
    record Answer(String servedBy, String version) {
    }

    /**
     * One siteinfo request to {@code api}; empty when nothing answers HTTP there. Plain HttpURLConnection: the JDK's
     * HttpClient sets up TLS on creation, which costs a short command more than all its requests.
     */
    static Optional<Answer> ask(URI api) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(api + "?action=query&meta=siteinfo&format=json").toURL().openConnection();
            connection.setConnectTimeout(3000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            String servedBy = connection.getHeaderField("X-Mwconform-Wiki");
            String version = null;
            try (var in = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
                String body = in == null ? "" : new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
                if (status == 200 && body.startsWith("{")) {
                    JsonNode generator = JSON.readTree(body).path("query").path("general").path("generator");
                    version = generator.isTextual() ? generator.asText() : null;
                }
            }
            return Optional.of(new Answer(servedBy == null ? null : servedBy.strip(), version));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** Whether something listens on the port, or it cannot be bound (then someone holds it too). */
    static boolean busy(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 300);
            return true;
        } catch (IOException e) {
            // nothing listens: can it be bound?
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static InetAddress loopback4() {
        try {
            return InetAddress.getByAddress("localhost", new byte[]{127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
