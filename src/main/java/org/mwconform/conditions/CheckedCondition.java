package org.mwconform.conditions;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One evaluated condition, for the scenario's evidence.
 *
 * @param observed what the wiki showed at this condition, as named values ({@code error.code: missingparam}); a
 *                 known deviation pins it, and any other observation at the same condition is a failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckedCondition(String id, String summary, boolean held, String detail, Map<String, String> observed) {
}
