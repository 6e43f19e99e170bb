package bourse.perf;

import bourse.engine.service.SmallMachineAeron;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/** How the engine thread (and a ping-pong's server thread standing for it) waits for work in a round-trip benchmark. */
public enum EngineIdle
{
    /**
     * As every Bourse service runs on a small machine ({@link SmallMachineAeron#backoffIdleStrategy()}):
     * spins, yields, then parks from 1 µs doubling to 1 ms. A command that finds the thread parked waits
     * for the park to end: on Linux at least about 60 µs (the timer slack).
     */
    BACKOFF,
    /**
     * Yields whenever idle and never parks: a thread always ready to run, which costs a core; for a
     * machine with one to spare, and to show what the park costs.
     */
    YIELDING;

    public IdleStrategy newIdleStrategy()
    {
        return this == BACKOFF ? SmallMachineAeron.backoffIdleStrategy() : new YieldingIdleStrategy();
    }
}
