package org.mwconform.deployments;

import org.mwconform.wikis.LocalWiki;
import org.mwconform.wikis.LocalWikis;
import org.mwconform.wikis.PortRecords;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deployments the project serves itself, handed to the wiki engine ({@link LocalWikis}, in this process): what an
 * environment file says becomes a {@link LocalWiki}; the users the engine provisions become the credentials the
 * environment file names.
 */
public final class LocalProvisioner {
    private final Path home;
    private final PrintStream out;

    public LocalProvisioner(Path home) {
        this(home, System.out);
    }

    public LocalProvisioner(Path home, PrintStream out) {
        this.home = home.toAbsolutePath().normalize();
        this.out = out;
    }

    /** Name to failure line, for each deployment that could not be started; empty when all are up. */
    public Map<String, String> up(List<Deployment> deployments) {
        return bringUp(deployments).failures();
    }

    /**
     * What {@code up} did: the deployments it could not bring up (with why), and those it found already running
     * (their server was up before it was asked; a remote deployment counts as running, the engine does not manage it).
     */
    public record Up(Map<String, String> failures, Set<String> alreadyRunning) {
        public boolean wasRunning(Deployment deployment) {
            return !deployment.isLocal() || alreadyRunning.contains(deployment.name());
        }
    }

    /** Brings the local deployments among these up, in parallel; their lines printed, indented. */
    public Up bringUp(List<Deployment> deployments) {
        List<LocalWiki> wikis = deployments.stream().filter(Deployment::isLocal).map(this::wiki).toList();
        Map<String, String> failures = new LinkedHashMap<>();
        Set<String> running = new java.util.HashSet<>();
        if (wikis.isEmpty()) {
            return new Up(failures, Set.of());
        }
        try {
            engine().up(wikis).values().forEach(up -> {
                if (up.failure() != null) {
                    failures.put(up.name(), up.failure());
                } else if (up.wasRunning()) {
                    running.add(up.name());
                }
            });
        } catch (RuntimeException e) {
            wikis.forEach(w -> failures.put(w.name(), "cannot bring the local wikis up: " + e.getMessage()));
        }
        return new Up(failures, Set.copyOf(running));
    }

    /** The engine of this checkout, its lines printed indented on this provisioner's stream. */
    public LocalWikis engine() {
        return new LocalWikis(home, line -> out.println("  " + line));
    }

    /** A local deployment as the engine serves it. */
    public LocalWiki wiki(Deployment deployment) {
        Path file = deployment.source().toAbsolutePath().normalize();
        Path settingsFolder = settingsFolder(file, home);
        Path settings = settingsFolder.resolve(deployment.localSettings() + ".php");
        Path provision = settingsFolder.resolve(deployment.localSettings() + ".provision.sh");
        String script = deployment.api().getPath().startsWith("/w/") ? "/w" : "";
        int port = preferredPort(deployment);
        return new LocalWiki(deployment.name(), file, port, script, settings, Files.isRegularFile(provision) ? provision : null,
                deployment.mediawiki(), deployment.extensions().stream().map(e -> new LocalWiki.Extension(e.path(), e.settings())).toList(),
                workFolder(file, deployment.name(), home), home);
    }

    /** The port the environment file names (the deployment's api may be the recorded one). */
    private static int preferredPort(Deployment deployment) {
        try {
            return new DeploymentLoader().preferredPort(deployment.source());
        } catch (RuntimeException e) {
            return deployment.api().getPort();
        }
    }

    // --- credentials the engine provisions -------------------------------------------------------------------------

    /** The user the engine creates on every local deployment for the creator role. */
    public static final String CREATOR_USERNAME = "Mwconform-creator";

    /**
     * Environment variables for a local deployment's scenarios (read by {@link Credentials#lookup}): for the creator role its environment
     * file names, {@code Mwconform-creator:PASSWORD} from {@code environments/local/.work/NAME/creator-password};
     * for the blocker role, the installer's {@code Admin:PASSWORD} from {@code admin-password} (both written by
     * {@code wiki up}, mode 600), unless the variable is already set. Passed in the environment only,
     * never on a command line, never printed. Empty for remote wikis: there the user sets the variable.
     */
    public static Map<String, String> provisionedCredentials(Deployment deployment, Map<String, String> environment) {
        Map<String, String> variables = new LinkedHashMap<>();
        provision(deployment, environment, Credentials.CREATOR, CREATOR_USERNAME, "creator-password", variables);
        provision(deployment, environment, Credentials.BLOCKER, ADMIN_USERNAME, "admin-password", variables);
        return variables;
    }

