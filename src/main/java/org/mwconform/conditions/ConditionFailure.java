package org.mwconform.conditions;

/** A condition did not hold. The message starts with the condition id in brackets, for logs and reports. */
public final class ConditionFailure extends AssertionError {
    private final String conditionId;

    public ConditionFailure(Condition condition, String detail) {
        super("[" + condition.id() + "] " + condition.summary() + ": " + detail);
        this.conditionId = condition.id();
    }

    public String conditionId() {
        return conditionId;
    }
}
