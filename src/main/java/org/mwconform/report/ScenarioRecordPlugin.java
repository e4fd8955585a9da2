package org.mwconform.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Node;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestSourceParsed;
import org.mwconform.conditions.CheckedCondition;
import org.mwconform.conditions.ConditionFailure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cucumber plugin of the scenario process: writes one JSON line per finished scenario
 * ({@link ScenarioRecord}). Used as {@code --plugin org.mwconform.report.ScenarioRecordPlugin:FILE}.
 */
public final class ScenarioRecordPlugin implements ConcurrentEventListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path out;
    private final Map<URI, String> featureNames = new ConcurrentHashMap<>();
    private final Map<UUID, JsonNode> evidence = new ConcurrentHashMap<>();
    private BufferedWriter writer;

    public ScenarioRecordPlugin(String out) {
        this.out = Path.of(out);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestSourceParsed.class, this::featureParsed);
        publisher.registerHandlerFor(EmbedEvent.class, this::embedded);
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> close());
    }

    private synchronized void close() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void featureParsed(TestSourceParsed event) {
        event.getNodes().stream().filter(n -> n instanceof Node.Feature).findFirst()
                .flatMap(Node::getName).ifPresent(name -> featureNames.put(event.getUri(), name));
    }

    private void embedded(EmbedEvent event) {
        if (Evidence.ATTACHMENT_NAME.equals(event.getName())) {
            try {
                evidence.put(event.getTestCase().getId(), JSON.readTree(event.getData()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private synchronized void finished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        Result result = event.getResult();
        Throwable error = result.getError();
        String id = testCase.getTags().stream().filter(t -> t.startsWith("@id:")).map(t -> t.substring(4))
                .reduce((a, b) -> b).orElse(null);
        JsonNode seen = evidence.remove(testCase.getId());
        List<CheckedCondition> failures = failures(seen);
        // The first condition that failed ends the scenario; a guard checked after it (Hooks) is among the failures.
        String conditionId = error instanceof ConditionFailure failure ? failure.conditionId()
                : failures.isEmpty() || error == null ? null : failures.get(0).id();
        ScenarioRecord record = new ScenarioRecord(id, featureNames.getOrDefault(testCase.getUri(), testCase.getUri().toString()),
                testCase.getName(), testCase.getUri().toString(), testCase.getLocation().getLine(), testCase.getTags(),
                result.getStatus().name(), error == null ? null : error.getClass().getSimpleName(), conditionId,
                error == null ? null : oneLine(error.getMessage()), seen, failures,
                seen == null ? 0 : seen.path("stepRequests").asInt(0));
        try {
            if (writer == null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
            }
            writer.write(JSON.writeValueAsString(record));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CheckedCondition> failures(JsonNode evidence) {
        List<CheckedCondition> failures = new ArrayList<>();
        if (evidence != null) {
            for (JsonNode c : evidence.path("conditions")) {
                if (!c.path("held").asBoolean(true)) {
                    failures.add(JSON.convertValue(c, CheckedCondition.class));
                }
            }
        }
        return failures;
    }

    private static String oneLine(String message) {
        return message == null ? null : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
