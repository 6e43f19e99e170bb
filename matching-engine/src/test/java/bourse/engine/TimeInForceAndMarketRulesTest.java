package bourse.engine;

import bourse.engine.testing.Commands;
import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.EngineEvent.OrderCancelled;
import bourse.engine.testing.EngineEvent.Trade;
import bourse.sbe.CancelReason;
import bourse.sbe.RejectReason;
import bourse.sbe.StpMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static bourse.engine.Market.ALICE;
import static bourse.engine.Market.BOB;
import static bourse.engine.Market.CAROL;
import static bourse.engine.Market.USD;
import static bourse.engine.Market.kinds;
import static bourse.engine.Market.lots;
import static bourse.engine.Market.only;
import static bourse.engine.Market.order;
import static bourse.engine.Market.rejectReason;
import static bourse.engine.Market.usd;
import static bourse.sbe.Side.BUY;
import static bourse.sbe.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** IOC, FOK, market orders, their price band protection and a market buy's budget; post-only. */
class TimeInForceAndMarketRulesTest
{
    private final Market market = new Market();

    @Test
    void shouldCancelTheUnfilledRestOfAnIocOrder()
    {
        market.rest(ALICE, SELL, 30_000, 10);

        final List<EngineEvent> events = market.submit(order(BOB, BUY).limit(usd(30_000)).quantity(lots(25)).ioc());

        final OrderCancelled cancelled = only(events, OrderCancelled.class).get(0);
        assertThat(cancelled.reason()).isEqualTo(CancelReason.IOC_REMAINDER);
        assertThat(cancelled.cancelledQuantity()).isEqualTo(lots(15));
        assertThat(cancelled.filledQuantity()).isEqualTo(lots(10));
        assertThat(market.book()).isEmpty();
    }

    @Test
    void shouldFillAFillOrKillOrderCompletelyAcrossLevels()
    {
        market.rest(ALICE, SELL, 30_000, 10);
        market.rest(BOB, SELL, 30_010, 10);

        final List<EngineEvent> events = market.submit(order(CAROL, BUY).limit(usd(30_010)).quantity(lots(20)).fok());

        assertThat(only(events, Trade.class)).extracting(Trade::quantity).containsExactly(lots(10), lots(10));
        assertThat(only(events, OrderCancelled.class)).isEmpty();
    }

    @Test
    void shouldRejectAFillOrKillOrderThatCannotFillAndChangeNothing()
    {
        market.rest(ALICE, SELL, 30_000, 10);
        final String before = market.venue.dumpState();

        final List<EngineEvent> events = market.submit(order(CAROL, BUY).limit(usd(30_010)).quantity(lots(11)).fok());

        assertThat(rejectReason(events)).isEqualTo(RejectReason.FOK_CANNOT_FILL);
        assertThat(market.venue.dumpState()).isEqualTo(before.replaceFirst("lastSequence=\\d+", "lastSequence=" + (sequenceOf(events))));
    }

    @Test
    void shouldCountHiddenIcebergQuantityButNotOwnOrdersTowardsFillOrKill()
    {
        market.submit(order(ALICE, SELL).limit(usd(30_000)).quantity(lots(50)).display(lots(5)).gtc());
        market.rest(CAROL, SELL, 30_000, 10);

        assertThat(kinds(market.submit(order(BOB, BUY).limit(usd(30_000)).quantity(lots(60)).fok()))).contains("Trade");
        // Carol's own ask is in the way: cancel-newest would cut her short, so FOK refuses.
        market.rest(ALICE, SELL, 30_000, 10);
        market.rest(CAROL, SELL, 30_000, 10);
        assertThat(rejectReason(market.submit(order(CAROL, BUY).limit(usd(30_000)).quantity(lots(10)).fok())))
            .isEqualTo(RejectReason.FOK_CANNOT_FILL);
    }

