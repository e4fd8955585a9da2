package org.mwconform.conditions;

/** One evaluated condition, for the scenario's evidence. */
public record CheckedCondition(String id, String summary, boolean held, String detail) {
}
