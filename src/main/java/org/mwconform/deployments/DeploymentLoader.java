package org.mwconform.deployments;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks environment files; every problem becomes one line naming the file. */
public final class DeploymentLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern ENV_VAR = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    /** The file's shape; the YAML keys are the field names. */
    static final class EnvironmentFile {
        public String name;
        public String description;
        public String api;
        public boolean writable;
        public boolean disposable;
        @JsonProperty("usernamePrefix")
        public String usernamePrefix;
        public Local local;
        public Map<String, Object> capabilities = new LinkedHashMap<>();
        public Map<String, String> credentials = new LinkedHashMap<>();
    }

    static final class Local {
        public String settings;
        /** The MediaWiki version environments/local/mw serves it with (1.39 when absent); read by mw only. */
        public String mediawiki;
    }

    public Deployment load(Path file) {
        EnvironmentFile env;
        try {
            env = YAML.readValue(Files.readString(file), EnvironmentFile.class);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(file + ": no such environment file");
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigurationException(file + ": unknown key '" + e.getPropertyName() + "' (known: name, description, api, writable, disposable, usernamePrefix, local, capabilities, credentials)");
        } catch (IOException e) {
            throw new ConfigurationException(file + ": not a valid environment file: " + firstLine(e.getMessage()));
        }
        if (env == null) {
            throw new ConfigurationException(file + ": empty environment file");
        }
        if (env.disposable && !env.writable) {
            throw new ConfigurationException(file + ": 'disposable: true' needs 'writable: true' too");
        }
        if (env.name == null || !NAME.matcher(env.name).matches()) {
            throw new ConfigurationException(file + ": 'name' must be lower-case letters, digits, '.' and '-', got '" + env.name + "'");
        }
        env.credentials.forEach((role, variable) -> {
            if (variable == null || !ENV_VAR.matcher(variable).matches()) {
                throw new ConfigurationException(file + ": credentials." + role
                        + " must name an environment variable (like MWCONFORM_CREATOR_PASSWORD), never hold the secret itself");
            }
        });
        URI api = apiUrl(file.toString(), env.api);
        if (env.local != null) {
            api = servedPort(file, env.name, api);
        }
        return new Deployment(env.name, api, env.description == null ? env.name : env.description,
                env.writable, env.disposable, prefix(file.toString(), env.usernamePrefix), env.local == null ? null : env.local.settings,
                Map.copyOf(env.capabilities), Map.copyOf(env.credentials), file);
    }

    /**
     * Where environments/local/mw really serves a local deployment: when another checkout (or program) held the
     * file's port, mw served this checkout's wiki on a free port and recorded it in {@code local/.work/NAME/port}.
     */
    static URI servedPort(Path file, String name, URI api) {
        Path recorded = file.toAbsolutePath().normalize().resolveSibling("local").resolve(".work").resolve(name).resolve("port");
        try {
            if (Files.isRegularFile(recorded)) {
                String port = Files.readString(recorded).strip();
                if (port.matches("[0-9]{2,5}")) {
                    return new URI(api.getScheme(), null, api.getHost(), Integer.parseInt(port), api.getPath(), api.getQuery(), null);
                }
            }
        } catch (IOException | URISyntaxException e) {
            // No usable record: the file's own port.
        }
        return api;
    }

    /** A deployment for {@code --target URL}: read-only unless the user says it may be written to. */
    public Deployment adHoc(String url, boolean writable, String usernamePrefix) {
        URI api = apiUrl("--target", url);
        String name = api.getHost() + (api.getPort() > 0 ? "-" + api.getPort() : "");
        return new Deployment(name.toLowerCase(), api, "ad-hoc target " + api, writable, false,
                prefix("--username-prefix", usernamePrefix), null, Map.of(), Map.of(), null);
    }

    static URI apiUrl(String where, String url) {
        try {
            URI uri = new URI(url == null ? "" : url.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(String.valueOf(url), "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(where + ": 'api' must be the absolute http(s) URL of api.php, got '" + url + "'");
        }
    }

    private static String prefix(String where, String prefix) {
        if (prefix == null) {
            return Deployment.DEFAULT_USERNAME_PREFIX;
        }
        if (!prefix.matches("[A-Z][A-Za-z0-9]{1,30}")) {
            throw new ConfigurationException(where + ": usernamePrefix must be a capitalised word of letters and digits, got '" + prefix + "'");
        }
        return prefix;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