    @Test
    void shouldStopAMarketOrderAtThePriceBand()
    {
        market.rest(ALICE, SELL, 32_900, 10);
        // A trade at 29 000 moves the band (±10% of the last price) to [26 100, 31 900].
        market.rest(BOB, BUY, 29_000, 1);
        market.submit(order(CAROL, SELL).limit(usd(29_000)).quantity(lots(1)).ioc());
        market.rest(ALICE, SELL, 30_000, 10);

        final List<EngineEvent> events = market.submit(order(BOB, BUY).market().quantity(lots(100)));

        assertThat(only(events, Trade.class)).extracting(Trade::price).containsExactly(usd(30_000));
        final OrderCancelled rest = only(events, OrderCancelled.class).get(0);
        assertThat(rest.reason()).isEqualTo(CancelReason.IOC_REMAINDER);
        assertThat(rest.cancelledQuantity()).isEqualTo(lots(90));
    }

    @Test
    void shouldBoundAMarketOrderByTheBandWhenItStartsThoughItsTradesMoveThePrice()
    {
        // A trade at 31 000 moves the band to [27 900, 34 100]: an offer at 34 000 may rest.
        market.rest(ALICE, SELL, 31_000, 1);
        market.submit(order(BOB, BUY).limit(usd(31_000)).quantity(lots(1)).ioc());
        market.rest(ALICE, SELL, 34_000, 1);
        // A trade at 29 000 moves it back to [26 100, 31 900], below that offer.
        market.rest(BOB, BUY, 29_000, 1);
        market.submit(order(CAROL, SELL).limit(usd(29_000)).quantity(lots(1)).ioc());
        market.rest(ALICE, SELL, 31_500, 1);

        final List<EngineEvent> events = market.submit(order(BOB, BUY).market().quantity(lots(5)));

        // After the trade at 31 500 the band would reach 34 650, but the market order keeps its starting bound.
        assertThat(only(events, Trade.class)).extracting(Trade::price).containsExactly(usd(31_500));
        assertThat(only(events, OrderCancelled.class).get(0).cancelledQuantity()).isEqualTo(lots(4));
    }

    @Test
    void shouldSpendNoMoreThanTheBuyersAvailableQuoteOnAMarketBuy()
    {
        market.rest(ALICE, SELL, 30_000, 500);
        final long dave = 4;
        market.venue.withAccount(dave).withDeposit(dave, USD, usd(10_000));

        final List<EngineEvent> events = market.submit(order(dave, BUY).market().quantity(lots(100)));

        // 10 000 USD buys 33 lots at 300 USD a lot plus 0.2%: 33 × 30 000 + 1 980 = 991 980 cents.
        assertThat(only(events, Trade.class)).extracting(Trade::quantity).containsExactly(lots(33));
        assertThat(market.balance(dave, USD)).isEqualTo("total=" + (usd(10_000) - 991_980) + " held=0");
        assertThat(only(events, OrderCancelled.class).get(0).cancelledQuantity()).isEqualTo(lots(67));
    }

    @Test
    void shouldCancelAMarketOrderWholeWhenTheBookIsEmpty()
    {
        final List<EngineEvent> events = market.submit(order(BOB, SELL).market().quantity(lots(5)));

        assertThat(kinds(events)).containsExactly("OrderAccepted", "OrderCancelled");
        assertThat(only(events, OrderCancelled.class).get(0).cancelledQuantity()).isEqualTo(lots(5));
    }

