package bourse.marketdata;

import bourse.sbe.CandleInterval;

/**
 * One OHLCV candle: the trades whose engine timestamps fall in {@code [openTimeNs, openTimeNs + length)},
 * where {@code openTimeNs} is the trade time rounded down to a multiple of the interval's length (epoch
 * aligned). Intervals without trades have no candle. The feed updates it trade by trade; a client holds
 * the latest it received. Read it during a listener call; it changes in place afterwards.
 */
public final class Candle
{
    /** The intervals the feed keeps, in the order of their wire values. */
    public static final CandleInterval[] INTERVALS = {
        CandleInterval.ONE_SECOND, CandleInterval.ONE_MINUTE, CandleInterval.FIVE_MINUTES, CandleInterval.ONE_HOUR};

    private final CandleInterval interval;
    private final long lengthNs;
    private final Ohlcv ohlcv = new Ohlcv();
    private long openTimeNs;

    public Candle(final CandleInterval interval)
    {
        this.interval = interval;
        this.lengthNs = lengthNs(interval);
    }

    /** The length of an interval in nanoseconds. */
    public static long lengthNs(final CandleInterval interval)
    {
        return switch (interval)
        {
            case ONE_SECOND -> 1_000_000_000L;
            case ONE_MINUTE -> 60_000_000_000L;
            case FIVE_MINUTES -> 300_000_000_000L;
            case ONE_HOUR -> 3_600_000_000_000L;
            case NULL_VAL -> throw new IllegalArgumentException("no interval");
        };
    }

    /** Index of an interval in {@link #INTERVALS}. */
    public static int index(final CandleInterval interval)
    {
        return interval.value() - 1;
    }

    /**
     * Adds a trade: it starts a new candle when it falls in a later interval than the current one (a
     * trade stamped earlier than the current interval, which the engine's monotonic clock never does,
     * counts in the current one).
     */
    public void onTrade(final long timestampNs, final long price, final long quantity, final long notional)
    {
        final long start = Math.floorDiv(timestampNs, lengthNs) * lengthNs;
        if (!exists() || start > openTimeNs)
        {
            openTimeNs = start;
            ohlcv.reset();
        }
        ohlcv.addTrade(price, quantity, notional);
    }

    public CandleInterval interval()
    {
        return interval;
    }

    /** Whether a trade has made this candle: false until the first trade. */
    public boolean exists()
    {
        return ohlcv.tradeCount() > 0;
    }

    /** Start of the candle's interval, epoch nanoseconds. */
    public long openTimeNs()
    {
        return openTimeNs;
    }

    /** Sets the start of the interval, as received. */
    public void openTimeNs(final long openTimeNs)
    {
        this.openTimeNs = openTimeNs;
    }

    /** The candle's prices and volumes. */
    public Ohlcv ohlcv()
    {
        return ohlcv;
    }

    /** No candle: no trade yet. */
    public void reset()
    {
        openTimeNs = 0;
        ohlcv.reset();
    }

    @Override
    public String toString()
    {
        return interval + "@" + openTimeNs + " " + ohlcv;
    }
}
