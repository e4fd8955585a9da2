package org.mwconform.cli;

import org.mwconform.run.*;
import org.mwconform.deployments.ConfigurationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code mwconform run|report|diff|merge|history|allure|docs|mutate|wiki|new|completion|help}, parsed by picocli. Exit codes: 0 nothing unexpected,
 * 1 an unexpected result, 2 a usage or configuration error, 3 the reports could not be written. Bad input gets one clear line, never a stack trace.
 * A new subcommand is one {@code addSubcommand} line in {@link #commandLine}.
 */
@Command(name = "mwconform", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Conformance harness for the MediaWiki Action API's account creation.",
        footer = {"", "Exit codes: 0 nothing unexpected, 1 an unexpected result, 2 a usage or configuration error,",
                "3 the reports could not be written (a full disk, a quota, a read-only filesystem)."})
public final class Main implements Runnable {
    public static final int OK = ExitCode.OK;
    public static final int UNEXPECTED_RESULT = ExitCode.UNEXPECTED_RESULT;
    public static final int USAGE_ERROR = ExitCode.USAGE_ERROR;
    public static final int CANNOT_WRITE_REPORTS = ExitCode.CANNOT_WRITE_REPORTS;
    /**
     * Apache HttpClient reports, at INFO, that it resent a request whose connection closed unanswered; the scenarios
     * run in this JVM, so that would land on the user's console between the progress lines. Kept here: a logger
     * nobody references may be collected, and with it its level.
     */
    private static final java.util.logging.Logger HTTP_CLIENT_LOG = java.util.logging.Logger.getLogger("org.apache.http");

    public static void main(String[] args) {
        HTTP_CLIENT_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cli = commandLine(args.isEmpty() ? null : args.get(0), out, err);
        if (args.isEmpty()) {
            cli.usage(out);
            return OK;
        }
        return cli.execute(args.toArray(String[]::new));
    }

    /** The whole command line: every subcommand, its streams, and the one-line error handlers. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(null, out, err);
    }

    /**
     * The command line with every subcommand, or with only {@code only} when that names one: building a subcommand's
     * model costs picocli reflection over all its options, so a run does not pay for the seven it does not use.
     */
    static CommandLine commandLine(String only, PrintStream out, PrintStream err) {
        Path home = home();
        Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
        subcommands.put("run", () -> new RunCli(home, out));
        subcommands.put("report", () -> new ReportCommand(home, out));
        subcommands.put("diff", () -> new DiffCommand(out));
        subcommands.put("allure", () -> new AllureCommand(home, out));
        subcommands.put("docs", () -> new DocsCommand(home, out));
        subcommands.put("merge", () -> new MergeCommand(home, out));
        subcommands.put("history", () -> new HistoryCommand(home, out));
        subcommands.put("mutate", () -> new MutateCommand(home, out));
        subcommands.put("new", () -> new NewCommand(out));
        subcommands.put("wiki", () -> new WikiCommand(home, out));
        subcommands.put("completion", CompletionCommand::new);
        subcommands.put("help", CommandLine.HelpCommand::new);
        CommandLine cli = new CommandLine(new Main());
        boolean one = only != null && subcommands.containsKey(only) && !"help".equals(only) && !"completion".equals(only);
        subcommands.forEach((name, command) -> {
            if (!one || name.equals(only)) {
                cli.addSubcommand(command.get());
            }
        });
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, args) -> {
            String command = e.getCommandLine().getCommandName();
            err.println("mwconform: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ")
                    + "; see 'mwconform " + ("mwconform".equals(command) ? "" : command + " ") + "--help'");
            return USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException || e instanceof ConfigurationException || e instanceof org.mwconform.wikis.WikiException) {
                err.println("mwconform: " + e.getMessage());
                return USAGE_ERROR;
            }
            if (e instanceof ReportsUnwritableException || org.mwconform.files.CannotWriteException.in(e) != null) {
                // A full disk is a normal day: one line, its own exit code, never a stack trace.
                err.println("mwconform: " + (e instanceof ReportsUnwritableException ? e.getMessage()
                        : org.mwconform.files.CannotWriteException.in(e).getMessage()));
                return CANNOT_WRITE_REPORTS;
            }
            // A defect of the harness itself: still one line, and a failed run.
            err.println("mwconform: internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            if (System.getenv("MWCONFORM_DEBUG") != null) {
                e.printStackTrace(err);  // for the harness's developers
            }
            return UNEXPECTED_RESULT;
        });
        return cli;
    }

    @Override
    public void run() {
        // `mwconform` alone: the overview (handled in run()); reached only with options picocli already answered.
    }

    /** The project folder (features/, environments/), given by the launcher; else the working directory. */
    static Path home() {
        String home = System.getProperty("mwconform.home");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }
}
