package bourse.engine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The multiply-and-shift tick and lot arithmetic agrees with plain division everywhere it is used. */
class ExactDivisorProperties
{
    @Property(tries = 20_000)
    void shouldTellMultiplesExactlyAsTheRemainderDoes(@ForAll("divisors") final long divisor, @ForAll("dividends") final long dividend)
    {
        assertThat(new ExactDivisor(divisor).divides(dividend)).isEqualTo(dividend % divisor == 0);
    }

    @Property(tries = 20_000)
    void shouldDivideMultiplesExactly(@ForAll("divisors") final long divisor, @ForAll("dividends") final long seed)
    {
        final long multiple = (seed / divisor) * divisor;
        final ExactDivisor exact = new ExactDivisor(divisor);
        assertThat(exact.divides(multiple)).isTrue();
        assertThat(exact.quotient(multiple)).isEqualTo(multiple / divisor);
    }

    @Provide
    Arbitrary<Long> divisors()
    {
        return Arbitraries.oneOf(
            Arbitraries.longs().between(1, 1_000),
            Arbitraries.of(2L, 10L, 100L, 1_000_000L, 1L << 40, 3L << 20, 1_000_000_007L, Long.MAX_VALUE),
            Arbitraries.longs().between(1, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<Long> dividends()
    {
        return Arbitraries.oneOf(
            Arbitraries.longs().between(0, 10_000_000),
            Arbitraries.of(0L, 1L, Long.MAX_VALUE, Long.MAX_VALUE - 1, 1L << 62),
            Arbitraries.longs().between(0, Long.MAX_VALUE));
    }
}
