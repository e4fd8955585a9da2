package org.mwconform.client;

import java.util.Map;

/** One authentication request: which provider wants which fields, and how badly ({@code required}). */
public record AuthRequest(String id, String required, String provider, String account,
                          Map<String, String> metadata, Map<String, AuthField> fields) {
}
