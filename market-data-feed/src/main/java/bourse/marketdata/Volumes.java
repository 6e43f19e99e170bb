package bourse.marketdata;

/**
 * Volume arithmetic for statistics and candles. Sums of quantities and notionals saturate at
 * {@link Long#MAX_VALUE} instead of wrapping: an instrument with huge lots can trade more in a day
 * than a long holds, and a statistic pinned at its maximum is honest where a wrapped one lies.
 */
public final class Volumes
{
    private Volumes()
    {
    }

    /** {@code sum + amount} for non-negative operands, or {@link Long#MAX_VALUE} when that overflows. */
    public static long add(final long sum, final long amount)
    {
        final long result = sum + amount;
        return result < 0 ? Long.MAX_VALUE : result;
    }

    /**
     * A trade's notional in quote minor units: (price / tick) × (quantity / lot) × quotePerTickLot, as the
     * engine computes it; {@link Long#MAX_VALUE} when it does not fit, 0 when the quote per tick and lot is
     * unknown (0).
     */
    public static long notional(
        final long price, final long quantity, final long tickSize, final long lotSize, final long quotePerTickLot)
    {
        if (quotePerTickLot == 0)
        {
            return 0;
        }
        final long ticks = price / tickSize;
        final long lots = quantity / lotSize;
        final long ticksLots = ticks * lots;
        if (Math.multiplyHigh(ticks, lots) != 0 || ticksLots < 0)
        {
            return Long.MAX_VALUE;
        }
        final long notional = ticksLots * quotePerTickLot;
        if (Math.multiplyHigh(ticksLots, quotePerTickLot) != 0 || notional < 0)
        {
            return Long.MAX_VALUE;
        }
        return notional;
    }
}
