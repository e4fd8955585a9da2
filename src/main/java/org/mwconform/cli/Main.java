package org.mwconform.cli;

import org.mwconform.deployments.ConfigurationException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code mwconform run|diff|report|help}. Exit codes: 0 nothing unexpected, 1 an unexpected result,
 * 2 a usage or configuration error. Bad input gets one clear line, never a stack trace.
 */
public final class Main {
    public static final int OK = 0;
    public static final int UNEXPECTED_RESULT = 1;
    public static final int USAGE_ERROR = 2;

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            String command = args.isEmpty() ? "help" : args.get(0);
            return switch (command) {
                case "run" -> new RunCommand(home(), out).run(RunOptions.parse(args.subList(1, args.size())));
                case "diff" -> new DiffCommand(out).run(args.subList(1, args.size()));
                case "report" -> new ReportCommand(home(), out).run(args.subList(1, args.size()));
                case "help", "--help", "-h" -> {
                    out.println(RunOptions.USAGE);
                    out.println(DiffCommand.USAGE);
                    out.println(ReportCommand.USAGE);
                    yield OK;
                }
                default -> throw new UsageException("unknown command '" + command + "'; try 'mwconform run', 'mwconform diff OLD NEW', 'mwconform report MESSAGES.ndjson --env FILE' or 'mwconform help'");
            };
        } catch (UsageException | ConfigurationException e) {
            err.println("mwconform: " + e.getMessage());
            return USAGE_ERROR;
        } catch (RuntimeException e) {
            // A defect of the harness itself: still one line, and a failed run.
            err.println("mwconform: internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return UNEXPECTED_RESULT;
        }
    }

    /** The project folder (features/, environments/), given by the launcher; else the working directory. */
    static Path home() {
        String home = System.getProperty("mwconform.home");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }
}
