package bourse.gateway;

import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Decimal strings and the engine's integers, exactly, both ways. */
class DecimalsTest
{
    @ParameterizedTest
    @CsvSource({
        "6400050, 2, 6400050.00, 64000.50",
        "100000, 8, 100000.00000000, 0.00100000",
        "0, 2, 0, 0.00",
        "7, 0, 7, 7",
        "9223372036854775807, 18, 0, 9.223372036854775807",
        "-25, 3, 0, -0.025",
        "-6400050, 2, 0, -64000.50",
        "-9223372036854775808, 2, 0, -92233720368547758.08",
        "5, 20, 0, 0.00000000000000000005"})
    void shouldWriteExactlyTheScalesDecimals(final long units, final int scale, final String ignored, final String text)
    {
        assertThat(Decimals.format(units, scale)).isEqualTo(text);
    }

    @Test
    void shouldWriteWhatBigDecimalWritesForAnyUnitsAndScale()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++)
        {
            final long units = random.nextBoolean() ? random.nextLong() : random.nextLong(-1_000_000_000, 1_000_000_000);
            final int scale = random.nextInt(0, 20);
            assertThat(Decimals.format(units, scale)).as("%d at scale %d", units, scale)
                .isEqualTo(BigDecimal.valueOf(units, scale).toPlainString());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "64000.50, 2, 6400050",
        "64000.5, 2, 6400050",
        "64000, 2, 6400000",
        "0.001, 8, 100000",
        "0.00100000000, 8, 100000",
        "007.10, 2, 710",
        "9.223372036854775807, 18, 9223372036854775807"})
    void shouldReadAPositiveDecimalIntoUnits(final String text, final int scale, final long units)
    {
        assertThat(Decimals.parsePositive(text, scale, "price")).isEqualTo(units);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''| price: '' is not a decimal number such as 101.25",
        "1e3| price: '1e3' is not a decimal number such as 101.25",
        "1.| price: '1.' is not a decimal number such as 101.25",
        ".5| price: '.5' is not a decimal number such as 101.25",
        "+1| price: '+1' is not a decimal number such as 101.25",
        "1,000| price: '1,000' is not a decimal number such as 101.25",
        "' 1'| price: ' 1' is not a decimal number such as 101.25",
        "0| price: must be positive, not 0",
        "-0.01| price: must be positive, not -0.01",
        "1.001| price: at most 2 decimals, not 1.001",
        "92233720368547758.08| price: 92233720368547758.08 is too large",
        "123456789012345678901234567890123456789012| price: '1234567890123456789012345678901234567890...' is not a decimal number such as 101.25"})
    void shouldRefuseWhatIsNotAPositiveDecimalAtTheScale(final String text, final String description)
    {
        final RequestException refused = catchThrowableOfType(RequestException.class,
            () -> Decimals.parsePositive(text, 2, "price"));

        assertThat(refused.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(refused.status().getDescription()).isEqualTo(description);
    }

    @Test
    void shouldAverageToSixMoreDecimalsThanAPriceRoundingHalfEven()
    {
        // 1 at 100.00 and 2 at 100.01: 300.02 / 3 = 100.006666...
        final BigInteger notional = BigInteger.valueOf(10_000L * 1 + 10_001L * 2);

        assertThat(Decimals.averagePrice(notional, 3, 2)).isEqualTo("100.00666667");
        assertThat(Decimals.averagePrice(BigInteger.valueOf(10_000L * 4), 4, 2)).as("no needless zeros").isEqualTo("100.00");
        assertThat(Decimals.averagePrice(BigInteger.valueOf(3L * 5), 2, 0)).as("7.5: halves stay").isEqualTo("7.5");
    }
}
