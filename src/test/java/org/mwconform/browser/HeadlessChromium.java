package org.mwconform.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol with the JDK's
 * WebSocket client: no WebDriver, no browser download, nothing beyond Maven Central. The port is
 * chosen by Chromium ({@code --remote-debugging-port=0}) and read from {@code DevToolsActivePort}.
 */
final class HeadlessChromium implements AutoCloseable {
    static final String INSTALL_HINT = "apt-get install chromium";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path userDataDir;
    private final Path log;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> pageProblems = new CopyOnWriteArrayList<>();
    private String sessionId;

    private HeadlessChromium(Process process, Path userDataDir, Path log, WebSocket socket) {
        this.process = process;
        this.userDataDir = userDataDir;
        this.log = log;
        this.socket = socket;
    }

    /** The browser: {@code -Dmwconform.chromium=PATH}, else Debian's /usr/bin/chromium. */
    static Path executable() {
        String configured = System.getProperty("mwconform.chromium");
        return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    }

    /** Starts Chromium with a fresh profile and opens one page of {@code width} x {@code height} CSS pixels. */
    static HeadlessChromium start(int width, int height) throws IOException, InterruptedException {
        Path exe = executable();
        if (!Files.isExecutable(exe)) {
            throw new AssertionError("chromium not found at " + exe + ": " + INSTALL_HINT);
        }
        Path userDataDir = Files.createTempDirectory("mwconform-chromium-");
        Path log = userDataDir.resolveSibling(userDataDir.getFileName() + ".log");
        Process process = new ProcessBuilder(exe.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
                "--hide-scrollbars", "--user-data-dir=" + userDataDir, "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            URI endpoint = devToolsEndpoint(process, userDataDir, log);
            Listener listener = new Listener();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(endpoint, listener)
                    .get(10, TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, userDataDir, log, socket);
            listener.owner = chromium;
            chromium.openPage(width, height);
            return chromium;
        } catch (ExecutionException | TimeoutException | IOException | RuntimeException e) {
            kill(process);
            throw new AssertionError("chromium did not start: " + e + "; " + tail(log), e);
        }
    }

    private static URI devToolsEndpoint(Process process, Path userDataDir, Path log) throws IOException, InterruptedException {
        Path portFile = userDataDir.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IOException("no DevToolsActivePort after 20 s");
    }

    private void openPage(int width, int height) {
        String targetId = browser("Target.createTarget", obj().put("url", "about:blank")).path("targetId").asText();
        sessionId = browser("Target.attachToTarget", obj().put("targetId", targetId).put("flatten", true)).path("sessionId").asText();
        page("Page.enable", obj());
        page("Runtime.enable", obj());
        page("Log.enable", obj());
        page("Emulation.setDeviceMetricsOverride", obj().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    /** Loads {@code url} and waits for the load event (document.readyState complete). */
    void navigate(URI url) throws InterruptedException {
        JsonNode answer = page("Page.navigate", obj().put("url", url.toString()));
        if (answer.hasNonNull("errorText")) {
            throw new AssertionError("navigation to " + url + " failed: " + answer.path("errorText").asText());
        }
        waitFor("document.readyState === 'complete'", Duration.ofSeconds(10));
    }

    /** Evaluates a JavaScript expression in the page; the value comes back as JSON. */
    JsonNode evaluate(String expression) {
        JsonNode answer = page("Runtime.evaluate", obj().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (answer.has("exceptionDetails")) {
            throw new AssertionError("the page threw on `" + expression + "`: "
                    + answer.path("exceptionDetails").path("exception").path("description").asText(answer.path("exceptionDetails").toString()));
        }
        return answer.path("result").path("value");
    }

    String text(String expression) {
        return evaluate(expression).asText();
    }

    void waitFor(String condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + condition);
            }
            Thread.sleep(25);
        }
    }

