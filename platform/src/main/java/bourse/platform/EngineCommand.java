package bourse.platform;

import bourse.engine.client.EngineChannels;
import bourse.engine.journal.RecoveryReport;
import bourse.engine.journal.SyncPolicy;
import bourse.engine.service.EngineCounters;
import bourse.engine.service.EngineService;
import bourse.platform.view.Decimals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bourse engine}: the matching engine service alone, taking commands and publishing events on
 * Aeron (docs/engine-service.md). Embeds a media driver unless {@code --aeron-dir} names the directory
 * of one already running ({@code bourse media-driver}). Runs until Ctrl-C, then prints its counters.
 */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the matching engine service alone, on Aeron.",
        "",
        "Commands in on the command channel, events out on the event channel",
        "(multi-destination-cast: any number of consumers). It prints the channels",
        "and the channel consumers subscribe with; Ctrl-C stops it and prints its",
        "counters.",
        ""})
final class EngineCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;


    @Mixin
    private EngineChannelOptions channels;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Journal every command and event and keep snapshots here, recovering from them on start " +
            "(input/, output/, snapshots/; check with 'bourse replay verify DIR'). Without it the state lives in memory only.")
    private Path dataDirectory;

    @Option(names = "--sync", paramLabel = "POLICY", defaultValue = "NONE",
        description = "How the journals reach the disk: NONE survives a crash of the process, PERIODIC and SYNC " +
            "also a power loss (docs/journal.md) (default: ${DEFAULT-VALUE}).")
    private SyncPolicy syncPolicy;

    @Option(names = "--snapshot-every", paramLabel = "COMMANDS", defaultValue = "1000000",
        description = "Write a snapshot every this many commands, 0 for never (default: ${DEFAULT-VALUE}).")
    private long snapshotEveryCommands;

    @Mixin
    private DurationOption duration;

    @Override
    public Integer call() throws InterruptedException
    {
        final long durationSeconds = duration.seconds(spec);
        final EngineService.Context context = new EngineService.Context()
            .aeronDirectoryName(channels.aeronDirectoryName)
            .embeddedMediaDriver(channels.aeronDirectoryName == null)
            .commandChannel(channels.commandChannel)
            .commandStreamId(channels.commandStreamId)
            .eventChannel(channels.eventChannel)
            .eventStreamId(channels.eventStreamId)
            .dataDirectory(dataDirectory)
            .syncPolicy(syncPolicy)
            .snapshotEveryCommands(snapshotEveryCommands);
        try
        {
            context.conclude();
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }

        final PrintWriter out = spec.commandLine().getOut();
        try (UntilStopped untilStopped = new UntilStopped("bourse-engine");
            EngineService service = EngineService.launch(context))
        {
            out.println("Bourse engine service running. Ctrl-C to stop.");
            out.println("  commands: " + context.commandChannel() + " stream " + context.commandStreamId());
            out.println("  events:   " + context.eventChannel() + " stream " + context.eventStreamId());
            out.println("  consumers subscribe with " + EngineChannels.eventSubscriptionChannel(context.eventChannel()));
            out.println("  aeron dir " + context.aeronDirectoryName() +
                (context.embeddedMediaDriver() ? " (embedded media driver)" : " (external media driver)"));
            final RecoveryReport recovery = service.recoveryReport();
            out.println(recovery == null ? "  no journal: the state lives in memory only (--data DIR keeps it)" :
                "  data dir  " + dataDirectory + ": recovered to sequence " + recovery.finalSequence() +
                (recovery.snapshotFile() == null ? "" : " from snapshot " + recovery.snapshotFile().getFileName()) +
                " and " + recovery.entriesReplayed() + " journaled commands in " + (recovery.elapsedNs() / 1_000_000) + " ms");
            out.flush();
            untilStopped.await(durationSeconds);
            printCounters(out, service.counters(), dataDirectory != null);
        }
        out.flush();
        return 0;
    }

    private static void printCounters(final PrintWriter out, final EngineCounters counters, final boolean journaled)
    {
        out.println("Engine stopped: " +
            Decimals.count(counters.commandsIn().get()) + " commands in, " +
            Decimals.count(counters.eventsOut().get()) + " events out, " +
            Decimals.count(counters.rejects().get()) + " rejected, " +
            Decimals.count(counters.duplicates().get()) + " duplicates, " +
            Decimals.count(counters.backPressure().get()) + " back-pressured offers, " +
            Decimals.count(counters.errors().get()) + " errors");
        if (journaled)
        {
            out.println("  journaled to sequence " + Decimals.count(counters.inputJournalPosition().get()) +
                ", last snapshot at sequence " + Decimals.count(counters.snapshotSequence().get()));
        }
    }
}
