package org.mwconform.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.expectations.Outcome;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BadgeTest {
    @TempDir
    Path dir;

    @Test
    void aBadgeSaysConformsOrHowManyAreUnexpected() throws Exception {
        assertThat(Badge.of(Runs.deployment("a", "1", null, Outcome.PASSED, Outcome.NOT_APPLICABLE)).message()).isEqualTo("conforms");
        assertThat(Badge.of(Runs.deployment("a", "1", null, Outcome.PASSED, Outcome.KNOWN_DEVIATION)).message())
                .isEqualTo("conforms, 1 known deviation");
        assertThat(Badge.of(Runs.deployment("a", "1", null, Outcome.FAILED, Outcome.ERROR, Outcome.STALE_EXPECTATION, Outcome.PASSED))
                .message()).isEqualTo("3 unexpected");
        Path svg = Badge.write(dir, Runs.deployment("local-<x>", "1", null, Outcome.FAILED));
        assertThat(svg.getFileName().toString()).isEqualTo("local-_x_.svg");
        String text = Files.readString(svg);
        assertThat(text).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("mwconform local-&lt;x&gt;: 1 unexpected")
                .doesNotContain("<x>");
        try (var list = Files.list(dir)) {
            assertThat(list).hasSize(1);  // no temp file left
        }
    }
}
