package bourse.perf.aeron;

import bourse.perf.OpenLoop;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;

/**
 * Drives {@link RoundTrips} on the calling thread in one of two ways:
 * <ul>
 *     <li>{@link #measureLatency open loop}: request {@code i} is sent when it is due on an
 *     {@link OpenLoop} schedule, whatever has been answered, and its latency runs from that due time to
 *     the moment its answer is polled. Waiting for the next due time, the thread polls answers.</li>
 *     <li>{@link #measureThroughput pipelined}: requests are sent as fast as they go while fewer than
 *     a window of them are unanswered; the rate is requests answered per second. When it can neither
 *     send nor take an answer, the thread idles by {@code idleStrategy} rather than spin: on a small
 *     machine a spinning client takes the core the media driver and the server need.</li>
 * </ul>
 * A run fails, rather than hanging, when nothing is answered for {@code stallTimeoutNs}.
 */
final class RoundTripHarness
{
    static final long DEFAULT_STALL_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final RoundTrips trips;
    private final long stallTimeoutNs;
    private final IdleStrategy idleStrategy;
    private final LongConsumer onAnswered = this::onAnswered;
    private final IntSupplier pollAnswers = this::pollAnswers;
    private OpenLoop schedule;
    private Histogram latency;
    private long answered;
    private long lastProgressNs;

    RoundTripHarness(final RoundTrips trips, final long stallTimeoutNs, final IdleStrategy idleStrategy)
    {
        this.trips = trips;
        this.stallTimeoutNs = stallTimeoutNs;
        this.idleStrategy = idleStrategy;
    }

    /** Sends {@code requests} on {@code schedule}, recording each one's latency from its due time into {@code latency}. */
    void measureLatency(final long requests, final OpenLoop schedule, final Histogram latency)
    {
        startRun(schedule, latency);
        schedule.start();
        for (long i = 0; i < requests; i++)
        {
            schedule.awaitDue(i, pollAnswers);
            send(i);
        }
        awaitAnswered(requests);
    }

    /** Sends {@code requests} with at most {@code window} unanswered; returns requests answered per second. */
    double measureThroughput(final long requests, final int window)
    {
        startRun(null, null);
        final long startNs = System.nanoTime();
        long sent = 0;
        idleStrategy.reset();
        while (answered < requests)
        {
            final long sentBefore = sent;
            while (sent < requests && sent - answered < window && trips.trySend(sent))
            {
                sent++;
            }
            idleStrategy.idle(pollAnswers() + (int)(sent - sentBefore));
        }
        return requests * 1e9 / (System.nanoTime() - startNs);
    }

    private void startRun(final OpenLoop schedule, final Histogram latency)
    {
        this.schedule = schedule;
        this.latency = latency;
        answered = 0;
        lastProgressNs = System.nanoTime();
        trips.startRun();
    }

    private void send(final long index)
    {
        while (!trips.trySend(index))
        {
            if (pollAnswers() == 0)
            {
                Thread.onSpinWait();
            }
        }
    }

    private void awaitAnswered(final long requests)
    {
        while (answered < requests)
        {
            if (pollAnswers() == 0)
            {
                Thread.onSpinWait();
            }
        }
    }

    private int pollAnswers()
    {
        final int work = trips.poll(onAnswered);
        if (work == 0 && System.nanoTime() - lastProgressNs > stallTimeoutNs)
        {
            throw new IllegalStateException("nothing answered for " + TimeUnit.NANOSECONDS.toSeconds(stallTimeoutNs) +
                " s: " + answered + " requests answered so far in this run");
        }
        return work;
    }

    private void onAnswered(final long index)
    {
        final long nowNs = System.nanoTime();
        if (latency != null)
        {
            OpenLoop.record(latency, nowNs - schedule.dueNs(index));
        }
        answered++;
        lastProgressNs = nowNs;
    }
}
