package org.mwconform.client;

import java.util.Map;

/** One request and its response as the report shows them: already masked. */
public record Exchange(String purpose, String method, String url, Map<String, String> form,
                       int status, String contentType, String body, long millis) {
}
