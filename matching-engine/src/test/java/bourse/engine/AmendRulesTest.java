package bourse.engine;

import bourse.engine.testing.Commands;
import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.EngineEvent.BalanceChanged;
import bourse.engine.testing.EngineEvent.OrderReplaced;
import bourse.engine.testing.EngineEvent.Trade;
import bourse.sbe.BalanceReason;
import bourse.sbe.BooleanType;
import bourse.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static bourse.engine.Market.ALICE;
import static bourse.engine.Market.BOB;
import static bourse.engine.Market.BTC;
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

/** Amending a resting order: when it keeps its place in the queue and when it loses it. */
class AmendRulesTest
{
    private final Market market = new Market();

    @Test
    void shouldKeepQueuePriorityWhenOnlyTheQuantityGoesDown()
    {
        final long first = market.rest(ALICE, BUY, 29_000, 10);
        final long second = market.rest(BOB, BUY, 29_000, 10);

        final List<EngineEvent> events = market.submit(amend(ALICE, first, 29_000, 4));

        assertThat(kinds(events)).containsExactly("OrderReplaced", "BookChanged", "BalanceChanged");
        assertThat(only(events, OrderReplaced.class).get(0).priorityKept()).isEqualTo(BooleanType.TRUE);
        final List<Trade> trades = only(market.submit(order(CAROL, SELL).limit(usd(29_000)).quantity(lots(5)).ioc()), Trade.class);
        assertThat(trades).extracting(Trade::makerOrderId).containsExactly(first, second);
        // Alice's 4 remaining lots filled at 29 000 USD (29 000 cents a lot) plus the 0.1% maker fee;
        // her whole hold is gone, none of it kept back by the amend.
        assertThat(market.balance(ALICE, USD)).isEqualTo("total=" + (USD_DEPOSIT - 4 * 29_000 - 116) + " held=0");
    }

    @Test
    void shouldLoseQueuePriorityWhenTheQuantityGoesUp()
    {
        final long first = market.rest(ALICE, BUY, 29_000, 10);
        final long second = market.rest(BOB, BUY, 29_000, 10);

        final List<EngineEvent> events = market.submit(amend(ALICE, first, 29_000, 12));

        assertThat(kinds(events)).containsExactly("OrderReplaced", "BookChanged", "BookChanged", "BalanceChanged");
        assertThat(only(events, OrderReplaced.class).get(0).priorityKept()).isEqualTo(BooleanType.FALSE);
        final List<Trade> trades = only(market.submit(order(CAROL, SELL).limit(usd(29_000)).quantity(lots(11)).ioc()), Trade.class);
        assertThat(trades).extracting(Trade::makerOrderId).containsExactly(second, first);
    }

    @Test
    void shouldMoveTheHoldOnceByTheDifferenceWhenARepricedOrderDoesNotCross()
    {
        final long bid = market.rest(ALICE, BUY, 29_000, 10);
        final long ask = market.rest(BOB, SELL, 31_000, 10);
        final String bobBtcBefore = market.balance(BOB, BTC);

        final List<EngineEvent> buyMove = market.submit(amend(ALICE, bid, 29_500, 10));
        final List<EngineEvent> sellMove = market.submit(amend(BOB, ask, 30_500, 10));

        // The bid's hold grows from 29 000 to 29 500 USD per BTC (plus the hold fee on the difference).
        assertThat(kinds(buyMove)).containsExactly("OrderReplaced", "BookChanged", "BookChanged", "BalanceChanged");
        assertThat(only(buyMove, BalanceChanged.class).get(0).reason()).isEqualTo(BalanceReason.ORDER_HOLD);
        assertThat(market.balance(ALICE, USD)).isEqualTo(
            "total=" + Market.USD_DEPOSIT + " held=" + (usd(2_950) + Money.feeCeiling(usd(2_950), 2_000)));
        // A sell holds base: the same quantity at another price changes no balance at all.
        assertThat(kinds(sellMove)).containsExactly("OrderReplaced", "BookChanged", "BookChanged");
        assertThat(market.balance(BOB, BTC)).isEqualTo(bobBtcBefore);
        assertThat(market.book()).containsExactly(
            "bid " + bid + " account=1 price=2950000 remaining=" + lots(10) + " visible=" + lots(10) + " filled=0",
            "ask " + ask + " account=2 price=3050000 remaining=" + lots(10) + " visible=" + lots(10) + " filled=0");
    }

    @Test
    void shouldLoseQueuePriorityAndTradeWhenTheNewPriceCrosses()
    {
        market.rest(BOB, SELL, 30_000, 5);
        final long bid = market.rest(ALICE, BUY, 29_000, 10);

        final List<EngineEvent> events = market.submit(amend(ALICE, bid, 30_000, 10));

        assertThat(only(events, Trade.class)).extracting(Trade::takerOrderId, Trade::quantity)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(bid, lots(5)));
        assertThat(market.book()).containsExactly(
            "bid " + bid + " account=1 price=3000000 remaining=" + lots(5) + " visible=" + lots(5) + " filled=" + lots(5));
    }

    @Test
    void shouldRejectAnAmendThatNeedsMoreThanIsAvailableAndLeaveTheOrderAlone()
    {
        final long dave = 4;
        market.venue.withAccount(dave).withDeposit(dave, USD, usd(3_100));
        final long bid = market.rest(dave, BUY, 29_000, 10);
        final List<String> book = market.book();

        assertThat(rejectReason(market.submit(amend(dave, bid, 29_000, 11)))).isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
        assertThat(market.book()).isEqualTo(book);
    }

    @Test
    void shouldRejectAmendingAPendingStopOrSomeoneElsesOrder()
    {
        final long stop = Market.acceptedId(market.submit(order(ALICE, BUY).stop(usd(31_000)).quantity(lots(1)).ioc()));
        final long bid = market.rest(BOB, BUY, 29_000, 10);

        assertThat(rejectReason(market.submit(amend(ALICE, stop, 29_000, 1)))).isEqualTo(RejectReason.ORDER_NOT_AMENDABLE);
        assertThat(rejectReason(market.submit(amend(ALICE, bid, 29_000, 1)))).isEqualTo(RejectReason.UNKNOWN_ORDER);
    }

    @Test
    void shouldRejectAPostOnlyAmendThatWouldCross()
    {
        market.rest(BOB, SELL, 30_000, 5);
        final long bid = Market.acceptedId(
            market.submit(order(ALICE, BUY).limit(usd(29_000)).quantity(lots(1)).postOnly().gtc()));

        assertThat(rejectReason(market.submit(amend(ALICE, bid, 30_000, 1)))).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS);
    }

    @Test
    void shouldFindTheOrderToAmendByClientOrderId()
    {
        market.submit(order(ALICE, BUY).limit(usd(29_000)).quantity(lots(10)).gtc().clientOrderId("my-bid-1"));

        final List<EngineEvent> events = market.submit(
            Commands.replaceOrder().account(ALICE).clientOrderId("my-bid-1").price(usd(29_000)).quantity(lots(3)));

        assertThat(only(events, OrderReplaced.class).get(0).clientOrderId()).isEqualTo("my-bid-1");
    }

    private static Commands.ReplaceOrder amend(final long account, final long orderId, final long priceDollars, final long lotCount)
    {
        return Commands.replaceOrder().account(account).orderId(orderId).price(usd(priceDollars)).quantity(lots(lotCount));
    }
}
