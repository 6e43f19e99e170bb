package bourse.engine;

import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.EngineEvent.BalanceChanged;
import bourse.engine.testing.EngineEvent.BookChanged;
import bourse.engine.testing.EngineEvent.Trade;
import bourse.sbe.BalanceReason;
import bourse.sbe.BookAction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static bourse.engine.Market.ALICE;
import static bourse.engine.Market.BOB;
import static bourse.engine.Market.BTC;
import static bourse.engine.Market.BTC_DEPOSIT;
import static bourse.engine.Market.CAROL;
import static bourse.engine.Market.USD;
import static bourse.engine.Market.USD_DEPOSIT;
import static bourse.engine.Market.kinds;
import static bourse.engine.Market.lots;
import static bourse.engine.Market.only;
import static bourse.engine.Market.order;
import static bourse.engine.Market.usd;
import static bourse.sbe.Side.BUY;
import static bourse.sbe.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** Limit orders, price-time priority, settlement and fees. */
class LimitOrderRulesTest
{
    private final Market market = new Market();

    @Test
    void shouldRestABuyThatDoesNotCrossHoldingNotionalPlusTheLargestFee()
    {
        final List<EngineEvent> events = market.submit(order(ALICE, BUY).limit(usd(29_000)).quantity(lots(100)).gtc());

        assertThat(kinds(events)).containsExactly("OrderAccepted", "BookChanged", "BalanceChanged");
        final BookChanged added = only(events, BookChanged.class).get(0);
        assertThat(added.action()).isEqualTo(BookAction.ADDED);
        assertThat(added.visibleQuantity()).isEqualTo(lots(100));
        // 1 BTC at 29 000 USD: 2 900 000 cents, plus the taker rate (the larger) of 0.2%: 5 800 cents.
        final BalanceChanged hold = only(events, BalanceChanged.class).get(0);
        assertThat(hold.reason()).isEqualTo(BalanceReason.ORDER_HOLD);
        assertThat(hold.held()).isEqualTo(2_900_000 + 5_800);
        assertThat(hold.total()).isEqualTo(USD_DEPOSIT);
    }

    @Test
    void shouldRestASellHoldingItsBaseQuantity()
    {
        market.rest(ALICE, SELL, 31_000, 250);

        assertThat(market.balance(ALICE, BTC)).isEqualTo("total=" + BTC_DEPOSIT + " held=" + lots(250));
    }

    @Test
    void shouldTradeAtTheMakersPriceBestPriceFirstThenOldestFirst()
    {
        final long first = market.rest(ALICE, SELL, 30_100, 10);
        final long second = market.rest(BOB, SELL, 30_100, 10);
        final long better = market.rest(BOB, SELL, 30_050, 10);

        final List<EngineEvent> events = market.submit(order(CAROL, BUY).limit(usd(30_200)).quantity(lots(25)).gtc());

        final List<Trade> trades = only(events, Trade.class);
        assertThat(trades).extracting(Trade::makerOrderId).containsExactly(better, first, second);
        assertThat(trades).extracting(Trade::price).containsExactly(usd(30_050), usd(30_100), usd(30_100));
        assertThat(trades).extracting(Trade::quantity).containsExactly(lots(10), lots(10), lots(5));
        assertThat(trades).extracting(Trade::aggressorSide).containsOnly(BUY);
        assertThat(trades).extracting(Trade::takerRemainingQuantity).containsExactly(lots(15), lots(5), 0L);
        assertThat(market.book()).containsExactly(
            "ask " + second + " account=2 price=3010000 remaining=" + lots(5) + " visible=" + lots(5) + " filled=" + lots(5));
    }

