package bourse.perf;

import io.aeron.ChannelUri;
import io.aeron.CommonContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;

/**
 * Moves a UDP channel's ports to ones free right now, so that the benchmark runs beside a venue on the
 * default ports, and so that its baseline gets channels of exactly the engine's shape on ports of its own.
 */
public final class LoopbackPorts
{
    private LoopbackPorts()
    {
    }

    /** {@code channel} with the port of its endpoint and of its control address, if any, each replaced by a free one; IPC as it is. */
    public static String withFreePorts(final String channel)
    {
        final ChannelUri uri = ChannelUri.parse(channel);
        if (!uri.isUdp())
        {
            return channel;
        }
        for (final String key : new String[] {CommonContext.ENDPOINT_PARAM_NAME, CommonContext.MDC_CONTROL_PARAM_NAME})
        {
            final String address = uri.get(key);
            if (address != null)
            {
                uri.put(key, address.substring(0, address.lastIndexOf(':') + 1) + freeUdpPort());
            }
        }
        return uri.toString();
    }

    private static int freeUdpPort()
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
