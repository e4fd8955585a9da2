package org.mwconform.deployments;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.mwconform.wikis.MediaWikiReleases;
import org.mwconform.wikis.PortRecords;

/** Reads and checks environment files; every problem becomes one line naming the file and the key. */
public final class DeploymentLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_VAR = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    /** The environment file's shape: checked before anything is sent, and published as environments/schema/environment.schema.json. */
    public static final FileShape.Obj SHAPE = FileShape.object("A deployment mwconform tests: environments/NAME.yml")
            .requiredKey("name", FileShape.text("lower-case letters, digits, '.' and '-'; names the deployment in every report"))
            .key("description", FileShape.text("what this deployment is"))
            .requiredKey("api", FileShape.text("the absolute http(s) URL of the wiki's api.php"))
            .key("writable", FileShape.bool("the owner says accounts may be created there (default false)"))
            .key("disposable", FileShape.bool("scenarios may use up its throttles (default false; needs writable)"))
            .key("usernamePrefix", FileShape.text("accounts are PREFIX-RUNID-xxxxxx (a capitalised word; default Mwconform)"))
            .key("counterpart", FileShape.text("the name of the deployment this one is compared with by diff --versions and the matrix's"
                    + " 'Between MediaWiki versions' (the same wiki on another MediaWiki version, or the one it differs from)"))
            .key("features", FileShape.listOf("feature folders or files to run, relative to this file; 'core' names the core contract (default: core)",
                    FileShape.text("a folder, a .feature file, or core")))
            .key("glue", FileShape.listOf("glue packages beside the core's org.mwconform.steps (step classes, hooks)",
                    FileShape.text("a Java package, like org.example.myextension")))
            .key("local", FileShape.object("only for deployments this machine serves itself (mwconform wiki up); api is then http://127.0.0.1:PORT/api.php or http://127.0.0.1:PORT/w/api.php, PORT a preference")
                    .key("settings", FileShape.text("the settings fragment: environments/local/settings/NAME.php (default vanilla)"))
                    .key("mediawiki", FileShape.text("the MediaWiki version it is served with: 1.39 (default, this machine's package) or 1.43"))
                    .key("extensions", FileShape.listOf("MediaWiki extensions loaded from a folder, as an extension's own repository holds them",
                            FileShape.object("one extension")
                                    .requiredKey("path", FileShape.text("the extension's folder (holding extension.json), relative to this file"))
                                    .key("settings", FileShape.text("a PHP settings fragment included after it is loaded, relative to this file")))))
            .key("capabilities", FileShape.object("what the API does not tell")
                    .key("captcha", FileShape.object("the CAPTCHA's answers the harness may give")
                            .requiredKey("answers", FileShape.mapOf("QuestyCaptcha's questions and their answers",
                                    FileShape.text("the answer"))))
                    .key("accountCreationThrottle", FileShape.object("$wgAccountCreationThrottle")
                            .requiredKey("count", FileShape.whole("creations per IP", 1))
                            .requiredKey("seconds", FileShape.whole("per this many seconds", 0)))
                    .key("tempAccountCreationThrottle", FileShape.object("one window of $wgTempAccountCreationThrottle (temporary accounts per IP)")
                            .requiredKey("count", FileShape.whole("temporary accounts per IP", 1))
                            .requiredKey("seconds", FileShape.whole("per this many seconds", 0)))
                    .key("thirdPartyFailureCodes", FileShape.listOf("the messagecodes the third-party provider fails a refused return with"
                            + " (another state, no code, a replayed state); example 3's security scenarios accept only these",
                            FileShape.text("a messagecode")))
                    .key("secondFactorSetup", FileShape.text("totp: after a third-party provider, a UI asks to set up an RFC 6238"
                            + " TOTP second factor, which the API shows only in that UI (@needs:second-factor-setup)"))
                    .key("refusedUsernames", FileShape.object("words that make a new username refused by an anti-abuse rule of the wiki")
                            .key("titleblacklist", FileShape.text("words TitleBlacklist refuses in a new username"))
                            .key("abusefilter", FileShape.text("words an AbuseFilter filter refuses in a new username"))))
            .key("patience", FileShape.whole("seconds the harness waits on this wiki: a restart (refused connections, resets and"
                    + " timeouts are retried within it before its breaker opens) and replicas showing a write (default 10; --patience wins)", 0))
            .key("expect", FileShape.object("what must apply: a scenario found not applicable against it is unexpected (exit 1)")
                    .key("applicable", FileShape.mapOf("requirements that hold on this wiki, by the name of their @needs: tag"
                                    + " (anonymous-creation or anonymousCreation, captcha, creator, blocker, third-party-provider, ...)",
                            FileShape.boolOrText("true, or what is declared of it (captcha: question)")))
                    .key("minimumJudged", FileShape.whole("at least this many scenarios judged (passed, failed, known deviation)", 0)))
            .key("credentials", FileShape.mapOf("role (creator, blocker) to the NAME of an environment variable holding Username:password; never a secret",
                    FileShape.text("an environment variable's name")))
            .key("client", FileShape.object("how the harness's client treats this wiki; every key optional")
                    .key("requestTimeoutSeconds", FileShape.whole("deadline of one request: connect, send, read the whole answer (default 30)", 1))
                    .key("deploymentTimeoutSeconds", FileShape.whole("deadline of all of this deployment's scenarios (default 1800)", 1))
                    .key("maxResponseBytes", FileShape.whole("a larger answer is an error (default 33554432)", 1024))
                    .key("retries", FileShape.whole("retries of a transient answer: maxlag, HTTP 429 or 503 (default 3)", 0))
                    .key("maxRetryAfterSeconds", FileShape.whole("a longer Retry-After is not waited for (default 60)", 0))
                    .key("maxlag", FileShape.whole("maxlag sent with each request; 0 never (default 5 on remote wikis, none on this machine)", 0))
                    .key("userAgent", FileShape.text("the whole User-Agent header, replacing mwconform/VERSION (...; contact: CONTACT)"))
                    .key("contact", FileShape.text("who runs the harness (mail or URL), named in the default User-Agent")));

    /** The file's shape; the YAML keys are the field names. */
    static final class EnvironmentFile {
        public String name;
        public String description;
        public String api;
        public boolean writable;
        public boolean disposable;
        @JsonProperty("usernamePrefix")
        public String usernamePrefix;
        public String counterpart;
        public Local local;
        public Map<String, Object> capabilities = new LinkedHashMap<>();
        public Map<String, String> credentials = new LinkedHashMap<>();
        public Expect expect;
        public Client client;
        public Integer patience;
        public java.util.List<String> features = new java.util.ArrayList<>();
        public java.util.List<String> glue = new java.util.ArrayList<>();
    }

    static final class Expect {
        public Map<String, Object> applicable = new LinkedHashMap<>();
        public Integer minimumJudged;
    }

    static final class Local {
        public String settings = "vanilla";
        /** The MediaWiki version it is served with (1.39 when absent). */
        public String mediawiki;
        public java.util.List<Extension> extensions = new java.util.ArrayList<>();
    }

    static final class Extension {
        public String path;
        public String settings;
    }

    static final class Client {
        public Integer requestTimeoutSeconds;
        public Integer deploymentTimeoutSeconds;
        public Long maxResponseBytes;
        public Integer retries;
        public Integer maxRetryAfterSeconds;
        public Integer maxlag;
        public String userAgent;
        public String contact;

        ClientSettings settings() {
            ClientSettings d = ClientSettings.DEFAULT;
            return new ClientSettings(or(requestTimeoutSeconds, d.requestTimeoutSeconds()), or(deploymentTimeoutSeconds, d.deploymentTimeoutSeconds()),
                    maxResponseBytes == null ? d.maxResponseBytes() : maxResponseBytes, or(retries, d.retries()),
                    or(maxRetryAfterSeconds, d.maxRetryAfterSeconds()), maxlag, userAgent, contact);
        }

        private static int or(Integer value, int fallback) {
            return value == null ? fallback : value;
        }
    }

    public Deployment load(Path file) {
        JsonNode tree = ConfigFiles.read(file, "environment file", SHAPE);
        if (tree.isMissingNode()) {
            throw new ConfigurationException(file + ": empty environment file");
        }
        EnvironmentFile env;
        try {
            env = YAML.treeToValue(tree, EnvironmentFile.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(file + ": not a valid environment file: " + firstLine(e.getMessage()));
        }
        if (env.disposable && !env.writable) {
            throw new ConfigurationException(file + ": disposable: 'disposable: true' needs 'writable: true' too");
        }
        if (env.name == null || !NAME.matcher(env.name).matches()) {
            throw new ConfigurationException(file + ": name: must be lower-case letters, digits, '.' and '-', got '" + env.name + "'");
        }
        if (env.counterpart != null && (!NAME.matcher(env.counterpart).matches() || env.counterpart.equals(env.name))) {
            throw new ConfigurationException(file + ": counterpart: must name another deployment (lower-case letters, digits, '.' and '-'), got '"
                    + env.counterpart + "'");
        }
        env.credentials.forEach((role, variable) -> {
            if (variable == null || !ENV_VAR.matcher(variable).matches()) {
                throw new ConfigurationException(file + ": credentials." + role
                        + " must name an environment variable (like MWCONFORM_CREATOR_PASSWORD), never hold the secret itself");
            }
        });
        java.util.List<LocalExtension> extensions = new java.util.ArrayList<>();
        if (env.local != null) {
            Path folder = localSettingsFolder(file);
            if (!env.local.settings.matches("[a-z0-9][a-z0-9-]*")
                    || (folder != null && !Files.isRegularFile(folder.resolve(env.local.settings + ".php")))) {
                throw new ConfigurationException(file + ": local.settings: no local deployment '" + env.local.settings
                        + "' (environments/local/settings/" + env.local.settings + ".php does not exist)");
            }
            for (int i = 0; i < env.local.extensions.size(); i++) {
                extensions.add(extension(file, "local.extensions[" + i + "]", env.local.extensions.get(i)));
            }
        }
        Suite suite = new Suite(env.features.stream().map(f -> feature(file, f)).toList(), env.glue.stream().map(g -> glue(file, g)).toList());
        URI api = apiUrl(file + ": api", env.api);
        String mediawiki = null;
        if (env.local != null) {
            localApi(file, api);
            mediawiki = env.local.mediawiki == null ? Deployment.DEFAULT_MEDIAWIKI : env.local.mediawiki;
            if (!MediaWikiReleases.SUITES.containsKey(mediawiki)) {
                throw new ConfigurationException(file + ": local.mediawiki: unknown MediaWiki version '" + mediawiki + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(MediaWikiReleases.SUITES.keySet())) + ")");
            }
            // The file's port is a preference: the wiki is reached where its server was recorded when it started.
            api = servedPort(file, env.name, api);
        }
        return new Deployment(env.name, api, env.description == null ? env.name : env.description,
                env.writable, env.disposable, prefix(file + ": usernamePrefix", env.usernamePrefix), env.local == null ? null : env.local.settings,
                Map.copyOf(env.capabilities), Map.copyOf(env.credentials), file,
                withPatience(env.client == null ? ClientSettings.DEFAULT : env.client.settings(), env.patience), suite, extensions, env.counterpart, mediawiki,
                env.expect == null ? null : ExpectedApplicability.of(env.expect.applicable, env.expect.minimumJudged));
    }

    private static ClientSettings withPatience(ClientSettings c, Integer patience) {
        return patience == null ? c : new ClientSettings(c.requestTimeoutSeconds(), c.deploymentTimeoutSeconds(), c.maxResponseBytes(),
                c.retries(), c.maxRetryAfterSeconds(), c.maxlag(), c.userAgent(), c.contact(), patience);
    }


    /** The port the file's api names: for a local deployment, the port it prefers. */
    public int preferredPort(Path file) {
        JsonNode tree = ConfigFiles.read(file, "environment file", SHAPE);
        return apiUrl(file + ": api", tree.path("api").asText(null)).getPort();
    }

    private static final Pattern LOCAL_API = Pattern.compile("http://127\\.0\\.0\\.1:[0-9]+(/w)?/api\\.php");

    /** A wiki this machine serves listens on loopback, on a port of its own, with api.php at / or /w/. */
    private static void localApi(Path file, URI api) {
        if (!LOCAL_API.matcher(api.toString()).matches()) {
            throw new ConfigurationException(file + ": api: a local deployment (one with local:) is served at http://127.0.0.1:PORT/api.php"
                    + " or http://127.0.0.1:PORT/w/api.php, got '" + org.mwconform.secrets.SecretMasker.redactUrl(api.toString()) + "'");
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*");

    /** A glue package: a Java package name, nothing else (it becomes a command-line argument). */
    public static String glue(Object where, String glue) {
        if (glue == null || !PACKAGE.matcher(glue).matches()) {
            throw new ConfigurationException(where + ": glue: '" + glue + "' is not a Java package name (like org.example.myextension)");
        }
        return glue;
    }

    /** A feature folder or file relative to {@code base}'s folder, which must exist; or {@link Suite#CORE}. */
    public static String feature(Path base, String feature) {
        if (Suite.CORE.equals(feature)) {
            return feature;
        }
        Path path = base.toAbsolutePath().getParent().resolve(feature == null ? "" : feature).normalize();
        if (feature == null || feature.isBlank() || !Files.exists(path)) {
            throw new ConfigurationException(base + ": features: no folder or file '" + feature + "' (relative to " + base.getFileName() + ")");
        }
        return path.toString();
    }

    private static LocalExtension extension(Path file, String where, Extension e) {
        Path folder = file.toAbsolutePath().getParent();
        Path path = folder.resolve(e.path).normalize();
        if (!Files.isRegularFile(path.resolve("extension.json"))) {
            throw new ConfigurationException(file + ": " + where + ".path: no extension.json in '" + e.path + "' (relative to " + file.getFileName() + ")");
        }
        Path settings = null;
        if (e.settings != null) {
            settings = folder.resolve(e.settings).normalize();
            if (!e.settings.endsWith(".php") || !Files.isRegularFile(settings)) {
                throw new ConfigurationException(file + ": " + where + ".settings: no PHP file '" + e.settings + "' (relative to " + file.getFileName() + ")");
            }
        }
        return new LocalExtension(path, settings);
    }

    /**
     * Where local settings fragments live: environments/local/settings beside the file for the harness's own
     * deployments; the harness's ({@code -Dmwconform.home}, else the working folder) for an environment file
     * elsewhere (an extension's repository); null when neither is at hand (a {@code mvn test} run: the engine checked it when it
     * started the wiki).
     */
    static Path localSettingsFolder(Path file) {
        Path beside = file.toAbsolutePath().resolveSibling("local").resolve("settings");
        if (Files.isDirectory(beside)) {
            return beside;
        }
        String home = System.getProperty("mwconform.home");
        Path harness = Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().resolve("environments/local/settings");
        return Files.isDirectory(harness) ? harness : null;
    }

    /**
     * Where a local deployment is served now: the port its server got, as recorded when it started (another checkout
     * or program may have held the file's); the file's own port when no server of it runs.
     */
    static URI servedPort(Path file, String name, URI api) {
        return PortRecords.machine().served(file, name, api, LocalProvisioner.harnessHome());
    }

    /** A deployment for {@code --target URL}: read-only unless the user says it may be written to. */
    public Deployment adHoc(String url, boolean writable, String usernamePrefix) {
        URI api = apiUrl("--target", url);
        String name = api.getHost() + (api.getPort() > 0 ? "-" + api.getPort() : "");
        return new Deployment(name.toLowerCase(), api, "ad-hoc target " + org.mwconform.secrets.SecretMasker.redactUrl(api.toString()), writable, false,
                prefix("--username-prefix", usernamePrefix), null, Map.of(), Map.of(), null);
    }

    static URI apiUrl(String where, String url) {
        try {
            URI uri = new URI(url == null ? "" : url.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(String.valueOf(url), "not an absolute http(s) URL");
            }
            if (uri.getPort() == 0 || uri.getPort() > 65535) {
                throw new ConfigurationException(where + ": port " + uri.getPort() + " is out of range (1-65535)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(where + ": must be the absolute http(s) URL of api.php, got '"
                    + org.mwconform.secrets.SecretMasker.redactUrl(String.valueOf(url)) + "'");
        }
    }

    private static String prefix(String where, String prefix) {
        if (prefix == null) {
            return Deployment.DEFAULT_USERNAME_PREFIX;
        }
        if (!prefix.matches("[A-Z][A-Za-z0-9]{1,30}")) {
            throw new ConfigurationException(where + ": must be a capitalised word of letters and digits, got '" + prefix + "'");
        }
        return prefix;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
