package org.mwconform.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a configuration file (environment, expectations), checked key by key before anything is
 * sent, and published as a JSON Schema for editors ({@link #toJsonSchema()}): one definition, so the
 * schema and the checks cannot disagree. Every problem names the key and is one line.
 */
public sealed interface FileShape {

    /** Checks a parsed value; throws {@link Problem} naming {@code path}. */
    void check(JsonNode value, String path);

    /** This shape as JSON Schema (draft 2020-12). */
    ObjectNode toJsonSchema();

    /** A problem at a key, without the file name (the caller adds it). */
    final class Problem extends RuntimeException {
        public Problem(String path, String message) {
            super((path.isEmpty() ? "" : path + ": ") + message);
        }
    }

    static FileShape text(String description) { return new Text(description); }
    static FileShape bool(String description) { return new Bool(description); }
    static FileShape boolOrText(String description) { return new BoolOrText(description); }
    static FileShape whole(String description, long min) { return new Whole(description, min); }
    static FileShape listOf(String description, FileShape items) { return new ListOf(description, items); }
    static FileShape mapOf(String description, FileShape values) { return new MapOf(description, values); }
    static Obj object(String description) { return new Obj(description, new LinkedHashMap<>(), new ArrayList<>()); }

    private static ObjectNode schema(String type, String description) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type);
        if (description != null) {
            node.put("description", description);
        }
        return node;
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isNull()) return "nothing";
        if (v.isObject()) return "a mapping";
        if (v.isArray()) return "a list";
        if (v.isBoolean()) return "a boolean (" + v.asText() + ")";
        if (v.isNumber()) return "a number (" + v.asText() + ")";
        return "the text '" + v.asText() + "'";
    }

    record Text(String description) implements FileShape {
        public void check(JsonNode v, String path) {
            if (v == null || !v.isTextual()) {
                throw new Problem(path, "expected text, got " + kind(v));
            }
        }
        public ObjectNode toJsonSchema() { return schema("string", description); }
    }

    /** Only true and false: YAML 1.1's yes, no, on, off, 1 and 0 are mistakes here. */
    record Bool(String description) implements FileShape {
        public void check(JsonNode v, String path) {
            if (v == null || !v.isBoolean()) {
                throw new Problem(path, "expected true or false, got " + kind(v));
            }
        }
        public ObjectNode toJsonSchema() { return schema("boolean", description); }
    }

    /** true, or a text that says more (a CAPTCHA's type): never false, which would declare nothing. */
    record BoolOrText(String description) implements FileShape {
        public void check(JsonNode v, String path) {
            if (v == null || !(v.isTextual() || (v.isBoolean() && v.asBoolean()))) {
                throw new Problem(path, "expected true or a text, got " + kind(v));
            }
        }
        public ObjectNode toJsonSchema() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.putArray("type").add("boolean").add("string");
            node.put("description", description);
            return node;
        }
    }
    record Whole(String description, long min) implements FileShape {
        public void check(JsonNode v, String path) {
            if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min) {
                throw new Problem(path, "expected a whole number of at least " + min + ", got " + kind(v));
            }
        }
        public ObjectNode toJsonSchema() { return schema("integer", description).put("minimum", min); }
    }

    record ListOf(String description, FileShape items) implements FileShape {
        public void check(JsonNode v, String path) {
            if (v == null || !v.isArray()) {
                throw new Problem(path, "expected a list, got " + kind(v));
            }
            for (int i = 0; i < v.size(); i++) {
                items.check(v.get(i), path + "[" + i + "]");
            }
        }
        public ObjectNode toJsonSchema() {
            ObjectNode node = schema("array", description);
            node.set("items", items.toJsonSchema());
            return node;
        }
    }

    /** A mapping with free keys, all values of one shape (questions to answers, roles to variables). */
    record MapOf(String description, FileShape values) implements FileShape {
        public void check(JsonNode v, String path) {
            if (v == null || !v.isObject()) {
                throw new Problem(path, "expected a mapping {key: value}, got " + kind(v));
            }
            v.fields().forEachRemaining(e -> values.check(e.getValue(), path + "." + e.getKey()));
        }
        public ObjectNode toJsonSchema() {
            ObjectNode node = schema("object", description);
            node.set("additionalProperties", values.toJsonSchema());
            return node;
        }
    }

    /** A mapping with known keys only: an unknown one is rejected, with the nearest known key as a suggestion. */
    record Obj(String description, Map<String, FileShape> keys, List<String> required) implements FileShape {
        public Obj key(String name, FileShape shape) {
            keys.put(name, shape);
            return this;
        }

        public Obj requiredKey(String name, FileShape shape) {
            required.add(name);
            return key(name, shape);
        }

        public void check(JsonNode v, String path) {
            if (v == null || !v.isObject()) {
                throw new Problem(path, "expected a mapping with the keys " + String.join(", ", keys.keySet()) + ", got " + kind(v));
            }
            v.fieldNames().forEachRemaining(name -> {
                if (!keys.containsKey(name)) {
                    throw new Problem("", "unknown key '" + (path.isEmpty() ? name : path + "." + name) + "'" + suggestion(name, keys.keySet())
                            + " (known" + (path.isEmpty() ? "" : " under " + path) + ": " + String.join(", ", keys.keySet()) + ")");
                }
            });
            for (String name : required) {
                if (!v.has(name) || v.get(name).isNull()) {
                    throw new Problem(path.isEmpty() ? name : path + "." + name, "missing (required)");
                }
            }
            keys.forEach((name, shape) -> {
                JsonNode value = v.get(name);
                if (value != null && !value.isNull()) {
                    shape.check(value, path.isEmpty() ? name : path + "." + name);
                }
            });
        }

        public ObjectNode toJsonSchema() {
            ObjectNode node = schema("object", description);
            ObjectNode properties = node.putObject("properties");
            keys.forEach((name, shape) -> properties.set(name, shape.toJsonSchema()));
            if (!required.isEmpty()) {
                required.forEach(node.putArray("required")::add);
            }
            node.put("additionalProperties", false);
            return node;
        }

        private static String suggestion(String unknown, Set<String> known) {
            return known.stream().min(Comparator.comparingInt(k -> distance(unknown.toLowerCase(), k.toLowerCase())))
                    .filter(k -> distance(unknown.toLowerCase(), k.toLowerCase()) <= Math.max(2, k.length() / 3))
                    .map(k -> "; did you mean '" + k + "'?").orElse("");
        }

        /** Levenshtein distance. */
        static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) previous[j] = j;
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                int[] t = previous; previous = current; current = t;
            }
            return previous[b.length()];
        }
    }
}
