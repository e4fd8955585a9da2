package org.mwconform.scaffold;

import org.mwconform.deployments.HarnessVersion;
import org.mwconform.deployments.LocalPorts;
import org.mwconform.run.UsageException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mwconform new extension NAME}: a working extension project of its own, outside the harness, green on its
 * first {@code mvn test-compile && mwconform run}: the extension's skeleton, a local wiki that loads it, a feature
 * with the tags and Background an extension's feature needs, a step class on the public API, {@code mwconform.yml}
 * and a pom that depends on this harness's coordinates. A command rather than a Maven archetype: it works offline
 * with nothing but the harness, and it picks the wiki's port ({@link LocalPorts}) when it writes the file.
 */
public final class ExtensionProject {
    private static final String TEMPLATES = "/org/mwconform/scaffold/extension/";

    /** The names a project is written with. */
    public record Names(String name, String kebab, String lower, String javaPackage) {
        /** From an extension name such as {@code NoBotNames}: {@code no-bot-names}, {@code nobotnames}, {@code org.example.nobotnames}. */
        public static Names of(String name) {
            if (!name.matches("[A-Z][A-Za-z0-9]{0,63}")) {
                throw new UsageException("new extension: the name must be an extension name in UpperCamelCase (letters and digits,"
                        + " e.g. NoBotNames), got '" + name + "'");
            }
            String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2").toLowerCase(Locale.ROOT);
            String lower = name.toLowerCase(Locale.ROOT);
            return new Names(name, kebab, lower, "org.example." + lower);
        }
    }

    private ExtensionProject() {
    }

    /**
     * Writes the project into {@code folder} (which must not exist, or be empty); the files written, relative to it.
     */
    public static List<Path> write(Names names, Path folder) {
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            throw new UsageException("new extension: " + folder + " already exists and is not empty: choose another folder with --dir");
        }
        int port = LocalPorts.forNewProject(names.kebab());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Name", names.name());
        values.put("name", names.kebab());
        values.put("lower", names.lower());
        values.put("package", names.javaPackage());
        values.put("packagePath", names.javaPackage().replace('.', '/'));
        values.put("groupId", "org.example");
        values.put("port", String.valueOf(port));
        values.put("version", HarnessVersion.get());
        String ext = "extension/" + names.name() + "/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "README.md");
        files.put("gitignore", ".gitignore");
        files.put("mwconform.yml", "mwconform.yml");
        files.put("pom.xml", "pom.xml");
        files.put("extension.json", ext + "extension.json");
        files.put("PreAuthenticationProvider.php", ext + "includes/" + names.name() + "PreAuthenticationProvider.php");
        files.put("en.json", ext + "i18n/en.json");
        files.put("environment.yml", "environments/" + names.kebab() + ".yml");
        files.put("settings.php", "environments/" + names.kebab() + ".php");
        files.put("feature.feature", "src/test/resources/features/" + names.kebab() + ".feature");
        files.put("Steps.java", "src/test/java/" + values.get("packagePath") + "/" + names.name() + "Steps.java");
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = folder.resolve(f.getValue());
                Files.createDirectories(target.getParent());
                Files.writeString(target, fill(template(f.getKey()), values), StandardCharsets.UTF_8);
                written.add(Path.of(f.getValue()));
            }
        } catch (IOException e) {
            throw new UsageException("new extension: cannot write " + folder + " (" + e.getMessage() + ")");
        }
        return written;
    }

    private static boolean isEmptyFolder(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static String template(String name) throws IOException {
        try (InputStream in = ExtensionProject.class.getResourceAsStream(TEMPLATES + name + ".tmpl")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("template missing from the harness: " + name));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return text;
    }
}
