package bourse.engine;

/**
 * Division by one fixed positive divisor (a tick or lot size) for dividends it divides exactly, and
 * the test of whether it does, each with a shift and one multiplication instead of a 64-bit
 * division (tens of cycles, several of them per order). Write {@code d = 2^k × m} with {@code m}
 * odd: {@code x} is a multiple of {@code d} exactly when its low {@code k} bits are zero and
 * {@code (x >> k) × m⁻¹ mod 2^64 ≤ ⌊(2^64 − 1) / m⌋} (unsigned), and then that product is
 * {@code x / d} (Granlund and Montgomery, "Division by invariant integers using multiplication").
 */
final class ExactDivisor
{
    private final long divisor;
    private final int shift;
    private final long lowBitsMask;
    private final long oddInverse;
    private final long maxQuotient;

    ExactDivisor(final long divisor)
    {
        if (divisor <= 0)
        {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
        this.divisor = divisor;
        shift = Long.numberOfTrailingZeros(divisor);
        lowBitsMask = (1L << shift) - 1;
        final long odd = divisor >>> shift;
        // Newton's iteration doubles the correct low bits each step: 3 bits from odd × odd ≡ 1 (mod 8)
        // to 6, 12, 24, 48, 96.
        long inverse = odd;
        for (int i = 0; i < 5; i++)
        {
            inverse *= 2 - odd * inverse;
        }
        oddInverse = inverse;
        maxQuotient = Long.divideUnsigned(-1L, odd);
    }

    long divisor()
    {
        return divisor;
    }

    /** Whether {@code dividend} (not negative) is a multiple of the divisor. */
    boolean divides(final long dividend)
    {
        return (dividend & lowBitsMask) == 0 &&
            Long.compareUnsigned((dividend >>> shift) * oddInverse, maxQuotient) <= 0;
    }

    /** {@code dividend / divisor} for a dividend (not negative) that the divisor divides exactly. */
    long quotient(final long dividend)
    {
        return (dividend >>> shift) * oddInverse;
    }
}
