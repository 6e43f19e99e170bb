package bourse.engine.reference;

import java.math.BigInteger;

/**
 * The rulebook's money arithmetic ("Units") done in {@link BigInteger}, so that nothing can overflow and
 * every formula reads as it is written there.
 */
final class Amounts
{
    static final BigInteger MAX_NOTIONAL = BigInteger.ONE.shiftLeft(62);
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
    private static final BigInteger BASIS_POINTS = BigInteger.valueOf(10_000);

    private Amounts()
    {
    }

    /**
     * {@code (price / tickSize) × (qty / lotSize) × quotePerTickLot}; a price off tick (a band edge) rounds
     * down to the tick below.
     */
    static BigInteger notional(final Instrument instrument, final BigInteger price, final long quantity)
    {
        return price.divide(BigInteger.valueOf(instrument.tickSize))
            .multiply(BigInteger.valueOf(quantity / instrument.lotSize))
            .multiply(BigInteger.valueOf(instrument.quotePerTickLot));
    }

    static BigInteger notional(final Instrument instrument, final long price, final long quantity)
    {
        return notional(instrument, BigInteger.valueOf(price), quantity);
    }

    /** {@code floor(N × ppm / 1 000 000)}. */
    static long fee(final long notional, final int ppm)
    {
        return BigInteger.valueOf(notional).multiply(BigInteger.valueOf(ppm)).divide(MILLION).longValueExact();
    }

    /** {@code notional + ceil(notional × max(maker, taker) / 1 000 000)}. */
    static BigInteger buyHold(final Instrument instrument, final BigInteger price, final long quantity)
    {
        final BigInteger notional = notional(instrument, price, quantity);
        final int ppm = Math.max(instrument.makerFeePpm, instrument.takerFeePpm);
        final BigInteger[] feeAndRest = notional.multiply(BigInteger.valueOf(ppm)).divideAndRemainder(MILLION);
        final BigInteger holdFee = feeAndRest[1].signum() == 0 ? feeAndRest[0] : feeAndRest[0].add(BigInteger.ONE);
        return notional.add(holdFee);
    }

    static BigInteger buyHold(final Instrument instrument, final long price, final long quantity)
    {
        return buyHold(instrument, BigInteger.valueOf(price), quantity);
    }

    static boolean tooLarge(final BigInteger amount)
    {
        return amount.compareTo(MAX_NOTIONAL) > 0;
    }

    /** {@code floor(ref × priceBandBps / 10 000)}. */
    static BigInteger bandWidth(final long reference, final int priceBandBps)
    {
        return BigInteger.valueOf(reference).multiply(BigInteger.valueOf(priceBandBps)).divide(BASIS_POINTS);
    }

    /**
     * {@code tickSize × lotSize × 10^quoteScale / 10^(priceScale + baseScale)} when that is an exact integer,
     * else null.
     */
    static BigInteger quotePerTickLot(
        final long tickSize, final long lotSize, final int quoteScale, final int priceScale, final int baseScale)
    {
        final BigInteger[] quotientAndRemainder = BigInteger.valueOf(tickSize)
            .multiply(BigInteger.valueOf(lotSize))
            .multiply(BigInteger.TEN.pow(quoteScale))
            .divideAndRemainder(BigInteger.TEN.pow(priceScale + baseScale));
        return quotientAndRemainder[1].signum() == 0 ? quotientAndRemainder[0] : null;
    }
}
