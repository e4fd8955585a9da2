package org.mwconform.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.deployments.ClientSettings;
import org.mwconform.secrets.SecretMasker;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the transport does when the wiki does not answer: asked again within the patience, a sent write never. */
class ApiTransportPatienceTest {
    private static final String OK = "{\"batchcomplete\":\"\",\"query\":{\"tokens\":{\"createaccounttoken\":\"+\\\\\"}}}";
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private static ClientSettings patience(int seconds) {
        return new ClientSettings(5, 60, 1 << 20, 0, 5, 0, null, null, seconds);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A wiki on {@code port}: the first {@code drop} requests are read and dropped unanswered, the rest answered. */
    private HttpServer wiki(int port, int drop) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger n = new AtomicInteger();
        server.createContext("/api.php", exchange -> {
            try (exchange) {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (n.incrementAndGet() <= drop) {
                    return;  // closed without an answer
                }
                byte[] body = OK.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        servers.add(server);
        return server;
    }

    private ApiTransport transport(int port, ClientSettings settings, TargetBreaker breaker) {
        return new ApiTransport(URI.create("http://127.0.0.1:" + port + "/api.php"), new SecretMasker(), null, settings, breaker,
                WriteGuard.unrestricted());  // a stub that may be written to: what is under test is the retry
    }

    private static Map<String, String> tokens() {
        return Map.of("action", "query", "meta", "tokens", "type", "createaccount");
    }

    @Test
    void aWikiThatComesUpWithinThePatienceIsAnsweredAndTheWaitIsInTheEvidence() throws Exception {
        int port = freePort();
        TargetBreaker breaker = new TargetBreaker(dir.resolve("breaker.txt"));
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(700);
                wiki(port, 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        late.start();
        ApiTransport transport = transport(port, patience(5), breaker);
        ApiResponse answer = transport.send("tokens", ApiTransport.Placement.POST_BODY, tokens(), Map.of(), true);
        late.join();
        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(breaker.tripped()).isEmpty();
        assertThat(transport.exchanges()).extracting(Exchange::purpose).first().asString()
                .contains("no answer: unreachable").contains("Connection refused").contains("asked again in 100 ms (patience 5 s)");
        assertThat(transport.exchanges()).last().extracting(Exchange::status).isEqualTo(200);
    }

    @Test
    void aWikiThatStaysDownOpensTheBreakerAfterThePatienceAndNotBefore() throws Exception {
        int port = freePort();
        TargetBreaker breaker = new TargetBreaker(dir.resolve("breaker.txt"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> transport(port, patience(1), breaker).send("tokens", ApiTransport.Placement.POST_BODY, tokens(), Map.of(), true))
                .isInstanceOf(TargetUnusableException.class)
                .hasMessageContaining("Connection refused").hasMessageEndingWith("still no answer after the patience of 1 s (--patience, patience:)");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isBetween(0.9, 5.0);
        assertThat(breaker.tripped()).get().asString().contains("after the patience of 1 s");
        // Every later request of the deployment fails at once; the next answer (here: the wiki back) closes it.
        assertThatThrownBy(() -> transport(port, patience(1), breaker).send("tokens", ApiTransport.Placement.POST_BODY, tokens(), Map.of(), true))
                .hasMessageEndingWith("(not asked again in this run)");
        wiki(port, 0);
        breaker.close();
        assertThat(transport(port, patience(1), breaker).send("tokens", ApiTransport.Placement.POST_BODY, tokens(), Map.of(), true).httpStatus())
                .isEqualTo(200);
    }

    @Test
    void aReadWithoutAnAnswerIsAskedAgain() throws Exception {
        int port = freePort();
        wiki(port, 2);
        TargetBreaker breaker = new TargetBreaker(dir.resolve("breaker.txt"));
        breaker.trip("an earlier session gave up");
        breaker.close();
        ApiResponse answer = transport(port, patience(5), breaker).send("tokens", ApiTransport.Placement.POST_BODY, tokens(), Map.of(), true);
        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(received).hasSize(3);
    }

    @Test
    void aCreateAccountThatWasSentIsNeverSentAgainAndItsOutcomeIsUnknown() throws Exception {
        int port = freePort();
        wiki(port, 1);
        TargetBreaker breaker = new TargetBreaker(dir.resolve("breaker.txt"));
        ApiTransport transport = transport(port, patience(5), breaker);
        Map<String, String> create = Map.of("action", "createaccount", "username", "Mwconform-x-abcdef", "password", "S3cret-pw-42",
                "retype", "S3cret-pw-42", "createtoken", "+\\", "createreturnurl", "http://127.0.0.1/");
        assertThatThrownBy(() -> transport.send("create the account", ApiTransport.Placement.POST_BODY, create, Map.of(), true))
                .isInstanceOf(TargetUnusableException.class)
                .hasMessageStartingWith("outcome unknown: action=createaccount was sent to http://127.0.0.1:" + port + "/api.php")
                .hasMessageContaining("it is not sent again");
        assertThat(received).as("sent once, never replayed").hasSize(1);
        assertThat(breaker.tripped()).as("one request's fate says nothing of the wiki: no breaker").isEmpty();
        assertThat(transport.exchanges()).singleElement().satisfies(e -> {
            assertThat(e.purpose()).contains("the request was sent, so its outcome is unknown, and it is not sent again");
            assertThat(e.status()).isZero();
            assertThat(e.form().get("password")).isNotEqualTo("S3cret-pw-42");
        });
    }

    @Test
    void aCreateAccountMetByARefusedConnectionWasNeverSentAndIsSentOnceTheWikiIsBack() throws Exception {
        int port = freePort();
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(500);
                wiki(port, 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        late.start();
        Map<String, String> create = Map.of("action", "createaccount", "username", "Mwconform-x-abcdef", "createtoken", "+\\",
                "createreturnurl", "http://127.0.0.1/");
        ApiResponse answer = transport(port, patience(5), TargetBreaker.none())
                .send("create the account", ApiTransport.Placement.POST_BODY, create, Map.of(), true);
        late.join();
        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(received).hasSize(1);
    }

    @Test
    void onlyTheDocumentedReadsCountAsChangingNothing() {
        assertThat(ApiTransport.changesNothing(Map.of("action", "query", "meta", "tokens"))).isTrue();
        assertThat(ApiTransport.changesNothing(Map.of("action", "paraminfo"))).isTrue();
        assertThat(ApiTransport.changesNothing(Map.of("action", "createaccount"))).isFalse();
        assertThat(ApiTransport.changesNothing(Map.of("action", "clientlogin"))).isFalse();
        assertThat(ApiTransport.changesNothing(Map.of("action", "block"))).isFalse();
        assertThat(ApiTransport.changesNothing(Map.of())).isFalse();
    }
}
