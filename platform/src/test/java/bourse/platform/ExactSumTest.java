package bourse.platform;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Sums of longs and of their products, exact far past where a long overflows. */
class ExactSumTest
{
    @Test
    void shouldAgreeWithBigIntegerOnRandomSumsOfProductsOfAnySign()
    {
        final SplittableRandom random = new SplittableRandom(17);
        final ExactSum sum = new ExactSum();
        BigInteger expected = BigInteger.ZERO;
        for (int i = 0; i < 100_000; i++)
        {
            // Prices and quantities of up to 2^48 ticks or lots: products far past a long, sums far inside 128 bits.
            final long a = random.nextLong(-(1L << 48), 1L << 48);
            final long b = random.nextLong(-(1L << 48), 1L << 48);
            switch (random.nextInt(3))
            {
                case 0 ->
                {
                    sum.add(a * b);
                    expected = expected.add(BigInteger.valueOf(a * b));
                }
                case 1 ->
                {
                    sum.addProduct(a, b);
                    expected = expected.add(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
                }
                default ->
                {
                    sum.subtractProduct(a, b);
                    expected = expected.subtract(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
                }
            }
            if (i % 9_973 == 0)
            {
                assertThat(sum.value()).isEqualTo(expected);
            }
        }
        assertThat(sum.value()).isEqualTo(expected);
    }

    @Test
    void shouldCarryIntoTheHighHalfAndBackAndPrintAsADecimal()
    {
        final ExactSum sum = new ExactSum();
        sum.add(Long.MAX_VALUE);
        sum.add(1);
        assertThat(sum.value()).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
        sum.add(-1);
        sum.add(-Long.MAX_VALUE);
        assertThat(sum.value()).isZero();

        sum.addProduct(6_403_050, 300_000);
        assertThat(sum.decimal(10)).isEqualTo(new BigDecimal("192.0915000000"));
        sum.clear();
        sum.subtractProduct(5, 3);
        assertThat(sum.decimal(1)).isEqualTo(new BigDecimal("-1.5"));
    }
}