    /** A real mouse click (pressed and released) in the middle of the element, after scrolling it into view. */
    void click(String cssSelector) {
        String selector;
        try {
            selector = JSON.writeValueAsString(cssSelector);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JsonNode point = evaluate("(() => { const e = document.querySelector(" + selector + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center', inline: 'center'});"
                + " const r = e.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (point.isNull() || point.isMissingNode()) {
            throw new AssertionError("nothing on the page matches " + cssSelector);
        }
        double x = point.path("x").asDouble();
        double y = point.path("y").asDouble();
        page("Input.dispatchMouseEvent", obj().put("type", "mouseMoved").put("x", x).put("y", y));
        page("Input.dispatchMouseEvent", obj().put("type", "mousePressed").put("x", x).put("y", y).put("button", "left").put("clickCount", 1));
        page("Input.dispatchMouseEvent", obj().put("type", "mouseReleased").put("x", x).put("y", y).put("button", "left").put("clickCount", 1));
    }

    void pressKey(String key, int keyCode) {
        page("Input.dispatchKeyEvent", obj().put("type", "rawKeyDown").put("key", key).put("code", key).put("windowsVirtualKeyCode", keyCode));
        page("Input.dispatchKeyEvent", obj().put("type", "keyUp").put("key", key).put("code", key).put("windowsVirtualKeyCode", keyCode));
    }

    /** A PNG of the viewport, or of the whole page (up to {@code maxHeight} CSS pixels). */
    void screenshot(Path file, boolean fullPage, int maxHeight) throws IOException {
        ObjectNode params = obj().put("format", "png");
        if (fullPage) {
            JsonNode size = page("Page.getLayoutMetrics", obj()).path("cssContentSize");
            params.put("captureBeyondViewport", true).putObject("clip")
                    .put("x", 0).put("y", 0).put("scale", 1)
                    .put("width", Math.ceil(size.path("width").asDouble()))
                    .put("height", Math.min(maxHeight, Math.ceil(size.path("height").asDouble())));
        }
        byte[] png = Base64.getDecoder().decode(page("Page.captureScreenshot", params).path("data").asText());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
    }

    /** Uncaught exceptions, console errors and browser errors (a Content-Security-Policy refusal, a failed load). */
    List<String> pageProblems() {
        return List.copyOf(pageProblems);
    }

    // --- the protocol ----------------------------------------------------------------------------

    private JsonNode browser(String method, ObjectNode params) {
        return send(null, method, params);
    }

    private JsonNode page(String method, ObjectNode params) {
        return send(sessionId, method, params);
    }

    private JsonNode send(String session, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = obj().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (socket) {
                socket.sendText(JSON.writeValueAsString(message), true).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            return answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(method + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(method + ": no answer from chromium in " + COMMAND_TIMEOUT.toSeconds() + " s; " + tail(log), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            pending.remove(id);
        }
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.path("id").asInt());
            if (answer != null) {
                if (message.has("error")) {
                    answer.completeExceptionally(new IllegalStateException(message.path("error").toString()));
                } else {
                    answer.complete(message.path("result"));
                }
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Runtime.exceptionThrown" -> pageProblems.add("exception: "
                    + params.path("exceptionDetails").path("exception").path("description").asText(params.path("exceptionDetails").path("text").asText()));
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.path("type").asText())) {
                    pageProblems.add("console.error: " + params.path("args").toString());
                }
            }
            case "Log.entryAdded" -> {
                if ("error".equals(params.path("entry").path("level").asText())) {
                    pageProblems.add(params.path("entry").path("source").asText() + ": " + params.path("entry").path("text").asText());
                }
            }
            default -> {
            }
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        private volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String message = buffer.toString();
                buffer.setLength(0);
                HeadlessChromium o = owner;
                if (o != null) {   // set before the first command is sent, so no answer is lost
                    o.received(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    // --- shutting down -----------------------------------------------------------------------------

    @Override
    public void close() {
        try {
            browser("Browser.close", obj());
        } catch (AssertionError | RuntimeException e) {
            // closing anyway
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
        }
        socket.abort();
        deleteTree(userDataDir);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file
        }
    }

    /** Only the process this class started, and its children. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temp profile: best effort
                }
            });
        } catch (IOException e) {
            // a temp profile: best effort
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.contains("dbus")).toList();
            return "chromium log: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "no chromium log";
        }
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }
}
