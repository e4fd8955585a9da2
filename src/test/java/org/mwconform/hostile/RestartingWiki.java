package org.mwconform.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.mwconform.stub.Mutation;
import org.mwconform.stub.Setup;
import org.mwconform.stub.StubWiki;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only api.php that dies and comes back: it forwards to a conforming {@link StubWiki} (whose accounts survive
 * the restart, as a database does) and, on the request numbered {@code dieAt}, stops listening, as a wiki whose server
 * is restarted does: connections are refused until it listens again on the same port {@code downMillis} later (never,
 * with a negative value). The request during which it dies is answered first (a graceful restart: the server finishes
 * what it holds); with {@link #cutOffCreateAccount} instead, the first {@code action=createaccount} from the
 * {@code dieAt}-th request on is read and then dropped without an answer and without reaching the wiki, as a crash
 * mid-request does. Bound to 127.0.0.1; never a deployment whose conformance is reported.
 */
final class RestartingWiki implements AutoCloseable {
    private final StubWiki stub = StubWiki.start(Setup.VANILLA, Mutation.NONE);
    private final HttpClient forward = HttpClient.newHttpClient();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "restarting-wiki");
        t.setDaemon(true);
        return t;
    });
    private final int port;
    private final int dieAt;
    private final long downMillis;
    private final boolean cutOffCreateAccount;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile HttpServer server;
    /** When it stopped and started listening again (System.nanoTime), for the tests to measure. */
    volatile long diedAt;
    volatile long cameBackAt;
    /** Every createaccount request that reached this server (cut off or not), as sent, in order; and the one cut off. */
    final List<String> createAccountRequests = new CopyOnWriteArrayList<>();
    volatile String cutOff;

    /** A wiki that never dies (a baseline). */
    RestartingWiki() throws IOException {
        this(Integer.MAX_VALUE, 0, false);
    }

    RestartingWiki(int dieAt, long downMillis, boolean cutOffCreateAccount) throws IOException {
        this.dieAt = dieAt;
        this.downMillis = downMillis;
        this.cutOffCreateAccount = cutOffCreateAccount;
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    URI api() {
        return URI.create("http://127.0.0.1:" + port + "/api.php");
    }

    int requests() {
        return requests.get();
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        s.createContext("/api.php", this::serve);
        s.setExecutor(threads);
        s.start();
        return s;
    }

    @Override
    public void close() {
        HttpServer s = server;
        if (s != null) {
            s.stop(0);
        }
        threads.shutdownNow();
        stub.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            int n = requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String all = (exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery()) + "&"
                    + new String(body, StandardCharsets.UTF_8);
            boolean createAccount = all.contains("action=createaccount");
            if (createAccount) {
                createAccountRequests.add(all);
            }
            if (cutOffCreateAccount) {
                if (n >= dieAt && createAccount && diedAt == 0) {
                    diedAt = System.nanoTime();
                    cutOff = all;
                    return;  // closed without a byte: the client sent it and never hears what became of it
                }
            } else if (n == dieAt) {
                die();
            }
            HttpResponse<String> answer;
            try {
                answer = forward(exchange, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.headers().firstValue("Content-Type").orElse("application/json"));
            answer.headers().allValues("Set-Cookie").forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * Stops listening at once (the request being served still gets its answer: stop waits for it), and listens again
     * on the same port after the down time. With the run's one thread, no other request can be under way meanwhile.
     */
    private void die() {
        HttpServer old = server;
        threads.execute(() -> {
            diedAt = System.nanoTime();
            old.stop(5);
            if (downMillis < 0) {
                server = null;
                return;
            }
            try {
                Thread.sleep(Math.max(0, downMillis - (System.nanoTime() - diedAt) / 1_000_000));
                for (int attempt = 0; ; attempt++) {
                    try {
                        server = listen(port);
                        cameBackAt = System.nanoTime();
                        return;
                    } catch (BindException busy) {
                        if (attempt > 100) {
                            throw busy;
                        }
                        Thread.sleep(20);
                    }
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        // Let the listener close before this request is answered: the client's next request then meets a closed port.
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI target = URI.create(stub.api() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
            request.header("Content-Type", type);
        }
        return forward.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
