package org.mwconform.cli;

import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.LocalDeployments;
import org.mwconform.deployments.LocalProvisioner;
import org.mwconform.run.ExitCode;
import org.mwconform.wikis.LocalWiki;
import org.mwconform.wikis.LocalWikis;
import org.mwconform.wikis.PortRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code mwconform wiki up|down|status|logs [NAME...|--all]}: the local wikis of this checkout (the engine: org.mwconform.wikis). */
@Command(name = "wiki", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Installs, starts, stops and finds the wikis this machine serves for this checkout (environment files with local:).",
                "NAME is a deployment (local-vanilla, an example's local-accept-terms) or an environment file; none means every",
                "environments/*.yml with local:; --all adds the examples' and any other wiki this checkout recorded.",
                "The file's port is a preference: a port another checkout or program holds is named in one line and a free one used."},
        footer = {"", "Exit codes: 0 done, 1 a wiki could not be started, 2 a usage or configuration error (nothing is started)."})
final class WikiCommand implements Runnable {
    private final Path home;
    private final PrintStream out;

    WikiCommand(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "wiki needs up, down, status or logs");
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Install (the first time) and start; a no-op for those running.")
    int up(@Parameters(paramLabel = "NAME", arity = "0..*", description = "deployments or environment files") List<String> names,
           @Option(names = "--all", description = "every wiki of this checkout, the examples' included") boolean all) {
        List<Deployment> deployments = select(names, all);
        LocalProvisioner provisioner = new LocalProvisioner(home, out);
        List<LocalWiki> wikis = deployments.stream().map(provisioner::wiki).toList();
        LocalWikis engine = new LocalWikis(home, out::println);
        boolean failed = engine.up(wikis).values().stream().anyMatch(u -> u.failure() != null);
        return failed ? ExitCode.UNEXPECTED_RESULT : ExitCode.OK;
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop (only this checkout's servers, never another's).")
    int down(@Parameters(paramLabel = "NAME", arity = "0..*", description = "deployments or environment files") List<String> names,
             @Option(names = "--all", description = "every wiki of this checkout, the examples' and any other it recorded") boolean all) {
        LocalProvisioner provisioner = new LocalProvisioner(home, out);
        List<LocalWiki> wikis = select(names, all).stream().map(provisioner::wiki).toList();
        LocalWikis engine = new LocalWikis(home, out::println);
        engine.down(wikis);
        Set<String> stopped = new HashSet<>();
        wikis.forEach(w -> stopped.add(w.folder().toString()));
        if (all) {
            engine.downRecorded(stopped);
        } else if (names == null || names.isEmpty()) {
            // Nothing of this checkout keeps running unsaid (an example's wiki, one started from another file).
            List<String> still = engine.ofThisCheckout().stream().filter(r -> !stopped.contains(r.folder()))
                    .map(r -> r.deployment() + " (port " + r.port() + ")").toList();
            if (!still.isEmpty()) {
                out.println("still running: " + String.join(", ", still) + "; 'mwconform wiki down --all' stops them too");
            }
        }
        return ExitCode.OK;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "One line each: up URL pid, or down; with --all, also the ports other checkouts hold.")
    int status(@Parameters(paramLabel = "NAME", arity = "0..*", description = "deployments or environment files") List<String> names,
               @Option(names = "--all", description = "every wiki of this checkout, and the ports other checkouts hold") boolean all) {
        LocalProvisioner provisioner = new LocalProvisioner(home, out);
        List<LocalWiki> wikis = select(names, all).stream().map(provisioner::wiki).toList();
        LocalWikis engine = new LocalWikis(home, out::println);
        engine.status(wikis).forEach(s -> out.println(s.line()));
        if (all) {
            Set<String> listed = new HashSet<>();
            wikis.forEach(w -> listed.add(w.folder().toString()));
            for (PortRecord r : engine.ofThisCheckout()) {
                if (!listed.contains(r.folder())) {
                    out.println(r.deployment() + " up http://127.0.0.1:" + r.port() + " pid " + r.pid() + " (" + r.environment() + ")");
                }
            }
            List<String> others = engine.otherCheckouts();
            out.println(others.isEmpty() ? "other checkouts: none holds a port" : "other checkouts hold:");
            others.forEach(line -> out.println("  " + line));
        }
        return ExitCode.OK;
    }

    @Command(name = "remote-copy", mixinStandardHelpOptions = true,
            description = {"Writes NAME's environment file as a remote one reached on 127.0.0.1:PORT (a proxy in front of its wiki, same",
                    "path to api.php), without local:, its expectations beside it, into --out; prints one JSON line: the copy, where the wiki listens now, the variables",
                    "its credentials name and its working folder (what the benchmark needs; it reads no YAML itself)."})
    int remoteCopy(@Parameters(paramLabel = "NAME", description = "a deployment or environment file") String name,
                   @Option(names = "--port", required = true, paramLabel = "PORT", description = "the port the copy's api names") int port,
                   @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder the copy goes in") Path out) {
        Deployment deployment = LocalProvisioner.asServed(new LocalDeployments(home).named(List.of(name)).get(0));
        if (port < 1 || port > 65535) {
            throw new org.mwconform.run.UsageException("wiki remote-copy: --port takes 1 to 65535, got " + port);
        }
        java.net.URI api = java.net.URI.create("http://127.0.0.1:" + port + deployment.api().getRawPath());
        Path copy = org.mwconform.deployments.RemoteCopy.write(deployment, api, out);
        com.fasterxml.jackson.databind.node.ObjectNode line = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        line.put("copy", copy.toAbsolutePath().toString());
        line.put("served", deployment.api().toString());
        line.set("credentials", org.mwconform.deployments.RemoteCopy.credentials(deployment));
        line.put("folder", new LocalProvisioner(home, this.out).wiki(deployment).folder().toString());
        this.out.println(line);
        return ExitCode.OK;
    }

    @Command(name = "logs", mixinStandardHelpOptions = true, description = "The end of each wiki's server.log (PHP's errors and requests).")
    int logs(@Parameters(paramLabel = "NAME", arity = "0..*", description = "deployments or environment files") List<String> names,
             @Option(names = "--all", description = "every wiki of this checkout, the examples' included") boolean all,
             @Option(names = "--lines", paramLabel = "N", defaultValue = "20", description = "lines per wiki (default ${DEFAULT-VALUE})") int lines) {
        LocalProvisioner provisioner = new LocalProvisioner(home, out);
        LocalWikis engine = new LocalWikis(home, out::println);
        select(names, all).stream().map(provisioner::wiki).forEach(w -> engine.logs(w, Math.max(1, lines)).forEach(out::println));
        return ExitCode.OK;
    }

    private List<Deployment> select(List<String> names, boolean all) {
        LocalDeployments deployments = new LocalDeployments(home);
        if (names != null && !names.isEmpty()) {
            if (all) {
                throw new org.mwconform.run.UsageException("wiki: name deployments or give --all, not both");
            }
            return deployments.named(names);
        }
        return all ? deployments.all() : deployments.own();
    }
}
