package bourse.marketdata;

import bourse.engine.client.EngineChannels;
import io.aeron.ChannelUri;
import io.aeron.CommonContext;

/**
 * The feed's default channels and stream ids, and the channel a consumer subscribes with. Defaults
 * only: the feed and every client take their channels from configuration.
 *
 * <p>Both streams leave by multi-destination-cast with dynamic control mode, like the engine's events,
 * because loopback has no multicast and any number of consumers subscribe. The incremental stream uses
 * {@code fc=min}: the slowest connected consumer paces the feed, so no consumer loses a message to
 * another's speed (docs/market-data.md, "Back pressure"). The snapshot stream keeps Aeron's default,
 * {@code max}: a snapshot a slow consumer misses comes round again in the next cycle.
 */
public final class MarketDataChannels
{
    public static final String DEFAULT_INCREMENTAL_CHANNEL =
        "aeron:udp?control=localhost:40125|control-mode=dynamic|fc=min|term-length=4m";
    public static final int DEFAULT_INCREMENTAL_STREAM_ID = 2001;
    public static final String DEFAULT_SNAPSHOT_CHANNEL =
        "aeron:udp?control=localhost:40126|control-mode=dynamic|term-length=4m";
    public static final int DEFAULT_SNAPSHOT_STREAM_ID = 2002;

    private MarketDataChannels()
    {
    }

    /**
     * The channel to subscribe with to what the feed publishes on {@code channel}: for dynamic
     * multi-destination-cast as the feed names it (a control address, no endpoint), the consumer's own
     * endpoint on an ephemeral port registered with that control address; a channel that already names
     * an endpoint, and IPC and unicast channels, as they are. So a client may be configured with the
     * feed's channel, or with a subscription channel of its own (for example with {@code reliable=false}).
     */
    public static String subscriptionChannel(final String channel)
    {
        final ChannelUri uri = ChannelUri.parse(channel);
        if (uri.isUdp() && uri.get(CommonContext.ENDPOINT_PARAM_NAME) != null)
        {
            return channel;
        }
        return EngineChannels.eventSubscriptionChannel(channel);
    }
}
