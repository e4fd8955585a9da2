package org.mwconform.deployments;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A wiki the harness tests, as its environment file describes it.
 *
 * @param writable      the owner allows accounts to be created there
 * @param disposable    the owner allows more: scenarios may exhaust its throttles (a day's lock-out of an IP)
 * @param localSettings for deployments the project starts itself: the settings fragment's name, else null
 * @param credentials   role to the name of the environment variable holding it; never the secret itself
 * @param source        the environment file, or null for an ad-hoc {@code --target}
 * @param client        deadlines, size cap, retries and User-Agent for this wiki ({@code client:} in the file)
 * @param suite         the features and glue its file names ({@code features:}, {@code glue:}); empty when it names none
 * @param extensions    extensions a local deployment loads from a folder ({@code local.extensions})
 * @param counterpart   the deployment its file pairs it with for the comparison between versions ({@code counterpart:}), or null
 * @param mediawiki     for deployments the project starts itself: the MediaWiki version it is served with (1.39, 1.43), else null
 * @param expect        what must apply ({@code expect:}): a not-applicable result contradicting it is unexpected
 */
public record Deployment(String name, URI api, String description, boolean writable, boolean disposable, String usernamePrefix,
                         String localSettings, Map<String, Object> capabilities, Map<String, String> credentials,
                         Path source, ClientSettings client, Suite suite, List<LocalExtension> extensions, String counterpart,
                         String mediawiki, ExpectedApplicability expect) {
    public Deployment {
        suite = suite == null ? new Suite(List.of(), List.of()) : suite;
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        expect = expect == null ? ExpectedApplicability.NONE : expect;
    }

    /** A deployment whose file names no counterpart and declares nothing about applicability. */
    public Deployment(String name, URI api, String description, boolean writable, boolean disposable, String usernamePrefix,
                      String localSettings, Map<String, Object> capabilities, Map<String, String> credentials,
                      Path source, ClientSettings client, Suite suite, List<LocalExtension> extensions) {
        this(name, api, description, writable, disposable, usernamePrefix, localSettings, capabilities, credentials, source,
                client, suite, extensions, null, localSettings == null ? null : DEFAULT_MEDIAWIKI, null);
    }

    /** A deployment whose file names no features, glue or extensions. */
    public Deployment(String name, URI api, String description, boolean writable, boolean disposable, String usernamePrefix,
                      String localSettings, Map<String, Object> capabilities, Map<String, String> credentials,
                      Path source, ClientSettings client) {
        this(name, api, description, writable, disposable, usernamePrefix, localSettings, capabilities, credentials, source,
                client, null, null, null, localSettings == null ? null : DEFAULT_MEDIAWIKI, null);
    }

    public static final String DEFAULT_USERNAME_PREFIX = "Mwconform";
    /** The MediaWiki a local deployment runs when its file names none: this machine's Debian package. */
    public static final String DEFAULT_MEDIAWIKI = "1.39";

    /** The same deployment reached through another api.php URL (a fault-injecting proxy in front of it). */
    public Deployment withApi(URI other) {
        return new Deployment(name, other, description, writable, disposable, usernamePrefix, localSettings, capabilities, credentials,
                source, client, suite, extensions, counterpart, mediawiki, expect);
    }

    /** The same deployment with other client settings (a command's --patience). */
    public Deployment withClient(ClientSettings other) {
        return new Deployment(name, api, description, writable, disposable, usernamePrefix, localSettings, capabilities, credentials,
                source, other, suite, extensions, counterpart, mediawiki, expect);
    }

    /** A deployment with the default client settings. */
    public Deployment(String name, URI api, String description, boolean writable, boolean disposable, String usernamePrefix,
                      String localSettings, Map<String, Object> capabilities, Map<String, String> credentials, Path source) {
        this(name, api, description, writable, disposable, usernamePrefix, localSettings, capabilities, credentials, source,
                ClientSettings.DEFAULT);
    }

    /** The api.php URL as reports show it: userinfo and query values masked. */
    public String shownApi() {
        return org.mwconform.secrets.SecretMasker.redactUrl(api.toString());
    }

    public boolean isLocal() {
        return localSettings != null;
    }

    /** The reviewed known-deviations file beside the environment file: {@code NAME.expectations.yml}. */
    public Path expectationsFile() {
        if (source == null) {
            return null;
        }
        String file = source.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return source.resolveSibling(file + ".expectations.yml");
    }
}
