package org.mwconform.conditions;

import java.util.Map;

/** A condition did not hold. The message starts with the condition id in brackets, for logs and reports. */
public final class ConditionFailure extends AssertionError {
    private final String conditionId;
    private final transient Map<String, String> observed;

    public ConditionFailure(Condition condition, String detail) {
        this(condition, detail, Map.of());
    }

    public ConditionFailure(Condition condition, String detail, Map<String, String> observed) {
        super("[" + condition.id() + "] " + condition.summary() + ": " + detail);
        this.conditionId = condition.id();
        this.observed = Map.copyOf(observed);
    }

    public String conditionId() {
        return conditionId;
    }

    /** What the wiki showed, as the step that checked it named it. */
    public Map<String, String> observed() {
        return observed;
    }
}
