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

    /**
     * local-wikimedia's anti-abuse rules (its title blacklist file and the AbuseFilter pattern its provisioning
     * inserts) refuse some usernames; the harness's own must never be among them, on any deployment.
     */
    @Test
    void generatedUsernamesNeverTripTheLocalAntiAbuseRules() throws java.io.IOException {
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("mwconform.home", "."));
        java.util.List<java.util.regex.Pattern> rules = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(home.resolve("environments/local/settings/wikimedia-titleblacklist.txt"))) {
            String rule = line.replaceAll("#.*$", "").replaceAll("<[^>]*>", "").strip();
            if (!rule.isEmpty()) {
                rules.add(java.util.regex.Pattern.compile(rule, java.util.regex.Pattern.CASE_INSENSITIVE));
            }
        }
        java.util.regex.Matcher filter = java.util.regex.Pattern.compile("accountname irlike \\\\?\"([^\"\\\\]+)")
                .matcher(java.nio.file.Files.readString(home.resolve("environments/local/settings/wikimedia.provision.sh")));
        assertThat(filter.find()).as("the AbuseFilter pattern in wikimedia.provision.sh").isTrue();
        rules.add(java.util.regex.Pattern.compile(filter.group(1), java.util.regex.Pattern.CASE_INSENSITIVE));
        assertThat(rules).hasSize(2);
        for (int i = 0; i < 1000; i++) {
            String name = factory.next().username();
            for (java.util.regex.Pattern rule : rules) {
                assertThat(rule.matcher(name).find()).as("%s against %s", name, rule).isFalse();
                assertThat(rule.matcher(name.replace('-', ' ')).find()).as("%s against %s", name, rule).isFalse();
            }
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
