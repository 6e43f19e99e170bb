package bourse.gateway;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How the gateway's agent idles: while commands it sent wait for the engine's answer, it yields instead
 * of parking, so that the answer is read as soon as it arrives rather than when a park ends (at least
 * about 60 µs on Linux, whose timer slack is 50 µs, and up to a millisecond with the backoff strategy).
 * It yields for at most {@link #MAX_YIELD_NS} after its last work, so that an engine that does not answer
 * costs no more than that; otherwise, and when nothing is awaited, it idles as configured. Yielding gives
 * the CPU to any thread that wants it, the engine's included, so on a small machine it delays nobody.
 */
final class AwaitingEngineIdleStrategy implements IdleStrategy
{
    static final long MAX_YIELD_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long NOT_AWAITING = Long.MIN_VALUE;

    private final IdleStrategy idleStrategy;
    private final BooleanSupplier awaitsEngine;
    private final NanoClock clock;
    private long awaitingSinceNs = NOT_AWAITING;

    /**
     * @param idleStrategy how to idle otherwise: the configured strategy.
     * @param awaitsEngine whether commands wait for the engine's answer; asked on the agent thread.
     * @param clock        the gateway's clock, which bounds the yielding.
     */
    AwaitingEngineIdleStrategy(final IdleStrategy idleStrategy, final BooleanSupplier awaitsEngine, final NanoClock clock)
    {
        this.idleStrategy = idleStrategy;
        this.awaitsEngine = awaitsEngine;
        this.clock = clock;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            awaitingSinceNs = NOT_AWAITING;
            idleStrategy.idle(workCount);
            return;
        }
        if (awaitsEngine.getAsBoolean())
        {
            final long nowNs = clock.nanoTime();
            if (awaitingSinceNs == NOT_AWAITING)
            {
                awaitingSinceNs = nowNs;
            }
            if (nowNs - awaitingSinceNs < MAX_YIELD_NS)
            {
                Thread.yield();
                return;
            }
        }
        idleStrategy.idle(workCount);
    }

    @Override
    public void idle()
    {
        idleStrategy.idle();
    }

    @Override
    public void reset()
    {
        awaitingSinceNs = NOT_AWAITING;
        idleStrategy.reset();
    }

    @Override
    public String alias()
    {
        return "awaiting-engine-" + idleStrategy.alias();
    }
}
