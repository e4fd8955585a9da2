package org.mwconform.report.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mwconform.report.Evidence;
import org.mwconform.conditions.CheckedCondition;
import org.mwconform.report.ScenarioRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Cucumber's own standard output, the {@code message} formatter's NDJSON (one envelope a line), into what
 * the harness judges: one {@link ScenarioRecord} per finished scenario, with its steps. Whoever ran Cucumber
 * ({@code mwconform run}, {@code mvn test}, Gradle, an IDE), the same file gives the same records.
 *
 * <p>What the harness adds travels as the {@value Evidence#ATTACHMENT_NAME} attachment the core's hooks make:
 * applicability, every condition checked (the failed one with what was observed), every exchange.
 * A retried attempt ({@code willBeRetried}) is not a result; a line cut short by a killed process is ignored,
 * and the scenarios it belonged to have no record.
 */
public final class CucumberMessages {
    private static final ObjectMapper JSON = org.mwconform.client.JsonReading.MAPPER;
    private static final Pattern CONDITION_ID = Pattern.compile("^\\[([^\\]\\s]+)]");
    static final String CORE_IN_JAR = "org/mwconform/features/";
    private static final String CONDITION_FAILURE = "org.mwconform.conditions.ConditionFailure";

    /** Cucumber's status order: the worst step's status is the scenario's. */
    private static final List<String> SEVERITY = List.of("UNKNOWN", "PASSED", "SKIPPED", "PENDING", "UNDEFINED", "AMBIGUOUS", "FAILED");

    private final Map<String, String> featureNames = new HashMap<>();
    private final Map<String, Integer> astLines = new HashMap<>();
    private final Map<String, JsonNode> pickles = new LinkedHashMap<>();
    private final Map<String, JsonNode> testCases = new HashMap<>();
    private final Map<String, Started> started = new LinkedHashMap<>();
    private final List<ScenarioRun> finished = new ArrayList<>();
    private int tornLines;
    /** The step definitions' lines, unparsed: read only when a step is undefined (for the nearest known steps). */
    private final List<String> stepDefinitionLines = new ArrayList<>();
    /** Cucumber's snippet for each undefined step, by pickle step id. */
    private final Map<String, String> snippets = new HashMap<>();

    private CucumberMessages() {
    }

    /** One step as it ran: the Gherkin text (or the hook's method), its status and, when it did not pass, why. */
    public record StepRun(String text, boolean hook, String status, String message, long durationMillis) {
    }

    /** A finished scenario: its record, its steps in order, and when it started and stopped (epoch milliseconds). */
    public record ScenarioRun(ScenarioRecord record, List<StepRun> steps, long startMillis, long stopMillis) {
    }

    /**
     * Everything one NDJSON file tells.
     *
     * @param scenarios     every scenario that finished, in the order they finished
     * @param pickles       how many scenarios the features held (Cucumber lists them all, selected or not)
     * @param selected      how many of them were selected to run (had a test case)
     * @param runFinished   whether the run reached its end (a killed process leaves no testRunFinished)
     * @param tornLines     lines that were not JSON (the last line of a killed process)
     * @param featureUris   the features the scenarios came from
     */
    public record Run(List<ScenarioRun> scenarios, int pickles, int selected, boolean runFinished, int tornLines,
                      List<String> featureUris) {
        /**
         * Whether the core contract was among the features: the jar's copy ({@value #CORE_IN_JAR}) or the features
         * folder of a harness checkout.
         */
        public boolean coreRan(java.nio.file.Path coreFolder) {
            String folder = coreFolder.toAbsolutePath().normalize().toUri().toString();
            return featureUris.stream().anyMatch(u -> u.contains(CORE_IN_JAR) || u.startsWith(folder));
        }

        /** No tag filter left a scenario of the features out: an expectations entry naming no scenario is stale. */
        public boolean allScenariosSelected() {
            return pickles == selected;
        }

        public List<ScenarioRecord> records() {
            return scenarios.stream().map(ScenarioRun::record).toList();
        }
    }

    private boolean runFinished;

    public static Run read(Path ndjson) throws IOException {
        CucumberMessages reader = new CucumberMessages();
        try (BufferedReader in = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                reader.acceptLine(line);
            }
        }
        return reader.run();
    }

    /** Reads envelopes from lines already in memory (tests, or a stream another tool produced). */
    public static Run read(List<String> lines) {
        CucumberMessages reader = new CucumberMessages();
        lines.forEach(reader::acceptLine);
        return reader.run();
    }

    private Run run() {
        return new Run(List.copyOf(finished), pickles.size(), testCases.size(), runFinished, tornLines,
                pickles.values().stream().map(p -> p.path("uri").asText()).distinct().toList());
    }

    /**
     * A reader fed line by line while Cucumber still writes (live progress): {@link #accept} gives the scenario
     * each line finished, if it finished one.
     */
    public static CucumberMessages incremental() {
        return new CucumberMessages();
    }

    /** Takes one NDJSON line; the scenario it finished, if any. */
    public synchronized java.util.Optional<ScenarioRun> accept(String line) {
        int before = finished.size();
        acceptLine(line);
        return finished.size() > before ? java.util.Optional.of(finished.get(finished.size() - 1)) : java.util.Optional.empty();
    }

    /** Envelopes the judgement never reads, told by their first member: not parsed (a run's step definitions alone are a quarter of its messages). */
    private static final List<String> UNREAD = List.of("{\"stepDefinition\":", "{\"source\":", "{\"hook\":",
            "{\"testStepStarted\":", "{\"parameterType\":", "{\"meta\":");

    private void acceptLine(String line) {
        if (line.startsWith("{\"stepDefinition\":")) {
            stepDefinitionLines.add(line);
            return;
        }
        if (line.isBlank() || UNREAD.stream().anyMatch(line::startsWith)) {
            return;
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(line);
        } catch (IOException torn) {
            tornLines++;
            return;
        }
        if (envelope.has("gherkinDocument")) {
            gherkinDocument(envelope.get("gherkinDocument"));
        } else if (envelope.has("pickle")) {
            JsonNode pickle = envelope.get("pickle");
            pickles.put(pickle.path("id").asText(), pickle);
        } else if (envelope.has("testCase")) {
            JsonNode testCase = envelope.get("testCase");
            testCases.put(testCase.path("id").asText(), testCase);
        } else if (envelope.has("testCaseStarted")) {
            JsonNode s = envelope.get("testCaseStarted");
            started.put(s.path("id").asText(), new Started(s.path("testCaseId").asText(), millis(s.path("timestamp"))));
        } else if (envelope.has("testStepFinished")) {
            JsonNode f = envelope.get("testStepFinished");
            Started s = started.get(f.path("testCaseStartedId").asText());
            if (s != null) {
                s.stepResults.put(f.path("testStepId").asText(), f.path("testStepResult"));
            }
        } else if (envelope.has("attachment")) {
            attachment(envelope.get("attachment"));
        } else if (envelope.has("testCaseFinished")) {
            JsonNode f = envelope.get("testCaseFinished");
            Started s = started.remove(f.path("testCaseStartedId").asText());
            if (s != null && !f.path("willBeRetried").asBoolean(false)) {
                finished.add(scenario(s, millis(f.path("timestamp"))));
            }
        } else if (envelope.has("testRunFinished")) {
            runFinished = true;
        } else if (envelope.has("suggestion")) {
            JsonNode suggestion = envelope.get("suggestion");
            JsonNode snippet = suggestion.path("snippets").path(0).path("code");
            if (!snippet.isMissingNode()) {
                snippets.put(suggestion.path("pickleStepId").asText(), snippet.asText());
            }
        }
    }

    private void gherkinDocument(JsonNode document) {
        JsonNode feature = document.path("feature");
        featureNames.put(document.path("uri").asText(), feature.path("name").asText());
        collectLines(feature);
    }

    /** Every scenario and example row of a Gherkin document, by AST node id, with its line. */
    private void collectLines(JsonNode node) {
        if (node.isObject()) {
            if (node.has("id") && node.has("location")) {
                astLines.put(node.get("id").asText(), node.get("location").path("line").asInt());
            }
            node.forEach(this::collectLines);
        } else if (node.isArray()) {
            node.forEach(this::collectLines);
        }
    }

    private void attachment(JsonNode a) {
        Started s = started.get(a.path("testCaseStartedId").asText());
        if (s == null || !Evidence.ATTACHMENT_NAME.equals(a.path("fileName").asText())) {
            return;
        }
        String body = a.path("body").asText();
        byte[] bytes = "BASE64".equals(a.path("contentEncoding").asText())
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        try {
            s.evidence = JSON.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            // The harness's own evidence, unreadable: the scenario cannot keep a verdict without it.
            s.evidence = null;
            s.evidenceProblem = "its evidence (" + bytes.length + " bytes) could not be read: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
    }

    private ScenarioRun scenario(Started s, long stopMillis) {
        JsonNode testCase = testCases.get(s.testCaseId);
        JsonNode pickle = testCase == null ? null : pickles.get(testCase.path("pickleId").asText());
        Map<String, String> stepTexts = new HashMap<>();
        List<String> tags = new ArrayList<>();
        String uri = "";
        String name = "";
        int line = 0;
        if (pickle != null) {
            pickle.path("steps").forEach(step -> stepTexts.put(step.path("id").asText(), step.path("text").asText()));
            pickle.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
            uri = pickle.path("uri").asText();
            name = pickle.path("name").asText();
            JsonNode ast = pickle.path("astNodeIds");
            // A scenario outline's row is the last AST node; a plain scenario has only its own.
            line = ast.isEmpty() ? 0 : astLines.getOrDefault(ast.get(ast.size() - 1).asText(), 0);
        }
        List<StepRun> steps = new ArrayList<>();
        String status = "UNKNOWN";
        JsonNode worst = null;
        String undefined = null;
        for (JsonNode step : testCase == null ? JSON.createArrayNode() : testCase.path("testSteps")) {
            JsonNode result = s.stepResults.get(step.path("id").asText());
            if (result == null) {
                continue;
            }
            String stepStatus = result.path("status").asText("UNKNOWN");
            boolean hook = step.has("hookId");
            steps.add(new StepRun(hook ? "hook" : stepTexts.getOrDefault(step.path("pickleStepId").asText(), ""), hook,
                    stepStatus, text(result.path("message")), durationMillis(result.path("duration"))));
            if (SEVERITY.indexOf(stepStatus) > SEVERITY.indexOf(status)) {
                status = stepStatus;
                worst = result;
            }
            if ("UNDEFINED".equals(stepStatus) && undefined == null) {
                undefined = undefinedStep(step.path("pickleStepId").asText(), stepTexts.getOrDefault(step.path("pickleStepId").asText(), ""));
            }
        }
        ScenarioRecord record = s.evidenceProblem == null ? record(uri, name, line, tags, status, worst, s.evidence)
                : lostEvidence(record(uri, name, line, tags, status, worst, null), s.evidenceProblem);
        if (undefined != null && "UNDEFINED".equals(status)) {
            record = new ScenarioRecord(record.id(), record.feature(), record.scenario(), record.uri(), record.line(), record.tags(),
                    record.status(), record.errorType(), record.conditionId(), oneLine(undefined), record.evidence(), record.failures(),
                    record.stepRequests());
        }
        return new ScenarioRun(record, List.copyOf(steps), s.startMillis, stopMillis);
    }

    private ScenarioRecord record(String uri, String name, int line, List<String> tags, String status, JsonNode worst,
                                  JsonNode evidence) {
        String id = tags.stream().filter(t -> t.startsWith("@id:")).map(t -> t.substring(4)).reduce((a, b) -> b).orElse(null);
        JsonNode exception = worst == null ? null : worst.path("exception");
        boolean hasException = exception != null && exception.has("type");
        String type = hasException ? exception.path("type").asText() : null;
        String message = hasException ? text(exception.path("message")) : worst == null ? null : text(worst.path("message"));
        String conditionId = null;
        if (CONDITION_FAILURE.equals(type) && message != null) {
            Matcher m = CONDITION_ID.matcher(message);
            conditionId = m.find() ? m.group(1) : null;
        }
        String errorType = type == null ? null : type.substring(type.lastIndexOf('.') + 1);
        if (errorType == null && message != null && ("FAILED".equals(status) || "SKIPPED".equals(status))) {
            // Older formatters give only the stack trace: its first line names the exception.
            String first = message.lines().findFirst().orElse("");
            int colon = first.indexOf(':');
            String qualified = colon < 0 ? first : first.substring(0, colon);
            errorType = qualified.substring(qualified.lastIndexOf('.') + 1);
            message = colon < 0 ? message : first.substring(colon + 1);
        }
        List<CheckedCondition> failures = failures(evidence);
        if (conditionId == null && !failures.isEmpty() && hasException) {
            // The first condition that failed ends the scenario; a guard checked after it (Hooks) is among the failures.
            conditionId = failures.get(0).id();
        }
        return new ScenarioRecord(id, featureNames.getOrDefault(uri, uri), name, uri, line, List.copyOf(tags), status,
                errorType, conditionId, oneLine(message), evidence, failures,
                evidence == null ? 0 : evidence.path("stepRequests").asInt(0));
    }

    /**
     * One line for a step no glue defines: its text, the nearest steps that are defined (a typo is the usual cause),
     * and Cucumber's snippet for a new one.
     */
    private String undefinedStep(String pickleStepId, String text) {
        List<String> known = new ArrayList<>();
        for (String line : stepDefinitionLines) {
            try {
                String pattern = JSON.readTree(line).path("stepDefinition").path("pattern").path("source").asText(null);
                if (pattern != null && !known.contains(pattern)) {
                    known.add(pattern);
                }
            } catch (IOException torn) {
                // not a step definition after all
            }
        }
        List<String> nearest = known.stream()
                .sorted(java.util.Comparator.comparingInt((String k) -> distance(text, k)).thenComparing(k -> k)).limit(3).toList();
        String snippet = snippets.get(pickleStepId);
        return "undefined step \"" + text + "\""
                + (nearest.isEmpty() ? "; no step is defined: is the glue's --classpath given?"
                : "; nearest known: " + String.join(" | ", nearest.stream().map(n -> "\"" + n + "\"").toList()))
                + (snippet == null ? "" : "; Cucumber's snippet: " + snippet);
    }

    /** Levenshtein distance, case-insensitive: how far a step text is from a defined step's pattern. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }

    /** Status of a scenario whose evidence was lost: judged an error, whatever its steps said. */
    public static final String EVIDENCE_LOST = "EVIDENCE_LOST";

    private static ScenarioRecord lostEvidence(ScenarioRecord r, String problem) {
        return new ScenarioRecord(r.id(), r.feature(), r.scenario(), r.uri(), r.line(), r.tags(), EVIDENCE_LOST, r.errorType(),
                null, problem + " (the steps ended " + r.status() + ")", null, List.of(), r.stepRequests());
    }

    /** Every condition that did not hold, in order, with what was observed: the evidence attachment lists them. */
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

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static String oneLine(String message) {
        return message == null ? null : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static long millis(JsonNode timestamp) {
        return timestamp.path("seconds").asLong() * 1000 + timestamp.path("nanos").asLong() / 1_000_000;
    }

    private static long durationMillis(JsonNode duration) {
        return millis(duration);
    }

    private static final class Started {
        final String testCaseId;
        final long startMillis;
        final Map<String, JsonNode> stepResults = new HashMap<>();
        JsonNode evidence;
        /** Why the evidence attachment could not be read, or null. */
        String evidenceProblem;

        Started(String testCaseId, long startMillis) {
            this.testCaseId = testCaseId;
            this.startMillis = startMillis;
        }
    }
}
