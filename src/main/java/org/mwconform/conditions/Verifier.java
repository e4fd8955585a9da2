package org.mwconform.conditions;

import org.mwconform.secrets.SecretMasker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Evaluates conditions and keeps the log of what was checked, so a report shows why a scenario
 * passed as well as why it failed. AssertJ does the comparing; this names it.
 * <p>
 * Each check records what was observed: the values the step names, or else the failure's own detail line.
 * A known deviation pins that observation exactly, so a wiki that fails the same condition in another way
 * is still a failure.
 */
public final class Verifier {
    /** The observation of a check that names no values: its one-line failure detail. */
    public static final String DETAIL = "detail";

    private final SecretMasker masker;
    private final List<CheckedCondition> log = new CopyOnWriteArrayList<>();

    public Verifier(SecretMasker masker) {
        this.masker = masker;
    }

    public void check(Condition condition, Runnable assertion) {
        check(condition, Map.of(), assertion);
    }

    /** @param observed the values this check looks at, by name (null values are shown as "(none)") */
    public void check(Condition condition, Map<String, String> observed, Runnable assertion) {
        try {
            assertion.run();
            log.add(new CheckedCondition(condition.id(), condition.summary(), true, null, masked(observed)));
        } catch (AssertionError e) {
            String detail = masker.mask(oneLine(e.getMessage()));
            Map<String, String> seen = observed.isEmpty() ? Map.of(DETAIL, detail) : masked(observed);
            log.add(new CheckedCondition(condition.id(), condition.summary(), false, detail, seen));
            throw new ConditionFailure(condition, detail, seen);
        }
    }

    /** Whether this condition was checked in this scenario (held or not). */
    public boolean checked(Condition condition) {
        return log.stream().anyMatch(c -> c.id().equals(condition.id()));
    }

    public List<CheckedCondition> log() {
        return List.copyOf(log);
    }

    /** Observations in a fixed order; a value the wiki did not send is "(none)", never left out. */
    public static Map<String, String> observed(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1] == null ? "(none)" : namesAndValues[i + 1]);
        }
        return map;
    }

    private Map<String, String> masked(Map<String, String> observed) {
        if (observed.isEmpty()) {
            return null;
        }
        Map<String, String> masked = new LinkedHashMap<>();
        observed.forEach((k, v) -> masked.put(k, v == null ? "(none)" : masker.mask(v)));
        return masked;
    }

    private static String oneLine(String message) {
        return message == null ? "assertion failed" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
