package bourse.perf.grpc;

import bourse.gateway.ApiKey;
import bourse.v1.OrdersGrpc;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The client side of every gRPC round trip of the benchmark, the gateway's and the ping-pong's alike:
 * plaintext HTTP/2 over loopback on grpc-java's Netty transport, with answers delivered on the
 * transport's own thread ({@code directExecutor}), as grpc-java's own benchmark clients do, so that the
 * client adds no thread hop of its own to either round trip.
 */
final class LoopbackChannels
{
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private LoopbackChannels()
    {
    }

    /** A channel (one HTTP/2 connection) to {@code port} on loopback. */
    static ManagedChannel open(final int port)
    {
        return NettyChannelBuilder.forAddress(InetAddress.getLoopbackAddress().getHostAddress(), port)
            .usePlaintext()
            .directExecutor()
            .build();
    }

    /** The gateway's Orders service on {@code channel}, presenting {@code key} on every call. */
    static OrdersGrpc.OrdersStub orders(final Channel channel, final ApiKey key)
    {
        final Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + key.key());
        return OrdersGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** Closes the channels, cancelling what is still in flight, and waits a little for them to go. */
    static void closeAll(final List<ManagedChannel> channels)
    {
        channels.forEach(ManagedChannel::shutdownNow);
        try
        {
            for (final ManagedChannel channel : channels)
            {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
