package bourse.perf;

import bourse.engine.service.SmallMachineAeron;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Drives {@link RoundTrips} on the calling thread in one of two ways:
 * <ul>
 *     <li>{@link #measureLatency open loop}: request {@code i} is sent when it is due on an
 *     {@link OpenLoop} schedule, whatever has been answered, and its latency runs from that due time to
 *     the moment its answer arrives. Waiting for the next due time, the thread polls answers.</li>
 *     <li>{@link #measureThroughput pipelined}: requests are sent as fast as they go while fewer than
 *     a window of them are unanswered; the rate is requests answered per second.</li>
 * </ul>
 * The thread never spins: on a small machine a client that spins takes the CPU the media driver and
 * the server thread need (on a busy 2-core machine, spinning measured several times slower than
 * either of these, docs/benchmarks.md). Open loop it yields whenever it has nothing to do, so that a
 * request is sent on time; pipelined it backs off as the engine does, as a window in flight is
 * answered in well over a millisecond.
 * A run fails, rather than hanging, when nothing is answered for {@code stallTimeoutNs}.
 */
public final class RoundTripHarness
{
    public static final long DEFAULT_STALL_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final RoundTrips trips;
    private final long stallTimeoutNs;
    private final IdleStrategy openLoopIdleStrategy = new YieldingIdleStrategy();
    private final IdleStrategy pipelinedIdleStrategy = SmallMachineAeron.backoffIdleStrategy();
    private final RoundTrips.Answers onAnswer = this::onAnswer;
    private final IntSupplier pollAnswers = this::pollAnswers;
    private OpenLoop schedule;
    private RoundTripLatency latency;
    private long[] sentNs = new long[0];
    private long answered;
    private long lastProgressNs;

    public RoundTripHarness(final RoundTrips trips, final long stallTimeoutNs)
    {
        this.trips = trips;
        this.stallTimeoutNs = stallTimeoutNs;
    }

    /** Sends {@code requests} on {@code schedule}, adding each one's latency and its parts to {@code latency}. */
    public void measureLatency(final int requests, final OpenLoop schedule, final RoundTripLatency latency)
    {
        if (sentNs.length < requests)
        {
            sentNs = new long[requests];
        }
        startRun(schedule, latency);
        schedule.start();
        for (int i = 0; i < requests; i++)
        {
            schedule.awaitDue(i, pollAnswers, openLoopIdleStrategy);
            send(i);
            sentNs[i] = System.nanoTime();
        }
        awaitAnswered(requests);
    }

    /** Sends {@code requests} with at most {@code window} unanswered; returns requests answered per second. */
    public double measureThroughput(final long requests, final int window)
    {
        startRun(null, null);
        final long startNs = System.nanoTime();
        long sent = 0;
        pipelinedIdleStrategy.reset();
        while (answered < requests)
        {
            final long sentBefore = sent;
            while (sent < requests && sent - answered < window && trips.trySend(sent))
            {
                sent++;
            }
            pipelinedIdleStrategy.idle(pollAnswers() + (int)(sent - sentBefore));
        }
        return requests * 1e9 / (System.nanoTime() - startNs);
    }

    private void startRun(final OpenLoop schedule, final RoundTripLatency latency)
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
            openLoopIdleStrategy.idle(pollAnswers());
        }
    }

    private void awaitAnswered(final long requests)
    {
        while (answered < requests)
        {
            openLoopIdleStrategy.idle(pollAnswers());
        }
    }

    private int pollAnswers()
    {
        final int work = trips.poll(onAnswer);
        if (work == 0 && System.nanoTime() - lastProgressNs > stallTimeoutNs)
        {
            throw new IllegalStateException("nothing answered for " + TimeUnit.NANOSECONDS.toSeconds(stallTimeoutNs) +
                " s: " + answered + " requests answered so far in this run");
        }
        return work;
    }

    private void onAnswer(final long index, final long serverTakenUpNs, final long answeredNs)
    {
        if (latency != null)
        {
            final int request = (int)index;
            final long dueNs = schedule.dueNs(index);
            // The send is stamped after the transport took it, so an answer on another thread can precede the stamp.
            final long sentNs = Math.min(this.sentNs[request], answeredNs);
            latency.record(answeredNs - dueNs, sentNs - dueNs,
                // The server's stamp can precede the send by a little: it is read once per duty cycle, before the poll.
                Math.max(0, serverTakenUpNs - sentNs), Math.max(0, answeredNs - serverTakenUpNs));
        }
        answered++;
        lastProgressNs = System.nanoTime();
    }
}
