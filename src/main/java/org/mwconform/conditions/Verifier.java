package org.mwconform.conditions;

import org.mwconform.secrets.SecretMasker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Evaluates conditions and keeps the log of what was checked, so a report shows why a scenario
 * passed as well as why it failed. AssertJ does the comparing; this names it.
 */
public final class Verifier {
    private final SecretMasker masker;
    private final List<CheckedCondition> log = new CopyOnWriteArrayList<>();

    public Verifier(SecretMasker masker) {
        this.masker = masker;
    }

    public void check(Condition condition, Runnable assertion) {
        try {
            assertion.run();
            log.add(new CheckedCondition(condition.id(), condition.summary(), true, null));
        } catch (AssertionError e) {
            String detail = masker.mask(oneLine(e.getMessage()));
            log.add(new CheckedCondition(condition.id(), condition.summary(), false, detail));
            throw new ConditionFailure(condition, detail);
        }
    }

    public List<CheckedCondition> log() {
        return List.copyOf(log);
    }

    private static String oneLine(String message) {
        return message == null ? "assertion failed" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
