package bourse.engine;

import bourse.engine.testing.Commands;
import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.EngineEvent.BookChanged;
import bourse.engine.testing.EngineEvent.OrderTriggered;
import bourse.engine.testing.EngineEvent.Trade;
import bourse.sbe.BookAction;
import bourse.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static bourse.engine.Market.ALICE;
import static bourse.engine.Market.BOB;
import static bourse.engine.Market.CAROL;
import static bourse.engine.Market.USD;
import static bourse.engine.Market.USD_DEPOSIT;
import static bourse.engine.Market.kinds;
import static bourse.engine.Market.lots;
import static bourse.engine.Market.only;
import static bourse.engine.Market.order;
import static bourse.engine.Market.rejectReason;
import static bourse.engine.Market.usd;
import static bourse.sbe.Side.BUY;
import static bourse.sbe.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** Stop and stop-limit orders triggered by the last trade price; icebergs refilling at the back. */
class StopAndIcebergRulesTest
{
    private final Market market = new Market();

    @Test
    void shouldHoldAStopLimitBuysFundsWhileItWaits()
    {
        final List<EngineEvent> events =
            market.submit(order(ALICE, BUY).stopLimit(usd(30_500), usd(30_600)).quantity(lots(10)).gtc());

        assertThat(kinds(events)).containsExactly("OrderAccepted", "BalanceChanged");
        assertThat(market.balance(ALICE, USD)).isEqualTo("total=" + USD_DEPOSIT + " held=" + (306_000 + 612));
    }

    @Test
    void shouldTriggerStopsWhenTheLastTradeReachesThemInTriggerOrder()
    {
        final long far = Market.acceptedId(market.submit(order(ALICE, BUY).stop(usd(30_300)).quantity(lots(1)).ioc()));
        final long near = Market.acceptedId(market.submit(order(BOB, BUY).stop(usd(30_100)).quantity(lots(1)).ioc()));
        market.rest(CAROL, SELL, 30_300, 50);

        final List<EngineEvent> events = market.submit(order(CAROL, SELL).limit(usd(30_300)).quantity(lots(1)).gtc());
        assertThat(only(events, OrderTriggered.class)).isEmpty();
        // Someone lifts the offer at 30 300: both stops are reached, the nearer (lower) one goes first.
        final List<EngineEvent> lift = market.submit(order(BOB, BUY).limit(usd(30_300)).quantity(lots(1)).ioc());

        assertThat(only(lift, OrderTriggered.class)).extracting(OrderTriggered::orderId).containsExactly(near, far);
        assertThat(only(lift, Trade.class)).extracting(Trade::takerOrderId).endsWith(near, far);
    }

    @Test
    void shouldCascadeWhenATriggeredStopMovesThePriceOntoTheNextStop()
    {
        market.rest(CAROL, BUY, 29_900, 1);
        market.rest(CAROL, BUY, 29_800, 1);
        market.rest(CAROL, BUY, 29_700, 1);
        final long first = Market.acceptedId(market.submit(order(ALICE, SELL).stop(usd(29_900)).quantity(lots(1)).ioc()));
        final long second = Market.acceptedId(market.submit(order(BOB, SELL).stop(usd(29_800)).quantity(lots(1)).ioc()));

        final List<EngineEvent> events = market.submit(order(BOB, SELL).limit(usd(29_900)).quantity(lots(1)).ioc());

        assertThat(only(events, OrderTriggered.class)).extracting(OrderTriggered::orderId, OrderTriggered::lastTradePrice)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(first, usd(29_900)),
                org.assertj.core.groups.Tuple.tuple(second, usd(29_800)));
        assertThat(only(events, Trade.class)).extracting(Trade::price).containsExactly(usd(29_900), usd(29_800), usd(29_700));
    }

    @Test
    void shouldRejectAStopThatWouldTriggerAtOnce()
    {
        assertThat(rejectReason(market.submit(order(ALICE, BUY).stop(usd(30_000)).quantity(lots(1)).ioc())))
            .isEqualTo(RejectReason.STOP_WOULD_TRIGGER_IMMEDIATELY);
        assertThat(rejectReason(market.submit(order(ALICE, SELL).stopLimit(usd(30_100), usd(30_000)).quantity(lots(1)).gtc())))
            .isEqualTo(RejectReason.STOP_WOULD_TRIGGER_IMMEDIATELY);
    }

    @Test
    void shouldShowOnlyTheDisplayQuantityOfAnIcebergAndRefillItAtTheBackOfTheQueue()
    {
        final List<EngineEvent> placed =
            market.submit(order(ALICE, SELL).limit(usd(30_000)).quantity(lots(30)).display(lots(10)).gtc());
        final long iceberg = Market.acceptedId(placed);
        final long behind = market.rest(BOB, SELL, 30_000, 10);
        assertThat(only(placed, BookChanged.class).get(0).visibleQuantity()).isEqualTo(lots(10));

        final List<EngineEvent> events = market.submit(order(CAROL, BUY).limit(usd(30_000)).quantity(lots(15)).ioc());

        assertThat(only(events, Trade.class)).extracting(Trade::makerOrderId, Trade::quantity).containsExactly(
            org.assertj.core.groups.Tuple.tuple(iceberg, lots(10)),
            org.assertj.core.groups.Tuple.tuple(behind, lots(5)));
        assertThat(only(events, BookChanged.class)).extracting(BookChanged::orderId, BookChanged::action, BookChanged::visibleQuantity)
            .startsWith(
                org.assertj.core.groups.Tuple.tuple(iceberg, BookAction.REMOVED, 0L),
                org.assertj.core.groups.Tuple.tuple(iceberg, BookAction.ADDED, lots(10)));
        assertThat(market.book()).extracting(line -> line.split(" ")[1])
            .containsExactly(String.valueOf(behind), String.valueOf(iceberg));
    }

    @Test
    void shouldCancelPendingStopsAndReleaseTheirHolds()
    {
        final long stop = Market.acceptedId(
            market.submit(order(ALICE, BUY).stopLimit(usd(30_500), usd(30_600)).quantity(lots(10)).gtc()));

        final List<EngineEvent> events = market.submit(Commands.cancelOrder().account(ALICE).orderId(stop));

        assertThat(kinds(events)).containsExactly("OrderCancelled", "BalanceChanged");
        assertThat(market.balance(ALICE, USD)).isEqualTo("total=" + USD_DEPOSIT + " held=0");
    }
}
