package bourse.platform;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --duration}, as every command that runs until Ctrl-C takes it. */
final class DurationOption
{
    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after this many seconds; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    private long seconds;

    /** The duration in seconds, 0 for until Ctrl-C; a negative one is a usage error of {@code spec}'s command. */
    long seconds(final CommandSpec spec)
    {
        if (seconds < 0)
        {
            throw new ParameterException(spec.commandLine(), "--duration must not be negative: " + seconds);
        }
        return seconds;
    }
}
