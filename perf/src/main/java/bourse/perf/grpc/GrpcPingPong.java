package bourse.perf.grpc;

import io.grpc.CallOptions;
import io.grpc.Drainable;
import io.grpc.InsecureServerCredentials;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The raw transport the gateway's round trips are compared with: a grpc-java server whose one
 * bidirectional streaming method answers every message at once, on another ephemeral loopback port of
 * the same Netty transport, built as the gateway builds its server ({@code NettyServerBuilder},
 * plaintext, gRPC's default executor), with clients on channels like the gateway's clients
 * ({@link LoopbackChannels}). Messages are plain byte arrays, so no {@code .proto} is needed; a ping is
 * as long as the gateway's session request it stands for and names the length of its pong, the length
 * of the execution report that answers that request. What is left between the two round trips is the
 * gateway's own work and the engine's behind it.
 */
final class GrpcPingPong implements AutoCloseable
{
    private static final String SERVICE = "bourse.bench.PingPong";
    private static final int SEQUENCE_OFFSET = 0;
    private static final int PONG_LENGTH_OFFSET = SEQUENCE_OFFSET + Long.BYTES;
    private static final int TAKEN_UP_OFFSET = SEQUENCE_OFFSET + Long.BYTES;
    /** Neither a ping nor a pong can be shorter: a ping carries its sequence and its pong's length, a pong a time too. */
    static final int MIN_LENGTH = TAKEN_UP_OFFSET + Long.BYTES;
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new Bytes();
    private static final MethodDescriptor<byte[], byte[]> EXCHANGE = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Exchange"))
        .setRequestMarshaller(BYTES)
        .setResponseMarshaller(BYTES)
        .build();

    private final Server server;
    private final List<ManagedChannel> channels = new ArrayList<>();

    /** Starts the server and opens {@code channels} channels (HTTP/2 connections) to it. */
    GrpcPingPong(final int channels)
    {
        try
        {
            server = NettyServerBuilder
                .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), InsecureServerCredentials.create())
                .addService(ServerServiceDefinition.builder(SERVICE)
                    .addMethod(EXCHANGE, ServerCalls.asyncBidiStreamingCall(GrpcPingPong::ponger))
                    .build())
                .build()
                .start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start the ping-pong server on loopback", ex);
        }
        for (int i = 0; i < channels; i++)
        {
            this.channels.add(LoopbackChannels.open(server.getPort()));
        }
    }

    int port()
    {
        return server.getPort();
    }

    /**
     * Round trips on {@code streams} new streams, request {@code i} on stream {@code i mod streams} (stream
     * {@code s} on channel {@code (s / 2) mod channels}, as the gateway's maker and taker sessions of a
     * pair share one), each ping and pong as long as {@code sizes} says for a maker's or a taker's order.
     */
    Pings streams(final int streams, final MessageSizes sizes)
    {
        return new Pings(streams, sizes);
    }

    @Override
    public void close()
    {
        LoopbackChannels.closeAll(channels);
        server.shutdownNow();
        try
        {
            server.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's side of one stream: a pong of the length asked for, stamped with when the ping was taken up. */
    private static StreamObserver<byte[]> ponger(final StreamObserver<byte[]> pongs)
    {
        return new StreamObserver<>()
        {
            @Override
            public void onNext(final byte[] ping)
            {
                final long takenUpNs = System.nanoTime();
                final ByteBuffer request = ByteBuffer.wrap(ping);
                final byte[] pong = new byte[request.getInt(PONG_LENGTH_OFFSET)];
                ByteBuffer.wrap(pong).putLong(SEQUENCE_OFFSET, request.getLong(SEQUENCE_OFFSET)).putLong(TAKEN_UP_OFFSET, takenUpNs);
                pongs.onNext(pong);
            }

            @Override
            public void onError(final Throwable cause)
            {
            }

            @Override
            public void onCompleted()
            {
                pongs.onCompleted();
            }
        };
    }

    /** How long the messages of a maker's and of a taker's order are, serialized: requests and the reports answering them. */
    record MessageSizes(int makerRequest, int takerRequest, int makerResponse, int takerResponse)
    {
        MessageSizes
        {
            if (Math.min(Math.min(makerRequest, takerRequest), Math.min(makerResponse, takerResponse)) < MIN_LENGTH)
            {
                throw new IllegalArgumentException("pings and pongs need at least " + MIN_LENGTH + " bytes: " + this);
            }
        }
    }

    /** Pings on some streams of the ping-pong server; answers arrive on the transport's threads. */
    final class Pings extends StreamRoundTrips<byte[]>
    {
        private final MessageSizes sizes;
        private final List<Pongs> streams = new ArrayList<>();
        private long lastSequenceSent;
        private volatile long runFirstSequence = 1;

        private Pings(final int streams, final MessageSizes sizes)
        {
            this.sizes = sizes;
            for (int stream = 0; stream < streams; stream++)
            {
                final Pongs pongs = new Pongs();
                ClientCalls.asyncBidiStreamingCall(channels.get(stream / 2 % channels.size()).newCall(EXCHANGE, CallOptions.DEFAULT), pongs);
                this.streams.add(pongs);
            }
        }

        @Override
        public void startRun()
        {
            runFirstSequence = lastSequenceSent + 1;
        }

        @Override
        public boolean trySend(final long index)
        {
            final ClientCallStreamObserver<byte[]> stream = streams.get((int)(index % streams.size())).requests;
            if (!stream.isReady())
            {
                return false;
            }
            final boolean maker = OrderFlow.isMaker(index);
            final byte[] ping = new byte[maker ? sizes.makerRequest() : sizes.takerRequest()];
            final long sequence = runFirstSequence + index;
            ByteBuffer.wrap(ping).putLong(SEQUENCE_OFFSET, sequence)
                .putInt(PONG_LENGTH_OFFSET, maker ? sizes.makerResponse() : sizes.takerResponse());
            stream.onNext(ping);
            lastSequenceSent = sequence;
            return true;
        }

        /** One stream's pongs, on the transport's thread. */
        private final class Pongs extends Receiver<byte[]>
        {
            @Override
            public void onNext(final byte[] pong)
            {
                final long arrivedNs = System.nanoTime();
                final ByteBuffer response = ByteBuffer.wrap(pong);
                answers.offer(response.getLong(SEQUENCE_OFFSET) - runFirstSequence, response.getLong(TAKEN_UP_OFFSET), arrivedNs);
            }
        }
    }

    /** Byte arrays as they are, streamed the way protobuf messages are: with a known length, drained in one write. */
    private static final class Bytes implements MethodDescriptor.Marshaller<byte[]>
    {
        @Override
        public InputStream stream(final byte[] value)
        {
            return new BytesStream(value);
        }

        @Override
        public byte[] parse(final InputStream stream)
        {
            try
            {
                return stream.readAllBytes();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private static final class BytesStream extends ByteArrayInputStream implements KnownLength, Drainable
    {
        BytesStream(final byte[] bytes)
        {
            super(bytes);
        }

        @Override
        public synchronized int drainTo(final OutputStream target) throws IOException
        {
            final int length = count - pos;
            target.write(buf, pos, length);
            pos = count;
            return length;
        }
    }
}
