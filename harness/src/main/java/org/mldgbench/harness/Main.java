package org.mldgbench.harness;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command line of MLDG Bench. With no arguments it runs the default leave-one-domain-out sweep on
 * the embedded synthetic dataset and prints the leaderboard.
 */
@Command(name = "mldg-bench", mixinStandardHelpOptions = true, version = "MLDG Bench 0.1.0",
        description = "Reproducible leave-one-domain-out benchmarks of MLDG, its successors and source-only training.",
        subcommands = {SweepCommand.class, CollectCommand.class, SlurmCommand.class, ListCommand.class,
                DatasetsCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command line; returns the exit code (0 success, 2 bad input, 1 failure). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        String[] effective = args.length == 0 ? new String[] {"sweep"} : args;
        var cli = new CommandLine(new Main());
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof java.io.UncheckedIOException io) {
                // A file we could not read or write (disk full, permissions): say which, no trace.
                err.println("error: " + io.getMessage() + ": " + io.getCause().getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(effective);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }
}
