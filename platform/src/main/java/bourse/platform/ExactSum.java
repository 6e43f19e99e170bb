package bourse.platform;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A running sum of longs and of products of two longs, kept exactly in 128 bits (two's complement), so
 * that volumes and notionals in ticks × lots add up without overflow and without a {@code BigDecimal}
 * per trade.
 */
final class ExactSum
{
    private long high;
    private long low;

    void add(final long value)
    {
        add(value >> 63, value);
    }

    void addProduct(final long a, final long b)
    {
        add(Math.multiplyHigh(a, b), a * b);
    }

    void subtractProduct(final long a, final long b)
    {
        // -(a × b) = (-a) × b, except for a = Long.MIN_VALUE, which no price or quantity is.
        addProduct(-a, b);
    }

    void clear()
    {
        high = 0;
        low = 0;
    }

    BigInteger value()
    {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    /** The sum as a decimal of this scale: the sum counts units of 10^-scale. */
    BigDecimal decimal(final int scale)
    {
        return new BigDecimal(value(), scale);
    }

    private void add(final long addHigh, final long addLow)
    {
        final long sumLow = low + addLow;
        high += addHigh + (Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0);
        low = sumLow;
    }
}
