package org.mwconform.deployments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the deployments the project runs itself, through {@code environments/local/mw up},
 * which installs and serves them (in parallel) and is a no-op for those already up.
 */
public final class LocalProvisioner {
    private static final long TIMEOUT_MINUTES = 15;
    private final Path script;

    public LocalProvisioner(Path home) {
        this.script = home.resolve("environments/local/mw");
    }

    /** Name to failure line, for each deployment that could not be started; empty when all are up. */
    public Map<String, String> up(List<Deployment> deployments) {
        return bringUp(deployments).failures();
    }

    /**
     * What {@code mw up} did: the deployments it could not bring up (with why), and those it found already running
     * (their server was up before it was asked; a remote deployment counts as running, mw does not manage it).
     */
    public record Up(Map<String, String> failures, java.util.Set<String> alreadyRunning) {
        public boolean wasRunning(Deployment deployment) {
            return !deployment.isLocal() || alreadyRunning.contains(deployment.name());
        }
    }

    /** {@code mw up} for the local deployments among these: one call, its lines printed. */
    public Up bringUp(List<Deployment> deployments) {
        java.util.Set<String> running = new java.util.HashSet<>();
        Map<String, String> failures = upAndWatch(deployments, line -> {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith(" up ", space) && line.contains("(already running")) {
                running.add(line.substring(0, space));
            }
        });
        return new Up(failures, java.util.Set.copyOf(running));
    }

    private Map<String, String> upAndWatch(List<Deployment> deployments, java.util.function.Consumer<String> lines) {
        List<Deployment> local = deployments.stream().filter(Deployment::isLocal).toList();
        List<String> names = local.stream().map(Deployment::name).toList();
        Map<String, String> failures = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return failures;
        }
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "up"));
        // The project's own deployments by name; one described elsewhere (an extension's repository) by its file.
        local.forEach(d -> command.add(isOwn(d) ? d.name() : d.source().toAbsolutePath().normalize().toString()));
        List<String> output = new ArrayList<>();
        int exit;
        try {
            Path log = Files.createTempFile("mwconform-local-up", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                names.forEach(n -> failures.put(n, "environments/local/mw up did not finish in " + TIMEOUT_MINUTES + " minutes"));
                return failures;
            }
            exit = process.exitValue();
            output.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
            Files.deleteIfExists(log);
        } catch (IOException e) {
            names.forEach(n -> failures.put(n, "cannot run environments/local/mw: " + e.getMessage()));
            return failures;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            names.forEach(n -> failures.put(n, "interrupted while starting local deployments"));
            return failures;
        }
        output.forEach(line -> System.out.println("  " + line));
        output.forEach(lines);
        if (exit != 0) {
            String last = output.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("exit code " + exit);
            for (String name : names) {
                boolean up = output.stream().anyMatch(l -> l.startsWith(name + " up"));
                if (!up) {
                    failures.put(name, output.stream().filter(l -> l.startsWith(name + " ")).reduce((a, b) -> b).orElse(last));
                }
            }
        }
        return failures;
    }

    // --- credentials that environments/local/mw provisions -------------------------------------------

    /** The user environments/local/mw creates on every local deployment for the creator role (CREATOR_NAME there). */
    public static final String CREATOR_USERNAME = "Mwconform-creator";

    /**
     * Environment variables for a local deployment's scenarios (read by {@link Credentials#lookup}): for the creator role its environment
     * file names, {@code Mwconform-creator:PASSWORD} from {@code environments/local/.work/NAME/creator-password};
     * for the blocker role, the installer's {@code Admin:PASSWORD} from {@code admin-password} (both written by
     * {@code mw up}, mode 600), unless the variable is already set. Passed in the environment only,
     * never on a command line, never printed. Empty for remote wikis: there the user sets the variable.
     */
    public static Map<String, String> provisionedCredentials(Deployment deployment, Map<String, String> environment) {
        Map<String, String> variables = new LinkedHashMap<>();
        provision(deployment, environment, Credentials.CREATOR, CREATOR_USERNAME, "creator-password", variables);
        provision(deployment, environment, Credentials.BLOCKER, ADMIN_USERNAME, "admin-password", variables);
        return variables;
    }

    /** The administrator environments/local/mw installs every local wiki with (install.php's admin, a sysop who may block). */
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
            // Not provisioned (mw up could not): the scenarios that need this user are not applicable, saying why.
        }
    }

    /**
     * {@code environments/local/.work/NAME}: mw keeps a deployment's files beside the environment file it reads;
     * for a file elsewhere (an extension's repository), in the harness's own, under the deployment's name.
     */
    /**
     * Whether an answer came from this deployment's own wiki, as environments/local's router names it (the SHA-1 of
     * its LocalSettings.php path): a wiki answering as itself was installed, provisioned and started by an earlier
     * {@code mw up}. False when it cannot be told (not local, no header, another checkout's wiki).
     */
    public static boolean answeredAsItself(Deployment deployment, String servedBy) {
        if (!deployment.isLocal() || deployment.source() == null || servedBy == null) {
            return false;
        }
        String settings = workFolder(deployment).resolve("LocalSettings.php").toString();
        try {
            byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1").digest(settings.getBytes(StandardCharsets.UTF_8));
            return servedBy.strip().equalsIgnoreCase(java.util.HexFormat.of().formatHex(sha1));
        } catch (java.security.NoSuchAlgorithmException e) {
            return false;
        }
    }

    /**
     * The deployment as {@code mw up} serves it now: on the port it recorded when another checkout's wiki (or another
     * program) held the file's port, which may have happened after the file was read.
     */
    public static Deployment asServed(Deployment deployment) {
        if (!deployment.isLocal() || deployment.source() == null) {
            return deployment;
        }
        java.net.URI served = DeploymentLoader.servedPort(deployment.source(), deployment.name(), deployment.api());
        return served.equals(deployment.api()) ? deployment : deployment.withApi(served);
    }

    /** Where a local deployment's wiki logs the exceptions it caught (its LocalSettings.php says so), or null for a remote one. */
    public static Path exceptionLog(Deployment deployment) {
        return !deployment.isLocal() || deployment.source() == null ? null : workFolder(deployment).resolve("logs/exception.log");
    }

    static Path workFolder(Deployment deployment) {
        return workFolder(deployment.source(), deployment.name());
    }

    /** The work folder mw keeps for the deployment that {@code file} (named {@code name}) describes. */
    static Path workFolder(Path environmentFile, String name) {
        Path file = environmentFile.toAbsolutePath().normalize();
        if (!Files.isDirectory(file.resolveSibling("local").resolve("settings"))) {
            return harnessHome().resolve("environments/local/.work").resolve(name);
        }
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return file.resolveSibling("local").resolve(".work").resolve(base);
    }

    /** A deployment described in the project's own environments/ folder, which mw finds by name. */
    private boolean isOwn(Deployment deployment) {
        Path environments = script.toAbsolutePath().normalize().getParent().getParent();
        return deployment.source() != null && environments.equals(deployment.source().toAbsolutePath().normalize().getParent());
    }

    private static Path harnessHome() {
        String home = System.getProperty("mwconform.home");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }
}
