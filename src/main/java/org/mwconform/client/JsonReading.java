package org.mwconform.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON reader for what the harness read from a wiki and wrote down (evidence, Cucumber's messages,
 * results.json): the transport bounds an answer by its size cap (client.maxResponseBytes), so no reader may refuse
 * what the transport accepted. Jackson's default 20 M character string limit would drop a large answer's evidence
 * silently (a valid large answer is not malformed).
 */
public final class JsonReading {
    /** Reads any JSON whose strings fit in memory; unknown members are ignored where records are read. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonReading() {
    }
}
