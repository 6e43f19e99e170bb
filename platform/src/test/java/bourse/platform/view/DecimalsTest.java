package bourse.platform.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalsTest
{
    @Test
    void shouldWritePricesWithThousandsSeparatorsAndEveryDecimal()
    {
        assertThat(Decimals.format(6_401_250, 2)).isEqualTo("64,012.50");
        assertThat(Decimals.format(320_005, 2)).isEqualTo("3,200.05");
        assertThat(Decimals.format(100, 2)).isEqualTo("1.00");
        assertThat(Decimals.format(5, 2)).isEqualTo("0.05");
        assertThat(Decimals.format(0, 2)).isEqualTo("0.00");
        assertThat(Decimals.format(100_000, 8)).isEqualTo("0.00100000");
    }

    @Test
    void shouldWriteNegativeAmountsAndTheExtremes()
    {
        assertThat(Decimals.format(-123_456, 2)).isEqualTo("-1,234.56");
        assertThat(Decimals.format(-5, 3)).isEqualTo("-0.005");
        assertThat(Decimals.format(Long.MAX_VALUE, 0)).isEqualTo("9,223,372,036,854,775,807");
        assertThat(Decimals.format(Long.MIN_VALUE, 18)).isEqualTo("-9.223372036854775808");
    }

    @Test
    void shouldWriteCountsWithoutDecimals()
    {
        assertThat(Decimals.count(0)).isEqualTo("0");
        assertThat(Decimals.count(999)).isEqualTo("999");
        assertThat(Decimals.count(50_012)).isEqualTo("50,012");
        assertThat(Decimals.count(1_000_000)).isEqualTo("1,000,000");
    }

    @Test
    void shouldTrimTrailingZeroDecimals()
    {
        assertThat(Decimals.formatTrimmed(120_939_100_000L, 8)).isEqualTo("1,209.391");
        assertThat(Decimals.formatTrimmed(300_000_000L, 8)).isEqualTo("3");
        assertThat(Decimals.formatTrimmed(0, 8)).isEqualTo("0");
        assertThat(Decimals.formatTrimmed(1_000, 0)).isEqualTo("1,000");
    }

    @Test
    void shouldRefuseScalesOutsideTheSchemasRange()
    {
        assertThatThrownBy(() -> Decimals.format(1, 19)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decimals.format(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
