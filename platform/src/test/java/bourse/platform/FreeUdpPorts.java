package bourse.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;

/** A UDP port on loopback that nothing uses right now, for channels the tests configure. */
final class FreeUdpPorts
{
    private FreeUdpPorts()
    {
    }

    static int next()
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
