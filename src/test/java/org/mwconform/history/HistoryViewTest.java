package org.mwconform.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Outcome;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryViewTest {
    @TempDir
    Path dir;

    private static final Map<String, String> OPEN = Map.of("MediaWiki", "1.39.17", "anonymous createaccount right", "yes", "CAPTCHA", "none");
    private static final Map<String, String> CLOSED = Map.of("MediaWiki", "1.39.17", "anonymous createaccount right", "no", "CAPTCHA", "none");

    /** 20 runs; the wiki's setting changes in run 13; s0 never changes, s1 changes with it, s2 flaps without a cause. */
    private HistoryView twentyRuns(int window) {
        try (HistoryStore store = HistoryStore.open(dir.resolve(HistoryStore.FILE_NAME), true)) {
            for (int i = 1; i <= 20; i++) {
                boolean changed = i >= 13;
                Outcome flapping = i % 4 == 0 ? Outcome.FAILED : Outcome.PASSED;
                store.record(Runs.record(i, "nightly", changed ? CLOSED : OPEN,
                        Outcome.PASSED, changed ? Outcome.NOT_APPLICABLE : Outcome.PASSED, flapping));
            }
            return HistoryView.read(store, window);
        }
    }

    @Test
    void theOutcomeChangeNamesItsRunAndTheChangedFact() {
        HistoryView.DeploymentHistory d = twentyRuns(20).deployment("nightly");
        HistoryView.CellHistory changed = d.cell("s1");
        assertThat(changed.outcome()).isEqualTo("not-applicable");
        assertThat(changed.since().run()).isEqualTo(Runs.id(13));
        assertThat(changed.since().from()).isEqualTo("passed");
        assertThat(changed.since().factChanges()).containsExactly("anonymous createaccount right: yes \u2192 no");
        assertThat(changed.flaky()).isFalse();
        assertThat(changed.outcomes()).hasSize(20);
        assertThat(d.timeline()).hasSize(2);
        assertThat(d.timeline().get(1).run()).isEqualTo(Runs.id(13));
        assertThat(d.timeline().get(1).changes()).containsExactly("anonymous createaccount right: yes \u2192 no");
    }

    @Test
    void anOutcomeThatComesBackIsFlaky() {
        HistoryView.DeploymentHistory d = twentyRuns(20).deployment("nightly");
        assertThat(d.cell("s2").flaky()).isTrue();
        assertThat(d.cell("s0").flaky()).isFalse();
        assertThat(d.cell("s0").since().run()).isEqualTo(Runs.id(1));
        assertThat(d.cell("s0").since().from()).isNull();
        assertThat(d.cell("s2").changes()).allMatch(c -> c.factChanges().isEmpty() || c.run().equals(Runs.id(13)));
    }

    @Test
    void beyondTheWindowTheChangeIsTracedBack() {
        HistoryView.DeploymentHistory d = twentyRuns(5).deployment("nightly");
        HistoryView.CellHistory changed = d.cell("s1");
        assertThat(changed.outcomes()).hasSize(5);
        assertThat(changed.changes()).isEmpty();
        assertThat(changed.since().run()).isEqualTo(Runs.id(13));
        assertThat(changed.since().from()).isEqualTo("passed");
        assertThat(changed.since().factChanges()).containsExactly("anonymous createaccount right: yes \u2192 no");
        assertThat(d.cell("s0").since().run()).isEqualTo(Runs.id(1));
    }
}
