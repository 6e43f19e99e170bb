package bourse.platform;

import bourse.engine.client.EngineChannels;
import bourse.marketdata.feed.FeedCounters;
import bourse.marketdata.feed.MarketDataFeed;
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
 * {@code bourse feed}: the market-data feed alone (docs/market-data.md), deriving books, trades,
 * tickers and candles from a running engine's events and publishing its incremental and snapshot
 * streams. Embeds a media driver unless {@code --aeron-dir} names one already running. Runs until
 * Ctrl-C, then prints its counters.
 */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the market-data feed alone, on Aeron.",
        "",
        "Subscribes to the engine's event stream and publishes incremental and",
        "cycling snapshot streams; bourse md and any MarketDataClient read them.",
        "With --engine-data (the engine's --data directory, on this machine) it",
        "derives the books of everything the engine did before it started from the",
        "engine's journal; without, start it before the engine publishes.",
        "Ctrl-C stops it and prints its counters.",
        ""})
final class FeedCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Use the media driver running on this directory (bourse media-driver) instead of embedding one.")
    private String aeronDirectoryName;

    @Option(names = "--event-channel", paramLabel = "URI",
        description = "Channel the engine publishes its events on (default: ${DEFAULT-VALUE}).")
    private String eventChannel = EngineChannels.DEFAULT_EVENT_CHANNEL;

    @Option(names = "--event-stream", paramLabel = "ID",
        description = "Stream id of the engine's events (default: ${DEFAULT-VALUE}).")
    private int eventStreamId = EngineChannels.DEFAULT_EVENT_STREAM_ID;

    @Option(names = "--engine-data", paramLabel = "DIR",
        description = "The engine's data directory: catch up from its output journal at start.")
    private Path engineData;

    @Mixin
    private MarketDataOptions marketData;

    @Mixin
    private DurationOption duration;

    @Override
    public Integer call() throws InterruptedException
    {
        final long durationSeconds = duration.seconds(spec);
        final MarketDataFeed.Context context;
        try
        {
            context = new MarketDataFeed.Context()
                .aeronDirectoryName(aeronDirectoryName)
                .embeddedMediaDriver(aeronDirectoryName == null)
                .eventChannel(eventChannel)
                .eventStreamId(eventStreamId)
                .streams(marketData.streams())
                .engineDataDirectory(engineData)
                .conclude();
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }

        final PrintWriter out = spec.commandLine().getOut();
        try (UntilStopped untilStopped = new UntilStopped("bourse-feed");
            MarketDataFeed feed = MarketDataFeed.launch(context))
        {
            out.println("Bourse market-data feed running. Ctrl-C to stop.");
            out.println("  engine events: " + context.eventChannel() + " stream " + context.eventStreamId());
            out.println("  incrementals:  " + context.streams().incrementalChannel() + " stream " +
                context.streams().incrementalStreamId());
            out.println("  snapshots:     " + context.streams().snapshotChannel() + " stream " +
                context.streams().snapshotStreamId());
            out.println("  aeron dir " + context.aeronDirectoryName() +
                (context.embeddedMediaDriver() ? " (embedded media driver)" : " (external media driver)"));
            out.flush();
            untilStopped.await(durationSeconds);
            printCounters(out, feed.counters());
        }
        out.flush();
        return 0;
    }

    private static void printCounters(final PrintWriter out, final FeedCounters counters)
    {
        out.println("Feed stopped: " +
            Decimals.count(counters.eventsIn().get()) + " engine events in, " +
            Decimals.count(counters.incrementalsOut().get()) + " incrementals and " +
            Decimals.count(counters.snapshotsOut().get()) + " snapshots out, " +
            Decimals.count(counters.backPressure().get()) + " back-pressured offers");
    }
}
