package org.mwconform.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemporaryAccountsTest {
    @Test
    void namesAreBuiltFromAndMatchedAgainstTheWikisOwnPatterns() {
        TemporaryAccounts production = new TemporaryAccounts(true, true, List.of("~2$1"), "e");
        assertThat(production.nameWith("Mwconform-x")).contains("~2Mwconform-x");
        assertThat(production.matches("~2026-1510")).isTrue();
        assertThat(production.matches("~Tilde Person")).isFalse();

        TemporaryAccounts other = new TemporaryAccounts(true, true, List.of("Guest*$1*", "Visitor*$1"), "e");
        assertThat(other.nameWith("Mwconform-x")).contains("Guest*Mwconform-x*");
        assertThat(other.matches("Guest*2*")).isTrue();
        assertThat(other.matches("Visitor*A")).isTrue();
        assertThat(other.matches("Guest*2")).as("the suffix is part of the pattern").isFalse();
        assertThat(other.matches("~2026-1")).isFalse();
    }

    @Test
    void aPatternWithoutExactlyOneSerialIsNotUsable() {
        TemporaryAccounts broken = new TemporaryAccounts(true, true, List.of("Guest", "$1$1"), "e");
        assertThat(broken.usablePatterns()).isEmpty();
        assertThat(broken.nameWith("x")).isEmpty();
        assertThat(broken.matches("Guest")).isFalse();
    }
}
