package org.mwconform.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Masks secrets in everything the harness writes: reports, logs, console lines.
 * Two nets: parameters and headers whose names are secret by nature, and every
 * secret value registered during the scenario (passwords, tokens, cookies), wherever it appears.
 */
public final class SecretMasker {
    public static final String MASK = "••••••";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|retype|token|cookie|secret|captchaword|captchaanswer|otp|oath|totp|session).*");
    private static final int SHORTEST_MASKABLE = 4;

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Remembers a value as secret: from now on it is masked wherever it appears. */
    public String register(String secret) {
        if (secret != null && secret.length() >= SHORTEST_MASKABLE) {
            secrets.add(secret);
            secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            secrets.add(jsonEscaped(secret));
        }
        return secret;
    }

    /** Names that look secret but are flags: mailpassword=1 asks for a mailed password, it holds none. */
    private static final Set<String> FLAGS = Set.of("mailpassword");

    public static boolean isSecretName(String name) {
        return name != null && !FLAGS.contains(name.toLowerCase(Locale.ROOT))
                && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** The value to show for a named parameter or header. */
    public String maskValue(String name, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return isSecretName(name) ? MASK : mask(value);
    }

    /** Replaces every registered secret in free text. Longest first, so a secret containing another is masked whole. */
    public String mask(String text) {
        if (text == null || text.isEmpty() || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
    }
}
