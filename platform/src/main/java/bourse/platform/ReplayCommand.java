package bourse.platform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code bourse replay}: analysis of an engine's journals, offline or while the engine writes them. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Analyses an engine data directory (its input and output journals and snapshots).",
    subcommands = {ReplayVerifyCommand.class, ReplayTradesCommand.class, ReplayOrdersCommand.class, ReplayBookCommand.class, ReplayStatsCommand.class, ReplayCandlesCommand.class})
final class ReplayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of " + spec.subcommands().keySet());
    }
}
