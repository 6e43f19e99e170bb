package bourse.engine.client;

import io.aeron.ChannelUri;
import io.aeron.CommonContext;

/**
 * The engine service's default channels and stream ids, and the channel a consumer subscribes with to
 * receive the event stream. Defaults only: every service and client takes its channels from
 * configuration.
 *
 * <p>Commands travel on UDP unicast to the engine. Events leave on multi-destination-cast with dynamic
 * control mode, because loopback has no multicast and every gateway, the account API and the market
 * data feed must receive all of them at once; {@code fc=min} makes the slowest consumer set the pace,
 * so the engine is back-pressured rather than any consumer losing events.
 *
 * <p>Both default to loopback, whose MTU is 64 KiB, so datagrams of 8 KiB rather than Aeron's 1,408
 * bytes (sized for Ethernet): a pipelined stream then costs the media driver a fifth of the send and
 * receive system calls, which is what limits it on a small machine (docs/benchmarks.md). Across a real
 * network, set {@code mtu} to what the path carries.
 */
public final class EngineChannels
{
    public static final String DEFAULT_COMMAND_CHANNEL = "aeron:udp?endpoint=localhost:40123|term-length=4m|mtu=8k";
    public static final int DEFAULT_COMMAND_STREAM_ID = 1001;
    public static final String DEFAULT_EVENT_CHANNEL =
        "aeron:udp?control=localhost:40124|control-mode=dynamic|fc=min|term-length=4m|mtu=8k";
    public static final int DEFAULT_EVENT_STREAM_ID = 1002;

    private EngineChannels()
    {
    }

    /**
     * The channel to subscribe with to what the engine publishes on {@code eventChannel}. For dynamic
     * multi-destination-cast the consumer needs its own endpoint (an ephemeral port on the control
     * address's host) and the publisher's control address; IPC and unicast channels are subscribed as
     * they are.
     */
    public static String eventSubscriptionChannel(final String eventChannel)
    {
        final ChannelUri uri = ChannelUri.parse(eventChannel);
        final String control = uri.get(CommonContext.MDC_CONTROL_PARAM_NAME);
        if (!uri.isUdp() || control == null ||
            !CommonContext.MDC_CONTROL_MODE_DYNAMIC.equals(uri.get(CommonContext.MDC_CONTROL_MODE_PARAM_NAME)))
        {
            return eventChannel;
        }
        final String host = control.substring(0, control.lastIndexOf(':'));
        return "aeron:udp?endpoint=" + host + ":0|control=" + control + "|control-mode=dynamic";
    }
}
