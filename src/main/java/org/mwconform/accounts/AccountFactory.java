package org.mwconform.accounts;

import org.mwconform.secrets.SecretMasker;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Accounts are forever: every username is fresh and marked, {@code Prefix-RUNID-xxxxxx},
 * so a run never collides with an earlier one and anyone can see who created it.
 */
public final class AccountFactory {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUFFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.:!#%";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final String prefix;
    private final String runId;
    private final SecretMasker masker;

    public AccountFactory(String prefix, String runId, SecretMasker masker) {
        this.prefix = prefix;
        this.runId = runId;
        this.masker = masker;
    }

    /** A run id: the UTC start time plus randomness, so two runs started in the same second still differ. */
    public static String newRunId() {
        return RUN_ID.format(Instant.now()) + random(SUFFIX_ALPHABET, 3);
    }

    public NewAccount next() {
        return new NewAccount(prefix + "-" + runId + "-" + random(SUFFIX_ALPHABET, 6), newPassword());
    }

    /** A strong random password, registered with the masker before anyone can print it. */
    public String newPassword() {
        return masker.register(random(PASSWORD_ALPHABET, 24));
    }

    /** Whether a username was made by this harness (by any run, with this prefix). */
    public boolean isMarked(String username) {
        return username != null && username.matches(prefix + "-\\d{8}T\\d{6}[a-z0-9]{3}-[a-z0-9]{6}");
    }

    private static String random(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