    /** The administrator every local wiki is installed with (install.php's admin, a sysop who may block). */
    public static final String ADMIN_USERNAME = "Admin";

    private static void provision(Deployment deployment, Map<String, String> environment, String role, String username,
                                  String passwordFile, Map<String, String> variables) {
        String variable = deployment.credentials().get(role);
        String set = variable == null ? null : environment.get(variable);
        if (!deployment.isLocal() || deployment.source() == null || variable == null || (set != null && !set.isBlank())) {
            return;
        }
        Path file = workFolder(deployment).resolve(passwordFile);
        try {
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!password.isEmpty()) {
                variables.put(variable, username + ":" + password);
            }
        } catch (IOException e) {
            // Not provisioned (wiki up could not): the scenarios that need this user are not applicable, saying why.
        }
    }

    /**
     * Whether an answer came from this deployment's own wiki, as environments/local's router names it (the SHA-1 of
     * its LocalSettings.php path): a wiki answering as itself was installed, provisioned and started by an earlier
     * {@code wiki up}. False when it cannot be told (not local, no header, another checkout's wiki).
     */
    public static boolean answeredAsItself(Deployment deployment, String servedBy) {
        if (!deployment.isLocal() || deployment.source() == null || servedBy == null) {
            return false;
        }
        // This checkout's folder, never a record's: another checkout's wiki of the same file is not this one.
        Path own = workFolder(deployment.source(), deployment.name(), harnessHome());
        return servedBy.strip().equalsIgnoreCase(LocalWiki.identityOf(own.resolve("LocalSettings.php")));
    }

    /** The deployment where its server is recorded now (it may have started, on a free port, after the file was read). */
    public static Deployment asServed(Deployment deployment) {
        if (!deployment.isLocal() || deployment.source() == null) {
            return deployment;
        }
        java.net.URI served = PortRecords.machine().served(deployment.source(), deployment.name(),
                PortRecords.withPort(deployment.api(), new DeploymentLoader().preferredPort(deployment.source())), harnessHome());
        return served.equals(deployment.api()) ? deployment : deployment.withApi(served);
    }

    /** Where a local deployment's wiki logs the exceptions it caught (its LocalSettings.php says so), or null for a remote one. */
    public static Path exceptionLog(Deployment deployment) {
        return !deployment.isLocal() || deployment.source() == null ? null : workFolder(deployment).resolve("logs/exception.log");
    }

    /** Whether a server of this deployment's file runs now, as recorded (by whichever checkout started it). */
    public static boolean isRunning(Deployment deployment) {
        String file = deployment.source().toAbsolutePath().normalize().toString();
        return PortRecords.machine().live().stream().anyMatch(r -> r.environment().equals(file) && r.deployment().equals(deployment.name()));
    }

    static Path workFolder(Deployment deployment) {
        String file = deployment.source().toAbsolutePath().normalize().toString();
        Path computed = workFolder(deployment.source(), deployment.name(), harnessHome());
        List<org.mwconform.wikis.PortRecord> live = PortRecords.machine().live().stream()
                .filter(r -> r.environment().equals(file) && r.deployment().equals(deployment.name())).toList();
        return live.stream().filter(r -> r.ofFolder(computed)).findFirst().or(() -> live.stream().findFirst())
                .map(r -> Path.of(r.folder())).orElse(computed);
    }

    /**
     * The working folder of the deployment {@code file} (named {@code name}) describes: {@code local/.work/BASE} beside
     * the project's own environment files; for a file elsewhere (an extension's repository), the harness's
     * {@code environments/local/.work/NAME}.
     */
    static Path workFolder(Path environmentFile, String name, Path home) {
        Path file = environmentFile.toAbsolutePath().normalize();
        if (!Files.isDirectory(file.resolveSibling("local").resolve("settings"))) {
            return home.resolve("environments/local/.work").resolve(name);
        }
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return file.resolveSibling("local").resolve(".work").resolve(base);
    }

    /** The settings fragments: beside the project's own environment files, else the harness's. */
    static Path settingsFolder(Path environmentFile, Path home) {
        Path beside = environmentFile.toAbsolutePath().resolveSibling("local").resolve("settings");
        return Files.isDirectory(beside) ? beside : home.resolve("environments/local/settings");
    }

    /** The checkout this process belongs to ({@code -Dmwconform.home}, set by ./mwconform), else the working folder. */
    static Path harnessHome() {
        String home = System.getProperty("mwconform.home");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }
}
