package bourse.platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command wait for Ctrl-C (or a duration) and still clean up before the JVM exits:
 * the shutdown hook wakes the waiting thread, then holds the JVM until {@link #close()} says the
 * command has finished, for at most a few seconds.
 */
final class UntilStopped implements AutoCloseable
{
    private static final long CLEAN_UP_WAIT_MS = 10_000;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread shutdownHook;

    UntilStopped(final String name)
    {
        shutdownHook = new Thread(this::stopAndWait, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Waits for Ctrl-C, or at most {@code durationSeconds} when that is positive. */
    void await(final long durationSeconds) throws InterruptedException
    {
        if (durationSeconds > 0)
        {
            stopRequested.await(durationSeconds, TimeUnit.SECONDS);
        }
        else
        {
            stopRequested.await();
        }
    }

    /** Waits at most {@code timeout}; true when Ctrl-C came. */
    boolean await(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return stopRequested.await(timeout, unit);
    }

    @Override
    public void close()
    {
        finished.countDown();
        try
        {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (final IllegalStateException ex)
        {
            // The JVM is already shutting down (Ctrl-C): the hook is running and returns at once.
        }
    }

    private void stopAndWait()
    {
        stopRequested.countDown();
        try
        {
            finished.await(CLEAN_UP_WAIT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
