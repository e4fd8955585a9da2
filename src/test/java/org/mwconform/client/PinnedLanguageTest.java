package org.mwconform.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.mwconform.secrets.SecretMasker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Defect: texts were compared in English, but no request asked for English. */
class PinnedLanguageTest {
    @Test
    void everyRequestAsksForEnglishMessagesAndErrors() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api.php", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestURI().getRawQuery() + " | " + body);
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            ApiTransport transport = new ApiTransport(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api.php"),
                    new SecretMasker(), null, org.mwconform.deployments.ClientSettings.DEFAULT, TargetBreaker.none(), WriteGuard.unrestricted());
            transport.send("get", ApiTransport.Placement.GET_QUERY, Map.of("action", "query"), Map.of(), false);
            transport.send("post", ApiTransport.Placement.POST_BODY, Map.of("action", "createaccount"), Map.of(), false);
        } finally {
            server.stop(0);
        }
        assertThat(seen).hasSize(2).allSatisfy(request -> assertThat(request).contains("uselang=en").contains("errorlang=en"));
    }
}
