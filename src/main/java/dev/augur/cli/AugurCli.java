package dev.augur.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The command line: a thin shell over the same services the desktop app uses. */
@Command(name = "augur", mixinStandardHelpOptions = true, version = "Augur 0.1.0",
        description = "Workbench for recommender-system analysts who enrich their data with LLMs.%n"
                + "With no command, opens the desktop app.",
        subcommands = {ImportCommand.class, StatsCommand.class, ShowCommand.class, EncodeCommand.class,
                SimilarCommand.class, VectorsCommand.class, AugmentCommand.class, EvaluateCommand.class, CtrCommand.class,
                RecommendCommand.class, SynthCommand.class, ReviewCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class AugurCli implements Runnable {

    /** Runs a command line and returns the process exit code (0 ok, 1 failed, 2 usage error). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new AugurCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("error: " + Failures.describe(ex));
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
