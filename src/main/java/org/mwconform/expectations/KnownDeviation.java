package org.mwconform.expectations;

import java.util.Map;

/**
 * A reviewed difference between the documentation and one deployment: the scenario keeps the
 * documented expectation, and this entry says which condition fails there, what the wiki is seen to
 * answer at it ({@code observed}, compared exactly), and why.
 */
public record KnownDeviation(String scenario, String condition, Map<String, String> observed, String reason, String link) {
    public KnownDeviation {
        observed = Map.copyOf(observed);
    }
}
