package bourse.platform;

import bourse.marketdata.MarketDataChannels;
import bourse.marketdata.MarketDataStreams;
import picocli.CommandLine.Option;

/** The market-data feed's two streams, as {@code bourse feed}, {@code bourse md} and {@code bourse run} take them. */
final class MarketDataOptions
{
    @Option(names = "--incremental-channel", paramLabel = "URI",
        description = "Channel of the feed's incremental stream (default: ${DEFAULT-VALUE}).")
    String incrementalChannel = MarketDataChannels.DEFAULT_INCREMENTAL_CHANNEL;

    @Option(names = "--incremental-stream", paramLabel = "ID",
        description = "Stream id of the incremental stream (default: ${DEFAULT-VALUE}).")
    int incrementalStreamId = MarketDataChannels.DEFAULT_INCREMENTAL_STREAM_ID;

    @Option(names = "--snapshot-channel", paramLabel = "URI",
        description = "Channel of the feed's snapshot stream (default: ${DEFAULT-VALUE}).")
    String snapshotChannel = MarketDataChannels.DEFAULT_SNAPSHOT_CHANNEL;

    @Option(names = "--snapshot-stream", paramLabel = "ID",
        description = "Stream id of the snapshot stream (default: ${DEFAULT-VALUE}).")
    int snapshotStreamId = MarketDataChannels.DEFAULT_SNAPSHOT_STREAM_ID;

    /** The streams as one value for the feed and its clients; throws {@link IllegalArgumentException} if they are not valid. */
    MarketDataStreams streams()
    {
        return new MarketDataStreams()
            .incremental(incrementalChannel, incrementalStreamId)
            .snapshot(snapshotChannel, snapshotStreamId)
            .conclude();
    }
}
