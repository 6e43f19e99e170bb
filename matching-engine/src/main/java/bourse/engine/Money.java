package bourse.engine;

/**
 * Exact integer arithmetic for notionals, fees and holds (docs/rulebook.md, "Units"). Overflow is
 * reported as {@link #TOO_LARGE}, never wrapped.
 */
final class Money
{
    static final long MAX_NOTIONAL = 1L << 62;
    static final long TOO_LARGE = -1;
    static final long PPM = 1_000_000;

    private Money()
    {
    }

    /** (price / tick) × (qty / lot) × quotePerTickLot, or TOO_LARGE when above 2^62. */
    static long notional(final long priceTicks, final long quantityLots, final long quotePerTickLot)
    {
        final long lotsTicksHigh = Math.multiplyHigh(priceTicks, quantityLots);
        final long lotsTicks = priceTicks * quantityLots;
        if (lotsTicksHigh != 0 || lotsTicks < 0)
        {
            return TOO_LARGE;
        }
        final long high = Math.multiplyHigh(lotsTicks, quotePerTickLot);
        final long notional = lotsTicks * quotePerTickLot;
        if (high != 0 || notional < 0 || notional > MAX_NOTIONAL)
        {
            return TOO_LARGE;
        }
        return notional;
    }

    /** floor(notional × ppm / 1e6) without overflow for notional ≤ 2^62 and ppm ≤ 1e6. */
    static long fee(final long notional, final int ppm)
    {
        return (notional / PPM) * ppm + ((notional % PPM) * ppm) / PPM;
    }

    /** ceil(notional × ppm / 1e6). */
    static long feeCeiling(final long notional, final int ppm)
    {
        final long floor = fee(notional, ppm);
        return ((notional % PPM) * ppm) % PPM == 0 ? floor : floor + 1;
    }
}
