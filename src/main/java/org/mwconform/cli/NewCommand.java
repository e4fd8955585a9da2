package org.mwconform.cli;

import org.mwconform.scaffold.ExtensionProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mwconform new extension NAME}: a new extension project of its own, green on its first run. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Writes a new project: 'new extension NAME' makes NAME's repository with a test wiki that loads it,",
                "a feature, a step class, mwconform.yml and a pom; then mvn test-compile and mwconform run there."},
        footer = {"", "Example:", "  mwconform new extension NoBotNames && cd no-bot-names && mvn -B test-compile && mwconform run"})
final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "what to make: extension")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "the extension's name, UpperCamelCase (e.g. NoBotNames)")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to write it, relative to the working folder (default: NAME in kebab-case, e.g. no-bot-names)")
    Path dir;

    private final PrintStream out;

    NewCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (!"extension".equals(kind)) {
            throw new org.mwconform.run.UsageException("new: can make an 'extension', got '" + kind + "'; e.g. mwconform new extension NoBotNames");
        }
        ExtensionProject.Names names = ExtensionProject.Names.of(name);
        Path folder = Path.of("").toAbsolutePath().resolve(dir == null ? Path.of(names.kebab()) : dir).normalize();
        List<Path> files = ExtensionProject.write(names, folder);
        out.println("new extension " + names.name() + ": " + files.size() + " files in " + folder);
        files.forEach(f -> out.println("  " + f));
        out.println("next: cd " + folder + " && mvn -B test-compile && mwconform run");
        return Main.OK;
    }
}
