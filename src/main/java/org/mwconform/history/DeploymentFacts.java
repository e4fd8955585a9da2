package org.mwconform.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mwconform.client.WikiFacts;
import org.mwconform.report.DeploymentResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a deployment was in one run, as a flat map of named facts: the MediaWiki version and extensions results.json
 * names, and what the preflight read from the wiki itself ({@value WikiFacts#FILE}: PHP and database, the createaccount
 * module's class, an anonymous visitor's account-creation right, the requests authmanagerinfo announces, a CAPTCHA's
 * type). Two runs' maps compared give the change that came with an outcome change ("MediaWiki 1.43.5 → 1.43.6",
 * "ConfirmEdit added"). Nothing here can hold a secret: names and versions only, never an answer's values.
 */
public final class DeploymentFacts {
    static final String MEDIAWIKI = "MediaWiki";
    static final String EXTENSION = "extension ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeploymentFacts() {
    }

    /** The facts of {@code deployment}, from its results and, when there is one, its folder's facts.json. */
    public static Map<String, String> of(DeploymentResult deployment, Path deploymentFolder) {
        Map<String, String> facts = new TreeMap<>();
        if (deployment.mediawikiVersion() != null) {
            facts.put(MEDIAWIKI, deployment.mediawikiVersion());
        }
        if (deployment.extensions() != null) {
            deployment.extensions().forEach(e -> facts.put(EXTENSION + e, "present"));
        }
        facts.put("writable", String.valueOf(deployment.writable()));
        if (deploymentFolder != null) {
            Path file = deploymentFolder.resolve(WikiFacts.FILE);
            if (Files.isRegularFile(file)) {
                try {
                    read(JSON.readTree(file.toFile()), facts);
                } catch (IOException | RuntimeException e) {
                    // an unreadable facts.json costs the preflight's facts, never the run's record
                }
            }
        }
        return facts;
    }

    /** The facts the preflight's answers hold (each answer as the wiki gave it, see {@link WikiFacts#write}). */
    static void read(JsonNode file, Map<String, String> facts) {
        for (JsonNode answer : file.path("answers")) {
            JsonNode json = answer.path("answer");
            JsonNode query = json.path("query");
            JsonNode general = query.path("general");
            if (general.hasNonNull("phpversion")) {
                facts.put("PHP", general.path("phpversion").asText());
            }
            if (general.hasNonNull("dbtype")) {
                facts.put("database", (general.path("dbtype").asText() + " " + general.path("dbversion").asText("")).strip());
            }
            for (JsonNode e : query.path("extensions")) {
                String name = e.path("name").asText(null);
                if (name != null) {
                    facts.put(EXTENSION + name, e.hasNonNull("version") ? e.path("version").asText() : "present");
                }
            }
            JsonNode rights = query.path("userinfo").path("rights");
            if (rights.isArray()) {
                boolean can = false;
                for (JsonNode r : rights) {
                    can |= "createaccount".equals(r.asText());
                }
                facts.put("anonymous createaccount right", can ? "yes" : "no");
            }
            JsonNode ami = query.path("authmanagerinfo");
            if (ami.isObject()) {
                facts.put("cancreateaccounts", ami.has("cancreateaccounts") ? "yes" : "no");
                TreeSet<String> requests = new TreeSet<>();
                String captcha = "none";
                for (JsonNode r : ami.path("requests")) {
                    String id = r.path("id").asText("");
                    requests.add(id.substring(id.lastIndexOf('\\') + 1));
                    if (id.contains("Captcha")) {
                        captcha = r.path("metadata").path("type").asText("unknown");
                    }
                }
                facts.put("account creation requests", String.join(", ", requests));
                facts.put("CAPTCHA", captcha);
            }
            for (JsonNode m : json.path("paraminfo").path("modules")) {
                if ("createaccount".equals(m.path("name").asText())) {
                    facts.put("createaccount module", m.path("classname").asText("unknown"));
                }
            }
        }
    }

    /**
     * What changed from {@code before} to {@code after}, one phrase per fact, in the facts' order:
     * "MediaWiki 1.43.5 → 1.43.6", "ConfirmEdit added", "CAPTCHA: none → question". Empty when nothing did.
     */
    public static List<String> changes(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> changes = new ArrayList<>();
        // MediaWiki first: it is the change a reader looks for
        List<String> ordered = new ArrayList<>(keys);
        if (ordered.remove(MEDIAWIKI)) {
            ordered.add(0, MEDIAWIKI);
        }
        // A run without the preflight's file (an old folder imported) knows only results.json's facts: compare those.
        boolean bothRead = preflightRead(before) && preflightRead(after);
        for (String key : ordered) {
            String a = before.get(key);
            String b = after.get(key);
            if (Objects.equals(a, b) || !bothRead && !key.equals(MEDIAWIKI) && !key.startsWith(EXTENSION) && !key.equals("writable")) {
                continue;
            }
            if (key.startsWith(EXTENSION) && a != null && b != null && ("present".equals(a) || "present".equals(b))) {
                continue;  // there both times; one of the two did not say its version
            }
            if (key.startsWith(EXTENSION)) {
                String name = key.substring(EXTENSION.length());
                if (a == null) {
                    changes.add(name + " added" + ("present".equals(b) ? "" : " (" + b + ")"));
                } else if (b == null) {
                    changes.add(name + " removed");
                } else {
                    changes.add(name + " " + a + " \u2192 " + b);
                }
            } else if (key.equals(MEDIAWIKI)) {
                changes.add(MEDIAWIKI + " " + (a == null ? "unknown" : a) + " \u2192 " + (b == null ? "unknown" : b));
            } else {
                changes.add(key + ": " + (a == null ? "unknown" : a) + " \u2192 " + (b == null ? "unknown" : b));
            }
        }
        return changes;
    }

    /** Whether these facts hold what the preflight read from the wiki (not only results.json's version and extensions). */
    static boolean preflightRead(Map<String, String> facts) {
        return facts.containsKey("createaccount module") || facts.containsKey("PHP") || facts.containsKey("CAPTCHA");
    }

    /** The facts in a few phrases: "MediaWiki 1.39.17", "extensions: ConfirmEdit, Vector", "CAPTCHA: question", ... */
    public static List<String> describe(Map<String, String> facts) {
        List<String> phrases = new ArrayList<>();
        if (facts == null) {
            return phrases;
        }
        if (facts.containsKey(MEDIAWIKI)) {
            phrases.add(MEDIAWIKI + " " + facts.get(MEDIAWIKI));
        }
        List<String> extensions = facts.keySet().stream().filter(k -> k.startsWith(EXTENSION))
                .map(k -> k.substring(EXTENSION.length())).toList();
        phrases.add(extensions.isEmpty() ? "no extensions" : "extensions: " + String.join(", ", extensions));
        facts.forEach((k, v) -> {
            if (!k.equals(MEDIAWIKI) && !k.startsWith(EXTENSION)) {
                phrases.add(k + ": " + v);
            }
        });
        return phrases;
    }
}
