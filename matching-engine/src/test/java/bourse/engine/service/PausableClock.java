package bourse.engine.service;

import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A hand-driven clock that can stop the engine: the engine reads its clock once at the start of every
 * duty cycle, so while the clock is paused the engine thread waits there and takes no command. Commands
 * sent meanwhile pile up in the command stream, and the next poll finds them all at once.
 */
final class PausableClock implements EpochNanoClock
{
    private static final long PARK_NS = TimeUnit.MICROSECONDS.toNanos(100);

    private final AtomicLong nowNs = new AtomicLong(1_700_000_000_000_000_000L);
    private volatile boolean paused;
    private volatile boolean waiting;

    @Override
    public long nanoTime()
    {
        while (paused)
        {
            waiting = true;
            LockSupport.parkNanos(PARK_NS);
        }
        waiting = false;
        return nowNs.incrementAndGet();
    }

    /** Returns once the engine waits at the start of a duty cycle. */
    void pause()
    {
        paused = true;
        Polling.until("the engine to pause", () -> waiting);
    }

    void resume()
    {
        paused = false;
    }
}
