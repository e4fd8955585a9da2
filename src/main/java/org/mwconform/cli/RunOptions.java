package org.mwconform.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of {@code mwconform run}. */
public record RunOptions(List<Path> environments, String target, boolean targetWritable, String usernamePrefix,
                         String tags, Path reportsDir, int threads, String order, List<String> features, List<String> glue,
                         List<Path> classpath, Path project) {

    static final String USAGE = """
            usage: mwconform run [--env FILE]... [--target URL [--writable]] [--tags EXPR] [--threads N] [--reports DIR]
              --env FILE        an environment file (repeatable); default: every environments/*.yml
              --target URL      an api.php URL to test without an environment file (read-only unless --writable)
              --writable        with --target: the wiki is disposable, scenarios may create accounts on it
              --username-prefix with --target: prefix of the accounts created (default Mwconform)
              --tags EXPR       a Cucumber tag expression selecting scenarios
              --threads N       scenarios run in parallel per deployment (default 4)
              --order ORDER     lexical (default), reverse or random[:SEED]: results must not depend on it
              --reports DIR     where runs are written (default reports/); the run goes to DIR/latest
              --features DIR    a feature folder or file to run (repeatable); 'core' names the core contract, which
                                runs alone when no features are named (here, in an environment file or in mwconform.yml)
              --glue PKG        a glue package beside the core's org.mwconform.steps (repeatable)
              --classpath PATH  a folder or jar holding that glue's classes (repeatable)
              --project DIR     a folder holding mwconform.yml (default: the current folder, if it has one)""";

    public static RunOptions parse(List<String> args) {
        List<Path> environments = new ArrayList<>();
        String target = null;
        boolean writable = false;
        String prefix = null;
        String tags = null;
        Path reports = Path.of("reports");
        int threads = 4;
        String order = "lexical";
        List<String> features = new ArrayList<>();
        List<String> glue = new ArrayList<>();
        List<Path> classpath = new ArrayList<>();
        Path project = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--env" -> environments.add(Path.of(value(args, ++i, arg)));
                case "--target" -> target = value(args, ++i, arg);
                case "--writable" -> writable = true;
                case "--username-prefix" -> prefix = value(args, ++i, arg);
                case "--tags" -> tags = value(args, ++i, arg);
                case "--reports" -> reports = Path.of(value(args, ++i, arg));
                case "--threads" -> threads = threads(value(args, ++i, arg));
                case "--order" -> order = order(value(args, ++i, arg));
                case "--features" -> features.add(value(args, ++i, arg));
                case "--glue" -> glue.add(value(args, ++i, arg));
                case "--classpath" -> classpath.add(Path.of(value(args, ++i, arg)));
                case "--project" -> project = Path.of(value(args, ++i, arg));
                default -> throw new UsageException("unknown option '" + arg + "'; see 'mwconform help'");
            }
        }
        if (writable && target == null) {
            throw new UsageException("--writable goes with --target; an environment file says 'writable: true' itself");
        }
        return new RunOptions(List.copyOf(environments), target, writable, prefix, tags, reports, threads, order,
                List.copyOf(features), List.copyOf(glue), List.copyOf(classpath), project);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static String order(String value) {
        if (value.matches("lexical|reverse|random(:\\d+)?")) {
            return value;
        }
        throw new UsageException("--order takes lexical, reverse or random[:SEED], got '" + value + "'");
    }

    private static int threads(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 16) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the one-line message
        }
        throw new UsageException("--threads takes a whole number from 1 to 16, got '" + value + "'");
    }
}
