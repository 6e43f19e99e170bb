package bourse.perf;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * An epoch clock that is {@link System#nanoTime()} moved to the epoch once, at construction: the engine
 * stamps commands with it, and the benchmark, in the same process, turns the stamps on the events
 * back into {@code nanoTime} to split each round trip at the moment the engine took the command up.
 */
public final class NanoTimeEpochClock implements EpochNanoClock
{
    private final long offsetNs = new SystemEpochNanoClock().nanoTime() - System.nanoTime();

    @Override
    public long nanoTime()
    {
        return System.nanoTime() + offsetNs;
    }

    /** The {@link System#nanoTime()} value of a time this clock gave. */
    public long toNanoTime(final long epochNs)
    {
        return epochNs - offsetNs;
    }
}
