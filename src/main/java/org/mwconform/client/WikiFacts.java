package org.mwconform.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a deployment says of itself that no scenario changes (siteinfo, the createaccount module's class, an
 * anonymous visitor's rights, the fields authmanagerinfo announces), read once for the whole run by the preflight
 * and replayed to every scenario's applicability check instead of being asked again by each. Written to the
 * deployment's folder ({@value #FILE}), where it is the evidence those decisions rest on.
 * <p>
 * Only reads a {@link MediaWikiApi} is told to take from here are replayed; a scenario's own steps always ask the
 * wiki (a CAPTCHA, a token, belongs to one session).
 */
public final class WikiFacts {
    public static final String FILE = "facts.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final String readAt;
    /** The masker of the session that read them: the file shows what it says with every secret it learnt masked. */
    private final java.util.function.UnaryOperator<String> mask;
    /** Which of this project's local wikis answered ({@link ApiResponse#servedBy}), or null. */
    private volatile String servedBy;

    /** One recorded read: what it was for, what was asked, and the answer as the wiki gave it. */
    record Answer(String purpose, Map<String, String> params, int httpStatus, String contentType, JsonNode json) {
    }

    private WikiFacts(String readAt, java.util.function.UnaryOperator<String> mask) {
        this.readAt = readAt;
        this.mask = mask;
    }

    /** Facts about to be read (by {@link MediaWikiApi#readFacts}), by a session that masks with {@code mask}. */
    static WikiFacts reading(java.util.function.UnaryOperator<String> mask) {
        return new WikiFacts(Instant.now().toString(), mask);
    }

    /** No facts: every read goes to the wiki. */
    public static WikiFacts none() {
        return new WikiFacts(null, text -> text);
    }

    Optional<ApiResponse> answer(Map<String, String> params) {
        Answer a = answers.get(key(params));
        return a == null ? Optional.empty() : Optional.of(new ApiResponse(a.httpStatus(), a.contentType(), a.json()));
    }

    void record(String purpose, Map<String, String> params, ApiResponse response) {
        if (response.servedBy() != null) {
            servedBy = response.servedBy();
        }
        answers.put(key(params), new Answer(purpose, new TreeMap<>(params), response.httpStatus(), response.contentType(), response.json()));
    }

    /** Which of this project's local wikis answered the reads, when one did ({@link ApiResponse#servedBy}). */
    public Optional<String> servedBy() {
        return Optional.ofNullable(servedBy);
    }

    /** The API error an answer read for the facts carries (the wiki refused or broke on the preflight's read), if any. */
    public Optional<ApiError> error() {
        return answers.values().stream().map(a -> new ApiResponse(a.httpStatus(), a.contentType(), a.json()).error())
                .filter(java.util.Objects::nonNull).findFirst();
    }

    public boolean isEmpty() {
        return answers.isEmpty();
    }

    /** The applicability evidence line: where the decisions' answers came from. */
    public String describe() {
        List<String> purposes = answers.values().stream().map(Answer::purpose).sorted().toList();
        return "the wiki's answers read once for the run at " + readAt + " (" + FILE + "): " + String.join("; ", purposes);
    }

    /** The evidence file: every answer as the wiki gave it, masked (a URL's key, a cookie, a sensitive field's value). */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("readAt", readAt);
        ArrayNode list = root.putArray("answers");
        new TreeMap<>(answers).values().forEach(a -> {
            ObjectNode node = list.addObject();
            node.put("purpose", a.purpose());
            node.set("params", JSON.valueToTree(a.params()));
            node.put("httpStatus", a.httpStatus());
            node.put("contentType", a.contentType());
            node.set("answer", a.json());
        });
        String text;
        try {
            text = mask.apply(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        org.mwconform.files.AtomicFiles.writeString(file, text);
    }

    private static String key(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(params).forEach((k, v) -> parts.add(k + "=" + v));
        return String.join("&", parts);
    }
}
