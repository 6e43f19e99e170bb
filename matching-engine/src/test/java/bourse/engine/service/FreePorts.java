package bourse.engine.service;

import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;

/** Ports nobody uses right now, so tests running beside other processes on this machine do not collide. */
final class FreePorts
{
    private FreePorts()
    {
    }

    static int udp()
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("localhost")))
        {
            return socket.getLocalPort();
        }
        catch (final SocketException | UnknownHostException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