    @Test
    void shouldSettleBothSidesAndCollectMakerAndTakerFees()
    {
        market.rest(ALICE, SELL, 30_000, 100);

        final List<EngineEvent> events = market.submit(order(BOB, BUY).limit(usd(30_000)).quantity(lots(100)).ioc());

        final Trade trade = only(events, Trade.class).get(0);
        // 1 BTC at 30 000 USD = 3 000 000 cents; maker 0.1% = 3 000, taker 0.2% = 6 000.
        assertThat(trade.makerFee()).isEqualTo(3_000);
        assertThat(trade.takerFee()).isEqualTo(6_000);
        assertThat(kinds(events)).containsExactly(
            "OrderAccepted", "Trade", "BookChanged", "BalanceChanged", "BalanceChanged", "BalanceChanged", "BalanceChanged");
        assertThat(only(events, BalanceChanged.class))
            .extracting(BalanceChanged::accountId, BalanceChanged::assetId)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(BOB, USD),
                org.assertj.core.groups.Tuple.tuple(BOB, BTC),
                org.assertj.core.groups.Tuple.tuple(ALICE, BTC),
                org.assertj.core.groups.Tuple.tuple(ALICE, USD));
        assertThat(market.balance(BOB, USD)).isEqualTo("total=" + (USD_DEPOSIT - 3_006_000) + " held=0");
        assertThat(market.balance(BOB, BTC)).isEqualTo("total=" + (BTC_DEPOSIT + lots(100)) + " held=0");
        assertThat(market.balance(ALICE, BTC)).isEqualTo("total=" + (BTC_DEPOSIT - lots(100)) + " held=0");
        assertThat(market.balance(ALICE, USD)).isEqualTo("total=" + (USD_DEPOSIT + 2_997_000) + " held=0");
        assertThat(market.venue.dumpState()).contains("fees 2 9000");
    }

    @Test
    void shouldReleaseAMakerBuysHoldExactlyAsItFillsAndOnCancel()
    {
        final long bid = market.rest(ALICE, BUY, 30_000, 100);
        market.submit(order(BOB, SELL).limit(usd(30_000)).quantity(lots(30)).ioc());

        // Paid 0.3 BTC × 30 000 = 900 000 + maker fee 900; still holds 70 lots: 2 100 000 + 4 200.
        assertThat(market.balance(ALICE, USD)).isEqualTo("total=" + (USD_DEPOSIT - 900_900) + " held=2104200");

        market.submit(bourse.engine.testing.Commands.cancelOrder().account(ALICE).orderId(bid));

        assertThat(market.balance(ALICE, USD)).isEqualTo("total=" + (USD_DEPOSIT - 900_900) + " held=0");
    }

    @Test
    void shouldRestTheRemainderOfAPartlyFilledLimitOrderAtItsOwnPrice()
    {
        market.rest(ALICE, SELL, 30_000, 10);

        final List<EngineEvent> events = market.submit(order(BOB, BUY).limit(usd(30_010)).quantity(lots(40)).gtc());

        final long id = Market.acceptedId(events);
        assertThat(kinds(events).subList(kinds(events).size() - 2, kinds(events).size()))
            .containsExactly("BookChanged", "BalanceChanged");
        assertThat(market.book()).containsExactly(
            "bid " + id + " account=2 price=3001000 remaining=" + lots(30) + " visible=" + lots(30) + " filled=" + lots(10));
    }

    @Test
    void shouldStampEveryEventWithTheCommandsSequenceSourceAndCorrelation()
    {
        market.rest(ALICE, SELL, 30_000, 10);

        final List<EngineEvent> events = market.submit(
            order(BOB, BUY).limit(usd(30_000)).quantity(lots(10)).ioc().sequence(9_000).sourceId(42).correlationId(77));

        assertThat(events).allSatisfy(event ->
        {
            assertThat(event.sequence()).isEqualTo(9_000);
            assertThat(event.sourceId()).isEqualTo(42);
            assertThat(event.correlationId()).isEqualTo(77);
        });
        assertThat(market.venue.dumpState()).startsWith("engine lastSequence=9000 ");
    }
}
