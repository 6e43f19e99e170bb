package bourse.gateway;

import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine service's clock, with a gate: the engine reads its clock at the start of each duty cycle, so
 * while the gate is closed it takes no command, and commands sent meanwhile wait in the command stream
 * until the gate opens. How a test makes the engine slow without making it wrong.
 */
final class EngineGate implements EpochNanoClock
{
    private final AtomicLong nowNs = new AtomicLong(TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()));
    private volatile boolean closed;
    private volatile boolean holding;

    @Override
    public long nanoTime()
    {
        while (closed)
        {
            holding = true;
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        holding = false;
        return nowNs.incrementAndGet();
    }

    /** Returns once the engine is held at the start of a duty cycle. */
    void close()
    {
        closed = true;
        Venue.eventually("the engine to stop at the gate", () -> holding);
    }

    void open()
    {
        closed = false;
    }
}
