package org.mwconform.client;

import java.util.Map;
import java.util.Set;

/**
 * One authentication request: which provider wants which fields, and how badly ({@code required}).
 * {@code keys} are the members the wiki actually sent, so a missing {@code fields} is not mistaken for an empty one.
 */
public record AuthRequest(String id, String required, String provider, String account,
                          Map<String, String> metadata, Map<String, AuthField> fields, Set<String> keys) {
}
