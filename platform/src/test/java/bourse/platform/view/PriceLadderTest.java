package bourse.platform.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceLadderTest
{
    @Test
    void shouldPutTheHighestBidFirst()
    {
        final PriceLadder bids = new PriceLadder(true);
        bids.addOrder(100, 5);
        bids.addOrder(102, 1);
        bids.addOrder(101, 2);
        bids.addOrder(102, 3);

        assertThat(bids.bestPrice()).isEqualTo(102);
        assertThat(bids.levelCount()).isEqualTo(3);
        assertThat(bids.priceAt(0)).isEqualTo(102);
        assertThat(bids.quantityAt(0)).isEqualTo(4);
        assertThat(bids.orderCountAt(0)).isEqualTo(2);
        assertThat(bids.priceAt(1)).isEqualTo(101);
        assertThat(bids.priceAt(2)).isEqualTo(100);
    }

    @Test
    void shouldPutTheLowestAskFirst()
    {
        final PriceLadder asks = new PriceLadder(false);
        asks.addOrder(105, 1);
        asks.addOrder(103, 1);
        asks.addOrder(104, 1);

        assertThat(asks.bestPrice()).isEqualTo(103);
        assertThat(asks.priceAt(2)).isEqualTo(105);
    }

    @Test
    void shouldDropALevelWithItsLastOrder()
    {
        final PriceLadder asks = new PriceLadder(false);
        asks.addOrder(103, 4);
        asks.addOrder(103, 6);
        asks.addOrder(104, 1);

        asks.changeQuantity(103, -3);
        assertThat(asks.quantityAt(0)).isEqualTo(7);
        asks.removeOrder(103, 1);
        assertThat(asks.bestPrice()).isEqualTo(103);
        asks.removeOrder(103, 6);
        assertThat(asks.bestPrice()).isEqualTo(104);
        asks.removeOrder(104, 1);
        assertThat(asks.isEmpty()).isTrue();
    }

    @Test
    void shouldGrowPastItsInitialCapacity()
    {
        final PriceLadder bids = new PriceLadder(true);
        for (int price = 1; price <= 1_000; price++)
        {
            bids.addOrder(price, price);
        }

        assertThat(bids.levelCount()).isEqualTo(1_000);
        assertThat(bids.bestPrice()).isEqualTo(1_000);
        assertThat(bids.priceAt(999)).isEqualTo(1);
    }

    @Test
    void shouldRefuseToChangeALevelItNeverSaw()
    {
        final PriceLadder bids = new PriceLadder(true);

        assertThatThrownBy(() -> bids.removeOrder(100, 1)).isInstanceOf(IllegalStateException.class);
    }
}
