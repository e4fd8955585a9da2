package org.mwconform.wikis;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One wiki this machine serves, as the engine needs it (the deployments package reads it from an environment file).
 *
 * @param environment   the environment file that describes it (absolute): recorded with its port
 * @param preferredPort the file's port: a preference, used when free
 * @param scriptPath    "" or "/w": where api.php is
 * @param settings      the deployment's settings fragment (environments/local/settings/NAME.php)
 * @param provision     the fragment's provisioning hook (NAME.provision.sh), or null
 * @param mediawiki     the MediaWiki version it runs: 1.39 or 1.43
 * @param extensions    extensions loaded from a folder (an extension's own repository)
 * @param folder        its working folder: database, LocalSettings.php, logs, passwords
 * @param checkout      the checkout that serves it (router.php, settings, the lock)
 */
public record LocalWiki(String name, Path environment, int preferredPort, String scriptPath, Path settings, Path provision,
                        String mediawiki, List<Extension> extensions, Path folder, Path checkout) {
    public LocalWiki {
        extensions = List.copyOf(extensions);
    }

    /** An extension's folder (holding extension.json) and an optional PHP settings fragment loaded after it. */
    public record Extension(Path folder, Path settings) {
    }

    public Path localSettings() {
        return folder.resolve("LocalSettings.php");
    }

    /** What the router answers in X-Mwconform-Wiki for this wiki: the SHA-1 of its LocalSettings.php path. */
    public String identity() {
        return identityOf(localSettings());
    }

    public static String identityOf(Path localSettings) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(localSettings.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI api(int port) {
        return URI.create("http://127.0.0.1:" + port + scriptPath + "/api.php");
    }

    /** The working folder as the user reads it in messages: relative to the checkout when inside it. */
    String shown(Path file) {
        return file.startsWith(checkout) ? checkout.relativize(file).toString() : file.toString();
    }
}
