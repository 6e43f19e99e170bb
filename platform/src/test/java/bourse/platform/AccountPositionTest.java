package bourse.platform;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Average-cost accounting of one account's fills, against the obvious version: decimals for every
 * fill, realising (price − average) × quantity on every fill that reduces the position.
 */
class AccountPositionTest
{
    private static final InstrumentCatalog.Instrument INSTRUMENT = new InstrumentCatalog.Instrument("BTC-USD", 2, 8, 6);
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-20");

    @Test
    void shouldAverageAndRealiseAsTheFillByFillDecimalAccountDoes()
    {
        final SplittableRandom random = new SplittableRandom(5);
        for (int account = 0; account < 200; account++)
        {
            final AccountPosition position = new AccountPosition(account, INSTRUMENT);
            final Reference reference = new Reference();
            final int fills = random.nextInt(1, 400);
            for (int i = 0; i < fills; i++)
            {
                // Runs of buys or sells, so that positions grow, shrink, close and flip.
                final boolean buy = random.nextInt(10) < (i / 25 % 2 == 0 ? 6 : 4);
                final long price = random.nextLong(6_390_000, 6_410_000);
                final long size = random.nextInt(4) == 0 ? random.nextLong(1, 1_000_000_000) : random.nextLong(1, 300_000);
                position.onFill(buy, price, size, 0);
                reference.onFill(buy, INSTRUMENT.price(price), INSTRUMENT.quantity(size));

                assertThat(position.averagePrice()).as("account %d fill %d", account, i)
                    .isCloseTo(reference.averagePrice, within(TOLERANCE));
                assertThat(position.realisedPnl()).as("account %d fill %d", account, i)
                    .isCloseTo(reference.realised, within(TOLERANCE));
            }
        }
    }

    @Test
    void shouldRealiseNothingWhileOnlyAddingAndEverythingWhenClosed()
    {
        final AccountPosition position = new AccountPosition(1, INSTRUMENT);
        position.onFill(true, 10_000, 100_000_000, 0);
        position.onFill(true, 10_300, 200_000_000, 0);
        assertThat(position.averagePrice()).isEqualByComparingTo("102.00");
        assertThat(position.realisedPnl()).isZero();

        position.onFill(false, 10_500, 100_000_000, 0);
        assertThat(position.realisedPnl()).as("1 sold at 3 over the average").isEqualByComparingTo("3");
        position.onFill(false, 9_900, 300_000_000, 0);
        assertThat(position.realisedPnl()).as("then 2 at 3 under it, and 1 short opened").isEqualByComparingTo("-3");
        assertThat(position.averagePrice()).as("the short's average is where it opened").isEqualByComparingTo("99.00");
    }

    /** The obvious account: decimal arithmetic on every fill. */
    private static final class Reference
    {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal averagePrice = BigDecimal.ZERO;
        BigDecimal realised = BigDecimal.ZERO;

        void onFill(final boolean buy, final BigDecimal price, final BigDecimal size)
        {
            final BigDecimal signed = buy ? size : size.negate();
            if (quantity.signum() == 0 || quantity.signum() == signed.signum())
            {
                final BigDecimal total = quantity.add(signed);
                averagePrice = averagePrice.multiply(quantity.abs()).add(price.multiply(size)).divide(total.abs(), MathContext.DECIMAL128);
                quantity = total;
                return;
            }
            final BigDecimal closed = size.min(quantity.abs());
            realised = realised.add(price.subtract(averagePrice).multiply(closed).multiply(BigDecimal.valueOf(quantity.signum())));
            quantity = quantity.add(signed);
            if (quantity.signum() == signed.signum())
            {
                averagePrice = price;
            }
            else if (quantity.signum() == 0)
            {
                averagePrice = BigDecimal.ZERO;
            }
        }
    }
}
