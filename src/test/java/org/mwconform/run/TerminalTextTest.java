package org.mwconform.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {
    @Test
    void controlCharactersFromAWikiAreShownEscaped() {
        String hostile = "MediaWiki 1.39\u001b[2K\r40 passed\u0007\n\u009b31m\u202Eevil";
        String safe = TerminalText.safe(hostile);
        assertThat(safe).doesNotContain("\u001b", "\r", "\n", "\u0007", "\u009b", "\u202E")
                .isEqualTo("MediaWiki 1.39\\x1b[2K\\x0d40 passed\\x07\\x0a\\x9b31m\\u202eevil");
        assertThat(TerminalText.safe("plain ünïcode ✓")).isEqualTo("plain ünïcode ✓");
    }
}
