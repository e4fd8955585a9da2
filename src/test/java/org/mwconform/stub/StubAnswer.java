package org.mwconform.stub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the stub sends back: a status, a content type and a body. */
record StubAnswer(int status, String contentType, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String HTML_TYPE = "text/html; charset=utf-8";

    /** A formatversion=1 JSON answer, HTTP 200, as api.php sends even its errors. */
    static StubAnswer json(Map<String, ?> body) {
        try {
            return new StubAnswer(200, JSON_TYPE, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static StubAnswer html(int status, String title) {
        return new StubAnswer(status, HTML_TYPE, "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1><p>This is not api.php.</p></body></html>\n");
    }

    /** An ordered JSON object from name/value pairs: {@code object("a", 1, "b", "x")}. */
    static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }
}