    @Test
    void shouldRejectAPostOnlyOrderThatWouldCrossWhoeverIsOnTheOtherSide()
    {
        market.rest(ALICE, SELL, 30_000, 10);

        assertThat(rejectReason(market.submit(order(ALICE, BUY).limit(usd(30_000)).quantity(lots(1)).postOnly().gtc())))
            .isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS);
        assertThat(kinds(market.submit(order(ALICE, BUY).limit(usd(29_999)).quantity(lots(1)).postOnly().gtc())))
            .containsExactly("OrderAccepted", "BookChanged", "BalanceChanged");
    }

    @Test
    void shouldFillAFillOrKillOrderWhenTheQuantityOnOfferSumsPastTheLargestLong()
    {
        // Grain counted in 10^-18, sold in lots of one whole grain at cents per grain: a tick times a lot is a cent.
        final int grain = 3;
        final int grainUsd = 2;
        final long lot = 1_000_000_000_000_000_000L;
        final long dave = 4;
        market.venue.setup(Commands.addAsset().asset(grain).code("GRAIN").scale(18));
        market.venue.setup(Commands.addInstrument().instrument(grainUsd).symbol("GRAIN-USD").base(grain).quote(USD)
            .priceScale(2).tickSize(1).lotSize(lot).minQuantity(lot).maxQuantity(9 * lot)
            .bandBps(1_000).makerFeePpm(0).takerFeePpm(0).referencePrice(500));
        market.venue.withAccount(dave).withDeposit(dave, USD, usd(100)).withDeposit(CAROL, grain, 9 * lot);
        for (final long buyer : new long[]{ALICE, BOB, dave})
        {
            market.submit(order(buyer, BUY).instrument(grainUsd).limit(500).quantity(4 * lot).gtc());
        }

        // 12 grains are bid, more than Long.MAX_VALUE units of 10^-18: the sum must not wrap to a negative.
        final List<EngineEvent> events =
            market.submit(order(CAROL, SELL).instrument(grainUsd).limit(500).quantity(9 * lot).fok());

        assertThat(only(events, Trade.class)).extracting(Trade::quantity).containsExactly(4 * lot, 4 * lot, lot);
    }

    @Test
    void shouldApplyTheTakersSelfTradeModeToFillOrKill()
    {
        market.rest(CAROL, SELL, 30_000, 10);
        market.rest(ALICE, SELL, 30_000, 10);

        final List<EngineEvent> events =
            market.submit(order(CAROL, BUY).limit(usd(30_000)).quantity(lots(10)).fok().stp(StpMode.CANCEL_OLDEST));

        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::reason)
            .containsExactly(CancelReason.SELF_TRADE_PREVENTION);
        assertThat(only(events, Trade.class)).extracting(Trade::makerAccountId).containsExactly(ALICE);
    }

    @Test
    void shouldEndThePriceBandAtTheLargestPriceWhenReferencePlusWidthWouldPassIt()
    {
        // Whole dollars per BTC, tick 10 000 USD, lot 100 satoshi: one tick times one lot is one cent.
        final int huge = 2;
        final long lot = 100;
        market.venue.setup(Commands.addInstrument().instrument(huge).symbol("BTC-HUGE").base(Market.BTC).quote(USD)
            .priceScale(0).tickSize(10_000).lotSize(lot).minQuantity(lot).maxQuantity(lot)
            .bandBps(10_000).makerFeePpm(0).takerFeePpm(0).referencePrice(5_000_000_000_000_000_000L));
        market.venue.withDeposit(BOB, USD, 1_000_000_000_000_000L);
        final long nearTheTop = Long.MAX_VALUE - Long.MAX_VALUE % 10_000;

        // ref + 100% of ref is past Long.MAX_VALUE: the band is [0, Long.MAX_VALUE], not a wrapped negative.
        final List<EngineEvent> events =
            market.submit(order(ALICE, SELL).instrument(huge).limit(nearTheTop).quantity(lot).gtc());
        assertThat(kinds(events)).containsExactly("OrderAccepted", "BookChanged", "BalanceChanged");

        final List<EngineEvent> lift = market.submit(order(BOB, BUY).instrument(huge).market().quantity(lot));
        assertThat(only(lift, Trade.class)).extracting(Trade::price).containsExactly(nearTheTop);
    }

    private static long sequenceOf(final List<EngineEvent> events)
    {
        return events.get(0).sequence();
    }
}
