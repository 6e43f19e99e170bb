package bourse.marketdata;

import io.aeron.ChannelUri;

import java.util.Objects;

/**
 * Where the feed's two streams go: the incremental stream's channel and stream id, and the snapshot
 * stream's. One value configures both the feed ({@code MarketDataFeed.Context.streams}) and its clients
 * ({@code MarketDataClient.Context.streams}), so that they agree. Defaults are
 * {@link MarketDataChannels}'; a client may name subscription channels of its own instead of the
 * feed's ({@link MarketDataChannels#subscriptionChannel}).
 */
public final class MarketDataStreams
{
    private String incrementalChannel = MarketDataChannels.DEFAULT_INCREMENTAL_CHANNEL;
    private int incrementalStreamId = MarketDataChannels.DEFAULT_INCREMENTAL_STREAM_ID;
    private String snapshotChannel = MarketDataChannels.DEFAULT_SNAPSHOT_CHANNEL;
    private int snapshotStreamId = MarketDataChannels.DEFAULT_SNAPSHOT_STREAM_ID;

    /** Checks the channels parse and the two streams differ; throws {@link IllegalArgumentException} if not. */
    public MarketDataStreams conclude()
    {
        ChannelUri.parse(Objects.requireNonNull(incrementalChannel, "incrementalChannel"));
        ChannelUri.parse(Objects.requireNonNull(snapshotChannel, "snapshotChannel"));
        if (incrementalChannel.equals(snapshotChannel) && incrementalStreamId == snapshotStreamId)
        {
            throw new IllegalArgumentException("incrementals and snapshots need different streams: both are " +
                incrementalChannel + " stream " + incrementalStreamId);
        }
        return this;
    }

    /** The incremental stream's channel and stream id. */
    public MarketDataStreams incremental(final String channel, final int streamId)
    {
        incrementalChannel = channel;
        incrementalStreamId = streamId;
        return this;
    }

    /** The snapshot stream's channel and stream id. */
    public MarketDataStreams snapshot(final String channel, final int streamId)
    {
        snapshotChannel = channel;
        snapshotStreamId = streamId;
        return this;
    }

    public String incrementalChannel()
    {
        return incrementalChannel;
    }

    public int incrementalStreamId()
    {
        return incrementalStreamId;
    }

    public String snapshotChannel()
    {
        return snapshotChannel;
    }

    public int snapshotStreamId()
    {
        return snapshotStreamId;
    }

    @Override
    public String toString()
    {
        return "incremental " + incrementalChannel + " stream " + incrementalStreamId + ", snapshot " + snapshotChannel +
            " stream " + snapshotStreamId;
    }
}
