package bourse.perf.grpc;

import bourse.perf.RoundTrips;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * The answers of gRPC round trips, on their way from the threads gRPC delivers them on to the thread
 * that drives the round trips ({@link RoundTrips#poll}): each stamped with its time of arrival where it
 * arrived, so that how soon the driving thread looks does not count. A ring buffer of fixed records,
 * so that nothing is allocated per answer; a failure of a call travels the same way and fails the poll.
 */
final class AnswerQueue
{
    /** Far more than a run keeps unanswered: a producer only waits when the driving thread stopped polling. */
    private static final int CAPACITY_BYTES = 1 << 20;
    private static final int ANSWER = 1;
    private static final int INDEX_OFFSET = 0;
    private static final int TAKEN_UP_OFFSET = INDEX_OFFSET + Long.BYTES;
    private static final int ANSWERED_OFFSET = TAKEN_UP_OFFSET + Long.BYTES;
    private static final int LENGTH = ANSWERED_OFFSET + Long.BYTES;
    private static final int DRAIN_LIMIT = 1_024;

    private final ManyToOneRingBuffer answers = new ManyToOneRingBuffer(
        new UnsafeBuffer(ByteBuffer.allocateDirect(CAPACITY_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
    private final MessageHandler onAnswer = this::onAnswer;
    private RoundTrips.Answers handler;
    private volatile Throwable failure;

    /** Any thread: request {@code index} of the current run is answered; see {@link RoundTrips.Answers}. */
    void offer(final long index, final long serverTakenUpNs, final long answeredNs)
    {
        int claimed;
        while ((claimed = answers.tryClaim(ANSWER, LENGTH)) < 0)
        {
            Thread.yield();
        }
        final MutableDirectBuffer buffer = answers.buffer();
        buffer.putLong(claimed + INDEX_OFFSET, index);
        buffer.putLong(claimed + TAKEN_UP_OFFSET, serverTakenUpNs);
        buffer.putLong(claimed + ANSWERED_OFFSET, answeredNs);
        answers.commit(claimed);
    }

    /** Any thread: a call broke; the next {@link #drain} fails with it. The first failure is kept. */
    void fail(final Throwable cause)
    {
        if (failure == null)
        {
            failure = cause;
        }
    }

    /** The driving thread: hands what has arrived to {@code answers}; returns how many. */
    int drain(final RoundTrips.Answers answers)
    {
        final Throwable cause = failure;
        if (cause != null)
        {
            throw new IllegalStateException("a gRPC call of the benchmark failed: " + cause, cause);
        }
        handler = answers;
        return this.answers.read(onAnswer, DRAIN_LIMIT);
    }

    private void onAnswer(final int messageTypeId, final MutableDirectBuffer buffer, final int offset, final int length)
    {
        handler.onAnswer(buffer.getLong(offset + INDEX_OFFSET), buffer.getLong(offset + TAKEN_UP_OFFSET),
            buffer.getLong(offset + ANSWERED_OFFSET));
    }
}
