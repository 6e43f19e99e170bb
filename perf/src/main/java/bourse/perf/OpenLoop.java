package bourse.perf;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The schedule of an open-loop run: operation {@code i} is due at {@code start + i / rate} whatever
 * happened before it, and its latency is measured from that due time. An operation that is late because
 * earlier ones ran long, or because the machine stalled, is charged the wait, so stalls are never hidden
 * (no coordinated omission). Every latency harness of the perf module keeps its time by one of these.
 */
public final class OpenLoop
{
    /** Any latency above this is a broken run; the histogram clamps rather than failing mid-run. */
    public static final long HIGHEST_TRACKABLE_NS = TimeUnit.SECONDS.toNanos(60);
    /** Lead time so the first operation is not already late when the loop starts. */
    private static final long START_DELAY_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final IntSupplier NOTHING_TO_DO = () -> 0;
    private static final IdleStrategy SPIN = new BusySpinIdleStrategy();

    private final long ratePerSecond;
    private long startNs;

    /** A schedule of {@code ratePerSecond} operations per second; {@link #start()} sets its origin. */
    public OpenLoop(final long ratePerSecond)
    {
        if (ratePerSecond < 1 || ratePerSecond > 1_000_000_000L)
        {
            throw new IllegalArgumentException("offered rates must be in [1, 1e9] per second: " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
    }

    /** A histogram of nanoseconds up to {@link #HIGHEST_TRACKABLE_NS}, three significant digits. */
    public static Histogram newHistogram()
    {
        return new Histogram(HIGHEST_TRACKABLE_NS, 3);
    }

    /** Records {@code latencyNs}, clamped to what the histogram tracks. */
    public static void record(final Histogram histogram, final long latencyNs)
    {
        histogram.recordValue(Math.min(latencyNs, HIGHEST_TRACKABLE_NS));
    }

    public long ratePerSecond()
    {
        return ratePerSecond;
    }

    /** Starts the schedule: operation 0 is due shortly from now. */
    public void start()
    {
        startNs = System.nanoTime() + START_DELAY_NS;
    }

    /** When operation {@code index} (from 0) is due, in {@link System#nanoTime()} terms. */
    public long dueNs(final long index)
    {
        return startNs + index * 1_000_000_000L / ratePerSecond;
    }

    /** Spins until operation {@code index} is due; returns the time it was taken up (due or later). */
    public long awaitDue(final long index)
    {
        return awaitDue(index, NOTHING_TO_DO, SPIN);
    }

    /**
     * Until operation {@code index} is due, does {@code whileWaiting} (which returns the work it did,
     * as an Agrona duty cycle does) and idles by {@code idleStrategy} after each turn; returns the time
     * the operation was taken up (due or later). Idling must not sleep for long: the operation would be
     * late, and the lateness charged as latency.
     */
    public long awaitDue(final long index, final IntSupplier whileWaiting, final IdleStrategy idleStrategy)
    {
        final long dueNs = dueNs(index);
        long nowNs;
        while ((nowNs = System.nanoTime()) - dueNs < 0)
        {
            idleStrategy.idle(whileWaiting.getAsInt());
        }
        return nowNs;
    }
}
