package org.mwconform.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A local deployment's environment file as a remote one reached at another api.php (a recording or fault-injecting
 * proxy in front of the wiki): the same keys without {@code local:}, so the copy never claims the wiki, which stays
 * the harness's to start and stop. Its expectations file is copied beside it. Java writes it, as Java reads every
 * environment file (the benchmark asks {@code mwconform wiki remote-copy} for these).
 */
public final class RemoteCopy {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private RemoteCopy() {
    }

    /** Writes the copy of {@code deployment}'s file into {@code folder}, reaching it at {@code api}; returns the copy. */
    public static Path write(Deployment deployment, URI api, Path folder) {
        Path source = deployment.source();
        if (source == null) {
            throw new ConfigurationException("remote-copy: " + deployment.name() + " has no environment file");
        }
        ObjectNode tree = (ObjectNode) ConfigFiles.read(source, "environment file", DeploymentLoader.SHAPE).deepCopy();
        tree.remove("local");
        tree.put("api", api.toString());
        try {
            Files.createDirectories(folder);
            Path copy = folder.resolve(source.getFileName());
            YAML.writeValue(copy.toFile(), tree);
            Path expectations = deployment.expectationsFile();
            if (expectations != null && Files.isRegularFile(expectations)) {
                Files.copy(expectations, folder.resolve(expectations.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the copy of " + source + " into " + folder, e);
        }
    }

    /** The environment variables the file names for its roles ({@code credentials:}), by role. */
    public static JsonNode credentials(Deployment deployment) {
        return ConfigFiles.read(deployment.source(), "environment file", DeploymentLoader.SHAPE).path("credentials");
    }
}
