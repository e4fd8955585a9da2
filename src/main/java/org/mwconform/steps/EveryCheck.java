package org.mwconform.steps;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check of a condition and reports all that failed at once, as AssertJ's SoftAssertions does. Written
 * here because SoftAssertions builds proxy classes with ByteBuddy on first use: about 0.7 s of every run, which no
 * class-data archive can keep.
 */
final class EveryCheck {
    private final List<String> failures = new ArrayList<>();

    /** One check (plain AssertJ); its failure is kept, and the next check runs. */
    EveryCheck check(Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
        return this;
    }

    /** Fails with every kept failure, one per line. */
    void assertAll() {
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " check(s) failed:\n" + String.join("\n", failures));
        }
    }
}
