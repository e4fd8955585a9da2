package org.mwconform.conditions;

/**
 * A named check with a stable id. Known deviations are keyed by scenario and condition id,
 * so a scenario that fails for a different reason than the recorded one is still a failure.
 */
public record Condition(String id, String summary) {
}
