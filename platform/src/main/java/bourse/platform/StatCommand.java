package bourse.platform;

import bourse.engine.service.SmallMachineAeron;
import io.aeron.Aeron;
import io.aeron.CncFileDescriptor;
import org.agrona.concurrent.status.CountersReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code bourse stat}: the counters of a media driver and everything attached to it — the driver's own
 * (bytes sent, naks, errors...) and the engine service's (commands in, events out, rejects,
 * duplicates, back pressure, errors) — printed every interval, as Aeron's AeronStat does.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = "Prints the Aeron counters of a media driver (the engine's among them) every interval.")
final class StatCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "The media driver's directory (default: ${DEFAULT-VALUE}).")
    private String aeronDirectoryName = SmallMachineAeron.defaultAeronDirectoryName();

    @Option(names = "--interval-ms", paramLabel = "MS", defaultValue = "1000", description = "Between prints (default: ${DEFAULT-VALUE}).")
    private long intervalMs;

    @Option(names = "--filter", paramLabel = "REGEX", description = "Only counters whose label matches, e.g. 'Bourse'.")
    private Pattern filter;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after this many seconds; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    private long durationSeconds;

    @Override
    public Integer call() throws InterruptedException
    {
        if (intervalMs < 1 || durationSeconds < 0)
        {
            throw new ParameterException(spec.commandLine(), "--interval-ms must be positive and --duration not negative");
        }
        if (!new File(aeronDirectoryName, CncFileDescriptor.CNC_FILE).exists())
        {
            spec.commandLine().getErr().println("bourse stat: no media driver runs on " + aeronDirectoryName +
                " (start one with bourse media-driver, or give --aeron-dir)");
            return 2;
        }
        final PrintWriter out = spec.commandLine().getOut();
        final long deadlineNs = durationSeconds == 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
        try (UntilStopped untilStopped = new UntilStopped("bourse-stat");
            Aeron aeron = Aeron.connect(SmallMachineAeron.clientContext(aeronDirectoryName, SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS)))
        {
            final CountersReader counters = aeron.countersReader();
            do
            {
                out.println(Instant.now() + " - " + aeronDirectoryName);
                counters.forEach((value, counterId, label) ->
                {
                    if (filter == null || filter.matcher(label).find())
                    {
                        out.printf("%3d: %,20d - %s%n", counterId, value, label);
                    }
                });
                out.println("--");
                out.flush();
            }
            while (!untilStopped.await(intervalMs, TimeUnit.MILLISECONDS) && System.nanoTime() < deadlineNs);
        }
        return 0;
    }
}
