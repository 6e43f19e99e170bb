package bourse.perf.grpc;

import bourse.perf.RoundTrips;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import java.util.ArrayList;
import java.util.List;

/**
 * Round trips on long-lived gRPC streams, whose answers arrive on the transport's threads: what the
 * gateway's session streams and the ping-pong's streams share. Each stream's {@link Receiver} hands what
 * it recognises as an answer to the {@link AnswerQueue} that {@link #poll} drains; a stream that fails, or
 * that the server ends before {@link #close()}, fails the next poll.
 *
 * @param <ReqT> what the streams send.
 */
abstract class StreamRoundTrips<ReqT> implements RoundTrips, AutoCloseable
{
    final AnswerQueue answers = new AnswerQueue();
    private final List<ClientCallStreamObserver<ReqT>> streams = new ArrayList<>();
    private volatile boolean closing;

    @Override
    public final int poll(final Answers answers)
    {
        return this.answers.drain(answers);
    }

    /** Closes the request side of every stream: the server ends them. */
    @Override
    public final void close()
    {
        closing = true;
        streams.forEach(ClientCallStreamObserver::onCompleted);
    }

    /**
     * One stream: its requests going out, and its responses coming back on the transport's thread.
     *
     * @param <RespT> what the stream receives.
     */
    abstract class Receiver<RespT> implements ClientResponseObserver<ReqT, RespT>
    {
        /** Where requests go; whether it {@link ClientCallStreamObserver#isReady is ready} for one is flow control. */
        ClientCallStreamObserver<ReqT> requests;

        @Override
        public final void beforeStart(final ClientCallStreamObserver<ReqT> requests)
        {
            this.requests = requests;
            streams.add(requests);
        }

        @Override
        public final void onError(final Throwable cause)
        {
            answers.fail(cause);
        }

        @Override
        public final void onCompleted()
        {
            if (!closing)
            {
                answers.fail(new IllegalStateException("the server ended a stream before the benchmark closed it"));
            }
        }
    }
}
