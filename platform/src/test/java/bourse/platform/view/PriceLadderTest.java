package bourse.platform.view;

import bourse.sbe.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceLadderTest
{
    private long nextOrderId = 1;

    @Test
    void shouldPutTheHighestBidFirst()
    {
        final PriceLadder bids = new PriceLadder(true);
        rest(bids, 100, 5);
        rest(bids, 102, 1);
        rest(bids, 101, 2);
        rest(bids, 102, 3);

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
        rest(asks, 105, 1);
        rest(asks, 103, 1);
        rest(asks, 104, 1);

        assertThat(asks.bestPrice()).isEqualTo(103);
        assertThat(asks.priceAt(2)).isEqualTo(105);
    }

    @Test
    void shouldDropALevelWithItsLastOrder()
    {
        final PriceLadder asks = new PriceLadder(false);
        rest(asks, 103, 4);
        rest(asks, 103, 6);
        rest(asks, 104, 1);

        asks.changeVisibleQuantity(asks.firstOrderAt(0), 1);
        assertThat(asks.quantityAt(0)).isEqualTo(7);
        asks.removeOrder(asks.firstOrderAt(0));
        assertThat(asks.bestPrice()).isEqualTo(103);
        asks.removeOrder(asks.firstOrderAt(0));
        assertThat(asks.bestPrice()).isEqualTo(104);
        assertThat(queue(asks, 0)).extracting(RestingOrder::price).containsExactly(104L);
        asks.removeOrder(asks.firstOrderAt(0));
        assertThat(asks.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepEachLevelsOrdersInTimePriority()
    {
        final PriceLadder bids = new PriceLadder(true);
        final RestingOrder first = rest(bids, 100, 5);
        final RestingOrder second = rest(bids, 100, 2);
        final RestingOrder third = rest(bids, 100, 7);
        final RestingOrder better = rest(bids, 101, 1);

        assertThat(queue(bids, 0)).containsExactly(better);
        assertThat(queue(bids, 1)).containsExactly(first, second, third);

        bids.changeVisibleQuantity(second, 1);
        bids.removeOrder(first);
        final RestingOrder refilled = rest(bids, 100, 3);
        bids.removeOrder(better);

        assertThat(queue(bids, 0)).containsExactly(second, third, refilled);
        assertThat(queue(bids, 0)).extracting(RestingOrder::visibleQuantity).containsExactly(1L, 7L, 3L);
        assertThat(bids.quantityAt(0)).isEqualTo(11);
        assertThat(bids.orderCountAt(0)).isEqualTo(3);

        bids.removeOrder(third);
        assertThat(queue(bids, 0)).containsExactly(second, refilled);
        bids.removeOrder(refilled);
        assertThat(queue(bids, 0)).containsExactly(second);
    }

    @Test
    void shouldGrowPastItsInitialCapacity()
    {
        final PriceLadder bids = new PriceLadder(true);
        for (int price = 1; price <= 1_000; price++)
        {
            rest(bids, price, price);
        }

        assertThat(bids.levelCount()).isEqualTo(1_000);
        assertThat(bids.bestPrice()).isEqualTo(1_000);
        assertThat(bids.priceAt(999)).isEqualTo(1);
        assertThat(bids.firstOrderAt(999).visibleQuantity()).isEqualTo(1);
    }

    @Test
    void shouldRefuseToChangeALevelItNeverSaw()
    {
        final PriceLadder bids = new PriceLadder(true);

        assertThatThrownBy(() -> bids.removeOrder(new RestingOrder(1, Side.BUY, 100, 1))).isInstanceOf(IllegalStateException.class);
    }

    /** A new order joining the ladder; the ladder never looks at its side. */
    private RestingOrder rest(final PriceLadder ladder, final long price, final long visibleQuantity)
    {
        final RestingOrder order = new RestingOrder(nextOrderId++, Side.BUY, price, visibleQuantity);
        ladder.addOrder(order);
        return order;
    }

    private static List<RestingOrder> queue(final PriceLadder ladder, final int rank)
    {
        final List<RestingOrder> orders = new ArrayList<>();
        for (RestingOrder order = ladder.firstOrderAt(rank); order != null; order = order.nextInQueue())
        {
            orders.add(order);
        }
        return orders;
    }
}
