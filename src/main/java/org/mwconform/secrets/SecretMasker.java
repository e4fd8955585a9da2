package org.mwconform.secrets;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
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
    private final Set<String> sensitiveNames = ConcurrentHashMap.newKeySet();

    /**
     * Remembers a value as secret: from now on it is masked wherever it appears, in every form a report
     * may hold it (as is, URL-encoded, JSON- and HTML-escaped, base64). Generic on purpose: passwords,
     * tokens, cookies, CAPTCHA answers, TOTP material and whatever an extension adds all come through here.
     */
    public String register(String secret) {
        if (secret != null && secret.length() >= SHORTEST_MASKABLE) {
            secrets.add(secret);
            secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            secrets.add(jsonEscaped(secret));
            secrets.add(jsonEscaped(secret).replace("\\/", "/"));
            secrets.add(htmlEscaped(secret));
            secrets.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
        return secret;
    }

    /** Every value in turn ({@link #register(String)}). */
    public void registerAll(Collection<String> values) {
        values.forEach(this::register);
    }

    /**
     * A parameter the wiki itself marks sensitive (authmanagerinfo's {@code sensitive} flag): its values are
     * masked like a password's, whatever the parameter is called.
     */
    public void registerSensitiveName(String name) {
        if (name != null && !name.isBlank()) {
            sensitiveNames.add(name.toLowerCase(Locale.ROOT));
        }
    }

    public boolean isSensitive(String name) {
        return isSecretName(name) || (name != null && sensitiveNames.contains(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The secrets a URL carries, registered: its userinfo (sent as HTTP Basic, never shown) and every
     * query value (an API key of a gateway, say). {@link #redactUrl(String)} shows such a URL.
     */
    public void registerUrl(URI url) {
        if (url == null) {
            return;
        }
        String userInfo = url.getRawUserInfo();
        if (userInfo != null) {
            register(userInfo);
            register(url.getUserInfo());
            int colon = url.getUserInfo().indexOf(':');
            if (colon >= 0) {
                register(url.getUserInfo().substring(colon + 1));
            }
        }
        String query = url.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq >= 0) {
                    String raw = pair.substring(eq + 1);
                    register(raw);
                    register(URLDecoder.decode(raw, StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** A URL as reports show it: userinfo and every query value replaced by the mask, whether registered or not. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String shown = USERINFO.matcher(url).replaceFirst("$1" + MASK + "@");
        int q = shown.indexOf('?');
        if (q < 0) {
            return shown;
        }
        int hash = shown.indexOf('#', q);
        String query = hash < 0 ? shown.substring(q + 1) : shown.substring(q + 1, hash);
        StringBuilder out = new StringBuilder(shown.substring(0, q + 1));
        String[] pairs = query.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            out.append(i == 0 ? "" : "&").append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq + 1) + MASK);
        }
        return out.toString();
    }

    private static final Pattern USERINFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@]*@");

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
        return isSensitive(name) ? MASK : mask(value);
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

    private static String htmlEscaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
    }
}
