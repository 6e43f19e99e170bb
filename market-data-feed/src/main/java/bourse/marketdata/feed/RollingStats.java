package bourse.marketdata.feed;

import bourse.marketdata.Ohlcv;
import bourse.marketdata.Ticker;

import java.util.Arrays;

/**
 * Rolling 24-hour statistics over trade time, in one-minute buckets: the window is the current minute
 * (of the latest time seen) and the 1,439 before it. A trade updates its bucket and the totals in O(1);
 * when the window moves past a bucket that held trades, the totals are summed again from the 1,440
 * buckets, at most once per minute. Nothing is allocated after construction.
 */
final class RollingStats
{
    static final long MINUTE_NS = 60_000_000_000L;
    static final int WINDOW_MINUTES = 1_440;
    private static final long NO_MINUTE = Long.MIN_VALUE;

    private final long[] bucketMinute = new long[WINDOW_MINUTES];
    private final Ohlcv[] buckets = new Ohlcv[WINDOW_MINUTES];
    private final Ohlcv totals = new Ohlcv();
    private long currentMinute = NO_MINUTE;

    RollingStats()
    {
        Arrays.fill(bucketMinute, NO_MINUTE);
        Arrays.setAll(buckets, i -> new Ohlcv());
    }

    /** Adds a trade stamped {@code timestampNs}, moving the window to it first. */
    void onTrade(final long timestampNs, final long price, final long quantity, final long notional)
    {
        advanceTo(timestampNs);
        // A trade stamped before the window (a feed clock ahead of the engine's) counts in its oldest minute.
        final long minute = Math.max(Math.floorDiv(timestampNs, MINUTE_NS), currentMinute - WINDOW_MINUTES + 1);
        final int bucket = Math.floorMod(minute, WINDOW_MINUTES);
        if (bucketMinute[bucket] != minute)
        {
            bucketMinute[bucket] = minute;
            buckets[bucket].reset();
        }
        buckets[bucket].addTrade(price, quantity, notional);
        totals.addTrade(price, quantity, notional);
    }

    /**
     * Moves the window so that it ends in the minute of {@code timeNs} (never backwards); returns true
     * when trades left the window, so that the statistics changed.
     */
    boolean advanceTo(final long timeNs)
    {
        final long minute = Math.floorDiv(timeNs, MINUTE_NS);
        if (minute <= currentMinute)
        {
            return false;
        }
        final long previous = currentMinute;
        currentMinute = minute;
        if (totals.tradeCount() == 0 || previous == NO_MINUTE)
        {
            return false;
        }
        boolean expired = false;
        if (minute - previous >= WINDOW_MINUTES)
        {
            Arrays.fill(bucketMinute, NO_MINUTE);
            expired = true;
        }
        else
        {
            final long firstKept = minute - WINDOW_MINUTES + 1;
            for (long gone = previous - WINDOW_MINUTES + 1; gone < firstKept; gone++)
            {
                final int bucket = Math.floorMod(gone, WINDOW_MINUTES);
                if (bucketMinute[bucket] == gone)
                {
                    bucketMinute[bucket] = NO_MINUTE;
                    expired = true;
                }
            }
        }
        if (expired)
        {
            totals.reset();
            for (long kept = currentMinute - WINDOW_MINUTES + 1; kept <= currentMinute; kept++)
            {
                final int bucket = Math.floorMod(kept, WINDOW_MINUTES);
                if (bucketMinute[bucket] == kept)
                {
                    totals.addAll(buckets[bucket]);
                }
            }
        }
        return expired;
    }

    /** Writes the window's statistics into {@code ticker}. */
    void writeTo(final Ticker ticker)
    {
        ticker.windowStartNs(currentMinute == NO_MINUTE ? 0 : (currentMinute - WINDOW_MINUTES + 1) * MINUTE_NS);
        ticker.window().copyFrom(totals);
    }
}
