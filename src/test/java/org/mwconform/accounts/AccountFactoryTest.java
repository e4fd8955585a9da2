package org.mwconform.accounts;

import org.junit.jupiter.api.Test;
import org.mwconform.secrets.SecretMasker;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFactoryTest {
    private final SecretMasker masker = new SecretMasker();
    private final AccountFactory factory = new AccountFactory("Mwconform", AccountFactory.newRunId(), masker);

    @Test
    void usernamesAreFreshAndMarked() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            NewAccount account = factory.next();
            assertThat(seen.add(account.username())).as("unique").isTrue();
            assertThat(factory.isMarked(account.username())).as(account.username()).isTrue();
        }
    }

    @Test
    void twoRunsNeverShareAPrefix() {
        assertThat(AccountFactory.newRunId()).isNotEqualTo(AccountFactory.newRunId());
    }

    @Test
    void passwordsAreStrongAndMaskedFromTheStart() {
        NewAccount account = factory.next();
        assertThat(account.password()).hasSize(24);
        assertThat(masker.mask("p=" + account.password())).isEqualTo("p=" + SecretMasker.MASK);
        assertThat(account.toString()).doesNotContain(account.password());
    }
}
