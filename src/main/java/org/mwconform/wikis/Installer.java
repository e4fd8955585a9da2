package org.mwconform.wikis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Makes one wiki's working folder: MediaWiki's installer with SQLite (once), the harness's settings (on every start),
 * the provisioned users and the settings fragment's own provisioning (once per install).
 */
final class Installer {
    /** The user the engine creates on every wiki for the creator role (it creates accounts for others). */
    static final String CREATOR = "Mwconform-creator";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalWiki wiki;
    private final Path root;
    private final String php;

    Installer(LocalWiki wiki, Path root, String php) {
        this.wiki = wiki;
        this.root = root;
        this.php = php;
    }

    private Path dir() {
        return wiki.folder();
    }

    private List<String> php(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(php));
        command.addAll(PhpServer.OPTIONS);
        command.add(root.resolve(script).toString());
        command.addAll(List.of(args));
        return command;
    }

    /** install.php with SQLite, unless installed; a half-finished earlier install is started over. */
    void install(int port) throws IOException {
        if (Files.isRegularFile(wiki.localSettings())) {
            return;
        }
        Commands.deleteRecursively(dir().resolve("db"));
        Commands.deleteRecursively(dir().resolve("cache"));
        Files.createDirectories(dir().resolve("db"));
        Files.createDirectories(dir().resolve("cache"));
        Files.createDirectories(dir().resolve("logs"));
        owner(dir(), "rwx------");
        Path password = secret("admin-password");
        String database = wiki.name().replaceAll("[^A-Za-z0-9]", "_");
        Path log = dir().resolve("install.log");
        int exit = Commands.run(php("maintenance/install.php", "--quiet", "--dbtype", "sqlite", "--dbpath", dir().resolve("db").toString(),
                "--dbname", database, "--confpath", dir().toString(), "--server", "http://127.0.0.1:" + port, "--scriptpath", wiki.scriptPath(),
                "--lang", "en", "--passfile", password.toString(), "mwconform " + wiki.name(), "Admin"), null, log, Map.of());
        if (exit != 0 || !Files.isRegularFile(wiki.localSettings())) {
            Files.deleteIfExists(wiki.localSettings());
            throw new WikiException(wiki.name() + ": install.php failed, see " + wiki.shown(log));
        }
        // Keep the working folder relocatable: no absolute path in the generated settings.
        String settings = Files.readString(wiki.localSettings(), StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\$wgSQLiteDataDir = .*$", java.util.regex.Matcher.quoteReplacement("$wgSQLiteDataDir = __DIR__ . \"/db\";"));
        Files.writeString(wiki.localSettings(), settings + """

                # Added by mwconform's wiki engine (org.mwconform.wikis): server URL, cache and log folders, then the
                # deployment's settings fragment (environments/local/settings/NAME.php). Rewritten on every `wiki up`.
                require __DIR__ . '/mwconform.php';
                """, StandardCharsets.UTF_8);
    }

    /** mwconform.php: where the wiki is served, its folders, the settings fragment and the extensions; rewritten only when changed. */
    void writeHarnessSettings(int port) throws IOException {
        StringBuilder php = new StringBuilder();
        php.append("<?php\n// Written by mwconform wiki up for ").append(wiki.name()).append(" on every start: do not edit.\n")
                .append("// Edit its environment file or ").append(wiki.settings().getFileName()).append(" instead.\n")
                .append("$wgServer = 'http://127.0.0.1:").append(port).append("';\n")
                .append("$wgScriptPath = '").append(wiki.scriptPath()).append("';\n")
                .append("$wgResourceBasePath = $wgScriptPath;\n")
                .append("$wgCacheDirectory = __DIR__ . '/cache';\n")
                .append("$wgMainCacheType = CACHE_ACCEL;\n")
                .append("$wgDBerrorLog = __DIR__ . '/logs/dberror.log';\n")
                .append("$wgDebugLogGroups['exception'] = __DIR__ . '/logs/exception.log';\n")
                .append("$wgDebugLogGroups['error'] = __DIR__ . '/logs/error.log';\n")
                .append("$wgDebugLogGroups['fatal'] = __DIR__ . '/logs/fatal.log';\n")
                .append("require ").append(relative(wiki.settings())).append(";\n");
        for (LocalWiki.Extension e : wiki.extensions()) {
            php.append("wfLoadExtension( ").append(quoted(e.folder().getFileName().toString())).append(", ")
                    .append(quoted(e.folder().resolve("extension.json").toString())).append(" );\n");
            if (e.settings() != null) {
                php.append("require ").append(quoted(e.settings().toString())).append(";\n");
            }
        }
        Path file = dir().resolve("mwconform.php");
        String text = php.toString();
        if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            Path temp = dir().resolve("mwconform.php.new");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A path inside the checkout relative to the working folder (the folder stays relocatable), else absolute. */
    private String relative(Path file) {
        if (file.startsWith(wiki.checkout()) && dir().startsWith(wiki.checkout())) {
            return "__DIR__ . " + quoted("/" + dir().relativize(file));
        }
        return quoted(file.toString());
    }

    /** A PHP single-quoted string. */
    static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * The creator, once per install, as maintenance/createAndPromote.php does it (AuthManager::autoCreateUser, then
     * the password) but through eval.php reading the password from its file, so it is never on a command line. Where
     * the settings take {@code createaccount} from everyone, the creator is made a sysop, the one stock group keeping it.
     */
    void ensureCreator() throws IOException {
        Path ok = dir().resolve("creator.ok");
        Path password = dir().resolve("creator-password");
        if (!Files.isRegularFile(wiki.localSettings()) || nonEmpty(password) && newer(ok, wiki.localSettings())) {
            return;  // not installed, or done for this install (a reinstall rewrites LocalSettings.php)
        }
        secret("creator-password");
        Path log = dir().resolve("logs/creator.log");
        String script = """
                $mwcS = MediaWiki\\MediaWikiServices::getInstance(); $mwcU = $mwcS->getUserFactory()->newFromName( getenv( 'MWCONFORM_CREATOR' ) );
                if ( !$mwcU->isRegistered() ) { $mwcSt = $mwcS->getAuthManager()->autoCreateUser( $mwcU, MediaWiki\\Auth\\AuthManager::AUTOCREATE_SOURCE_MAINT, false ); if ( !$mwcSt->isGood() ) { throw new RuntimeException( 'cannot create the user: ' . $mwcSt->getMessage( false, false, 'en' )->text() ); } }
                $mwcP = trim( file_get_contents( getenv( 'MWCONFORM_CREATOR_FILE' ) ) ); $mwcSt = $mwcU->changeAuthenticationData( [ 'username' => $mwcU->getName(), 'password' => $mwcP, 'retype' => $mwcP ] ); unset( $mwcP ); if ( !$mwcSt->isGood() ) { throw new RuntimeException( 'cannot set the password: ' . $mwcSt->getMessage( false, false, 'en' )->text() ); } $mwcU->saveSettings();
                if ( !$mwcS->getPermissionManager()->userHasRight( $mwcU, 'createaccount' ) ) { $mwcS->getUserGroupManager()->addUserToGroup( $mwcU, 'sysop' ); $mwcS->getPermissionManager()->invalidateUsersRightsCache( $mwcU ); }
                echo $mwcS->getPermissionManager()->userHasRight( $mwcU, 'createaccount' ) ? 'mwconform creator ready' : 'mwconform creator lacks createaccount';
                """;
        Commands.run(php("maintenance/eval.php", "--conf", wiki.localSettings().toString()), null, log,
                Map.of("MWCONFORM_CREATOR", CREATOR, "MWCONFORM_CREATOR_FILE", password.toString()), script);
        if (!Files.readString(log, StandardCharsets.UTF_8).lines().anyMatch("mwconform creator ready"::equals)) {
            throw new WikiException(wiki.name() + ": cannot provision the user " + CREATOR + ", see " + wiki.shown(log));
        }
        touch(ok);
    }

    /**
     * The settings fragment's provisioning hook ({@code SETTINGS.provision.sh}), once per install and phase:
     * {@code tables} before the server starts, {@code content} once the creator exists. It gets DIR, MW_ROOT, PHP and
     * PHP_OPTS in its environment.
     */
    void provision(String phase) throws IOException {
        Path script = wiki.provision();
        if (script == null || !Files.isRegularFile(script)) {
            return;
        }
        Path ok = dir().resolve("provisioned-" + phase + ".ok");
        if (newer(ok, wiki.localSettings()) && newer(ok, script)) {
            return;
        }
        Path log = dir().resolve("logs/provision-" + phase + ".log");
        int exit = Commands.run(List.of("bash", script.toString(), phase), null, log, Map.of("DIR", dir().toString(), "MW_ROOT", root.toString(),
                "PHP", php, "PHP_OPTS", String.join(" ", PhpServer.OPTIONS)));
        if (exit != 0) {
            throw new WikiException(wiki.name() + ": provisioning (" + script.getFileName() + " " + phase + ") failed, see " + wiki.shown(log));
        }
        touch(ok);
    }

    /** A random password in the working folder (mode 600), made once. */
    private Path secret(String name) throws IOException {
        Path file = dir().resolve(name);
        if (!nonEmpty(file)) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes).replace('+', 'x').replace('/', 'y') + "\n");
        }
        owner(file, "rw-------");
        return file;
    }

    private static void owner(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to restrict
        }
    }

    private static boolean nonEmpty(Path file) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) > 0;
    }

    private static boolean newer(Path file, Path than) throws IOException {
        return Files.isRegularFile(file) && Files.isRegularFile(than)
                && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
    }

    private static void touch(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    }
}
