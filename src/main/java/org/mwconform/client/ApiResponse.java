package org.mwconform.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed Action API answer. JSON paths live here and in the typed views, nowhere else.
 *
 * @param servedBy the {@value #SERVED_BY} header: which of this project's local wikis answered (environments/local's
 *                 router sends the SHA-1 of that wiki's LocalSettings.php path), or null
 */
public record ApiResponse(int httpStatus, String contentType, JsonNode json, String servedBy) {
    public static final String SERVED_BY = "X-Mwconform-Wiki";

    public ApiResponse(int httpStatus, String contentType, JsonNode json) {
        this(httpStatus, contentType, json, null);
    }

    /** The top-level {@code error} object, or {@code null} when the request was not rejected. */
    public ApiError error() {
        JsonNode error = json.get("error");
        return error == null ? null : new ApiError(text(error, "code"), text(error, "info"));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
