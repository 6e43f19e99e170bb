package bourse.perf;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits, outside any measurement, for something over Aeron: connections, set-up answers. */
public final class AeronWait
{
    private static final long PARK_NS = TimeUnit.MICROSECONDS.toNanos(100);

    private AeronWait()
    {
    }

    /** Does {@code step} until it says it is done, parking briefly between tries; fails after {@code timeoutNs}. */
    public static void until(final String what, final long timeoutNs, final BooleanSupplier step)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        while (!step.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("timed out after " + TimeUnit.NANOSECONDS.toSeconds(timeoutNs) +
                    " s waiting for " + what);
            }
            LockSupport.parkNanos(PARK_NS);
        }
    }
}
