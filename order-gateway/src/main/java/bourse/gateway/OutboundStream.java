package bourse.gateway;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import org.agrona.concurrent.NanoClock;

import java.util.ArrayDeque;

/**
 * The sending side of one server stream, with flow control: messages go out while the call
 * {@link ServerCallStreamObserver#isReady() is ready} and wait in a bounded buffer while it is not, to be
 * sent from the call's on-ready handler. Whoever offers never waits, so a slow reader holds up nothing but
 * its own stream. When the buffer is full the stream's {@link Overflow} policy decides what gives.
 * <p>
 * Thread safe: the gateway's agent offers, gRPC's threads drain; one lock orders them.
 */
final class OutboundStream<T>
{
    /** What happens to a message offered to a full buffer. */
    enum Overflow
    {
        /** The stream ends with RESOURCE_EXHAUSTED: for reports, which must never be lost silently. */
        FAIL,
        /**
         * The buffer is emptied and the message dropped too; {@code offer} says so by returning false, and
         * the producer starts the stream over (with a snapshot) when there is room again.
         */
        RESET,
        /** The last message waiting is replaced: for a ticker, where only the latest matters. */
        KEEP_LATEST
    }

    private final ServerCallStreamObserver<T> call;
    private final int capacity;
    private final Overflow overflow;
    private final NanoClock clock;
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private Runnable onEnd = () -> { };
    private boolean ended;
    private boolean completing;
    private volatile long lastSentNs;

    /**
     * Takes over the call's on-ready and on-cancel handlers: create it while the call is being set up.
     *
     * @param capacity messages that may wait; 1 or more.
     */
    OutboundStream(final ServerCallStreamObserver<T> call, final int capacity, final Overflow overflow, final NanoClock clock)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.call = call;
        this.capacity = capacity;
        this.overflow = overflow;
        this.clock = clock;
        this.lastSentNs = clock.nanoTime();
        call.setOnReadyHandler(this::drain);
        call.setOnCancelHandler(() -> endNow(null));
    }

    /** Runs once when the stream ends for any reason: cancelled, failed, completed or overflowed. */
    synchronized void onEnd(final Runnable onEnd)
    {
        this.onEnd = onEnd;
    }

    /**
     * Sends or buffers the message.
     *
     * @return false when it was not taken: the stream has ended, or the buffer was full (see {@link Overflow}).
     */
    boolean offer(final T message)
    {
        synchronized (this)
        {
            if (ended || completing)
            {
                return false;
            }
            if (buffer.size() < capacity)
            {
                buffer.addLast(message);
                drainLocked();
                return true;
            }
            if (overflow == Overflow.KEEP_LATEST)
            {
                buffer.pollLast();
                buffer.addLast(message);
                return true;
            }
            if (overflow == Overflow.RESET)
            {
                buffer.clear();
                return false;
            }
        }
        endNow(Status.RESOURCE_EXHAUSTED.withDescription(
            "the client read too slowly: " + capacity + " messages were waiting for it"));
        return false;
    }

    /** Whether a message offered now would go out or wait without overflowing. */
    synchronized boolean hasRoom()
    {
        return !ended && buffer.size() < capacity;
    }

    synchronized boolean isEnded()
    {
        return ended;
    }

    /** When a message last left (or the stream began), by the gateway's clock. */
    long lastSentNs()
    {
        return lastSentNs;
    }

    /** Ends the stream with an error status now; what waits is dropped. */
    void fail(final Status status)
    {
        endNow(status);
    }

    /** Ends the stream normally once what waits has been sent. */
    void complete()
    {
        Runnable ended = null;
        synchronized (this)
        {
            if (this.ended)
            {
                return;
            }
            completing = true;
            if (buffer.isEmpty())
            {
                ended = endLocked();
                call.onCompleted();
            }
        }
        if (ended != null)
        {
            ended.run();
        }
    }

    private void drain()
    {
        Runnable ended = null;
        synchronized (this)
        {
            if (this.ended)
            {
                return;
            }
            drainLocked();
            if (completing && buffer.isEmpty())
            {
                ended = endLocked();
                call.onCompleted();
            }
        }
        if (ended != null)
        {
            ended.run();
        }
    }

    private void drainLocked()
    {
        while (!buffer.isEmpty() && call.isReady())
        {
            call.onNext(buffer.pollFirst());
            lastSentNs = clock.nanoTime();
        }
    }

    /** Ends the stream at once, with {@code status} or, when the client cancelled, with nothing to send. */
    private void endNow(final Status status)
    {
        final Runnable ended;
        synchronized (this)
        {
            if (this.ended)
            {
                return;
            }
            buffer.clear();
            ended = endLocked();
            if (status != null)
            {
                call.onError(status.asRuntimeException());
            }
        }
        ended.run();
    }

    private Runnable endLocked()
    {
        this.ended = true;
        return onEnd;
    }
}
