package org.mwconform.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.mwconform.expectations.Outcome;

import java.util.List;

/** One row of results.json: a scenario on a deployment, in the report's vocabulary. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioResult(String id, String feature, String scenario, List<String> tags, Outcome outcome,
                             String reason, String condition, String evidence) {
    /** The feature-level tag that makes a feature an extension's: {@code @extension:NoBotNames}. */
    public static final String EXTENSION_TAG = "@extension:";

    /**
     * The extension whose scenario this is ({@code @extension:NAME} on its feature), or null for the core contract
     * and what it observes beyond the documentation. An extension's scenarios are counted and shown under its name,
     * never as part of the page's documented contract.
     */
    @JsonProperty("extension")
    public String extension() {
        return extensionOf(tags);
    }

    /** The extension a scenario with these tags belongs to, or null. */
    public static String extensionOf(List<String> tags) {
        return tags == null ? null : tags.stream().filter(t -> t.startsWith(EXTENSION_TAG) && t.length() > EXTENSION_TAG.length())
                .map(t -> t.substring(EXTENSION_TAG.length())).reduce((first, last) -> last).orElse(null);
    }
}
