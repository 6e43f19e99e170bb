package bourse.engine.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition in tests without spinning: checks, parks a millisecond, checks again, up to a deadline. */
final class Polling
{
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    private static final long PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private Polling()
    {
    }

    /** {@code step} does one round of work (typically a poll) and says whether the wait is over. */
    static void until(final String what, final BooleanSupplier step)
    {
        until(what, DEFAULT_TIMEOUT, step);
    }

    static void until(final String what, final Duration timeout, final BooleanSupplier step)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!step.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            LockSupport.parkNanos(PARK_NS);
        }
    }
}
