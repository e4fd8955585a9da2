package org.mwconform.deployments;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a configuration file safely, before anything else happens: only a regular, readable file of at
 * most {@link #MAX_BYTES} (a FIFO would block, {@code /dev/zero} would never end), YAML with no duplicate
 * key, checked against its {@link FileShape}. Every problem is one {@link ConfigurationException} line
 * naming the file and the key.
 */
public final class ConfigFiles {
    public static final long MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private ConfigFiles() {
    }

    /** The file's tree, checked against its shape; a missing node for an empty file. */
    public static JsonNode read(Path file, String kind, FileShape shape) {
        JsonNode tree = parse(file, kind);
        if (tree.isMissingNode() || tree.isNull()) {
            return MissingNode.getInstance();
        }
        try {
            shape.check(tree, "");
        } catch (FileShape.Problem e) {
            throw new ConfigurationException(file + ": " + e.getMessage());
        }
        return tree;
    }

    private static JsonNode parse(Path file, String kind) {
        String text = text(file, kind);
        try {
            JsonNode tree = YAML.readTree(text);
            if (tree == null) {
                return MissingNode.getInstance();
            }
            yaml11BooleansAsText(text, tree);
            return tree;
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            Matcher duplicate = DUPLICATE.matcher(message);
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            if (duplicate.find()) {
                throw new ConfigurationException(file + ": duplicate key '" + duplicate.group(1) + "'" + line);
            }
            throw new ConfigurationException(file + ": not valid YAML" + line + ": " + message.lines().findFirst().orElse(""));
        }
    }

    /**
     * The YAML parser reads YAML 1.1's yes, no, on and off as booleans; here only true and false are, so
     * those scalars go back to being the text they were and the shape check names them.
     */
    private static void yaml11BooleansAsText(String text, JsonNode tree) throws JsonProcessingException {
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                if ((token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
                        && !parser.getText().equalsIgnoreCase(String.valueOf(token == JsonToken.VALUE_TRUE))) {
                    JsonPointer at = parser.getParsingContext().pathAsPointer();
                    JsonNode parent = tree.at(at.head());
                    String key = at.last().getMatchingProperty();
                    if (parent instanceof ObjectNode object) {
                        object.put(key, parser.getText());
                    } else if (parent instanceof ArrayNode array) {
                        array.set(at.last().getMatchingIndex(), TextNode.valueOf(parser.getText()));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static String text(Path file, String kind) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            throw new ConfigurationException(file + ": no such " + kind);
        }
        if (Files.isDirectory(file)) {
            throw new ConfigurationException(file + ": is a folder, not " + article(kind));
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(file + ": not a regular file (a pipe, socket or device), so not " + article(kind));
        }
        if (!Files.isReadable(file)) {
            throw new ConfigurationException(file + ": permission denied (cannot read the " + kind + ")");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigurationException(file + ": " + size + " bytes, larger than the " + MAX_BYTES + " bytes " + article(kind) + " may have");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_BYTES) {
                throw new ConfigurationException(file + ": larger than the " + MAX_BYTES + " bytes " + article(kind) + " may have");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(file + ": no such " + kind);
        } catch (AccessDeniedException e) {
            throw new ConfigurationException(file + ": permission denied (cannot read the " + kind + ")");
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(file + ": not UTF-8 text, so not " + article(kind));
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot read the " + kind + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    private static String article(String kind) {
        return "an " + kind;
    }
}
