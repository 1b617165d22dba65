package dev.littlebrain.cli;

import dev.littlebrain.cli.commands.BenchCommand;
import dev.littlebrain.cli.commands.BlocksCommand;
import dev.littlebrain.cli.commands.ClassifyCommand;
import dev.littlebrain.cli.commands.DataCommand;
import dev.littlebrain.cli.commands.DemoCommand;
import dev.littlebrain.cli.commands.DeployCommand;
import dev.littlebrain.cli.commands.DspCommand;
import dev.littlebrain.cli.commands.EnsembleCommand;
import dev.littlebrain.cli.commands.FeaturesCommand;
import dev.littlebrain.cli.commands.InitCommand;
import dev.littlebrain.cli.commands.InspectCommand;
import dev.littlebrain.cli.commands.ListenCommand;
import dev.littlebrain.cli.commands.ProfileCommand;
import dev.littlebrain.cli.commands.QuantizeCommand;
import dev.littlebrain.cli.commands.RunCommand;
import dev.littlebrain.cli.commands.StudioCommand;
import dev.littlebrain.cli.commands.TestCommand;
import dev.littlebrain.cli.commands.TrainCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code littlebrain} command. Exit codes: 0 success, 2 bad usage, 1 a bad model, input or
 * other failure — reported as one line on stderr; {@code --debug} adds the stack trace.
 */
@Command(name = "littlebrain",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Offline TinyML toolchain: features, training, int8 models, a bit-exact TFLite Micro runtime, deployment.",
        subcommands = {DemoCommand.class, InspectCommand.class, RunCommand.class, DspCommand.class, DataCommand.class,
                FeaturesCommand.class, InitCommand.class, TrainCommand.class, EnsembleCommand.class, TestCommand.class,
                QuantizeCommand.class, DeployCommand.class, ProfileCommand.class, ClassifyCommand.class,
                ListenCommand.class, BenchCommand.class,
                BlocksCommand.class, StudioCommand.class,
                CommandLine.HelpCommand.class})
public final class LittleBrain {

    @Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LittleBrain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug") || hasDebug(parseResult);
            commandLine.getErr().println("error: " + UserMessages.describe(e));
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return e instanceof CommandLine.ParameterException ? 2 : 1;
        });
        return cli.execute(args);
    }

    private static boolean hasDebug(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
