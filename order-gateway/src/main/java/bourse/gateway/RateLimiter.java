package bourse.gateway;

import org.agrona.concurrent.NanoClock;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per API key: {@code ratePerSecond} requests a second on average, up to {@code burst} at
 * once. Kept as the generic cell rate algorithm: per key, the time at which the bucket would be full again
 * (its "theoretical arrival time"), moved on by one interval per request; a request that would move it
 * more than the burst ahead of now is refused with the time to wait. Integer nanoseconds, lock free.
 */
final class RateLimiter
{
    /** What {@link #tryAcquire} returns when the request may go ahead. */
    static final long ALLOWED = 0;

    private final NanoClock clock;
    private final long intervalNs;
    private final long toleranceNs;
    private final ConcurrentHashMap<String, AtomicLong> fullAtNsByKey = new ConcurrentHashMap<>();

    RateLimiter(final NanoClock clock, final int ratePerSecond, final int burst)
    {
        if (ratePerSecond < 1 || burst < 1)
        {
            throw new IllegalArgumentException("rate and burst must be positive: " + ratePerSecond + "/s, " + burst);
        }
        this.clock = clock;
        this.intervalNs = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        this.toleranceNs = intervalNs * (burst - 1L);
    }

    /**
     * Takes a token of {@code key}'s bucket.
     *
     * @return {@link #ALLOWED}, or how many nanoseconds until a token is free again (at least 1).
     */
    long tryAcquire(final String key)
    {
        final AtomicLong fullAtNs = fullAtNsByKey.computeIfAbsent(key, k -> new AtomicLong(Long.MIN_VALUE));
        final long nowNs = clock.nanoTime();
        while (true)
        {
            final long previous = fullAtNs.get();
            final long start = previous == Long.MIN_VALUE || previous - nowNs < 0 ? nowNs : previous;
            final long aheadNs = start - nowNs;
            if (aheadNs > toleranceNs)
            {
                return Math.max(1, aheadNs - toleranceNs);
            }
            if (fullAtNs.compareAndSet(previous, start + intervalNs))
            {
                return ALLOWED;
            }
        }
    }
}
