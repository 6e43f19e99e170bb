package bourse.marketdata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookChecksumTest
{
    private final PriceLevels bids = new PriceLevels(true, 4);
    private final PriceLevels asks = new PriceLevels(false, 4);
    private final BookChecksum checksum = new BookChecksum();

    @Test
    void shouldMatchTheWorkedExampleOfTheDocumentation()
    {
        asks.set(10_200, 1, 1);
        asks.set(10_100, 2, 1);
        bids.set(10_000, 3, 2);

        assertThat(checksum.compute(bids, asks, 10)).as("CRC32 of \"101002102001100003\"").isEqualTo(698_558_225L);
    }

    @Test
    void shouldCoverOnlyTheTopLevelsAndNotTheOrderCounts()
    {
        for (int level = 0; level < 5; level++)
        {
            bids.set(10_000 - level, 1, 1);
            asks.set(10_001 + level, 1, 1);
        }
        final long topTwo = checksum.compute(bids, asks, 2);

        bids.set(9_996, 7, 1);
        bids.set(10_000, 1, 9);

        assertThat(checksum.compute(bids, asks, 2)).isEqualTo(topTwo);
        assertThat(checksum.compute(bids, asks, 5)).isNotEqualTo(checksum.compute(new PriceLevels(true, 1), asks, 5));
    }
}
