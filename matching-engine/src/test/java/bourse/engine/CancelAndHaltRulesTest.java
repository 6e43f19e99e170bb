package bourse.engine;

import bourse.engine.testing.Commands;
import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.EngineEvent.InstrumentStatusChanged;
import bourse.engine.testing.EngineEvent.MassCancelCompleted;
import bourse.engine.testing.EngineEvent.OrderCancelled;
import bourse.sbe.CancelReason;
import bourse.sbe.InstrumentStatus;
import bourse.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static bourse.engine.Market.ALICE;
import static bourse.engine.Market.BOB;
import static bourse.engine.Market.BTC;
import static bourse.engine.Market.BTC_DEPOSIT;
import static bourse.engine.Market.BTC_USD;
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

/** Cancel, mass cancel, halt and resume. */
class CancelAndHaltRulesTest
{
    private final Market market = new Market();

    @Test
    void shouldCancelARestingOrderAndReleaseExactlyWhatItHeld()
    {
        final long bid = market.rest(ALICE, BUY, 29_000, 10);

        final List<EngineEvent> events = market.submit(Commands.cancelOrder().account(ALICE).orderId(bid));

        assertThat(kinds(events)).containsExactly("OrderCancelled", "BookChanged", "BalanceChanged");
        assertThat(only(events, OrderCancelled.class).get(0).reason()).isEqualTo(CancelReason.USER);
        assertThat(market.balance(ALICE, USD)).isEqualTo("total=" + USD_DEPOSIT + " held=0");
        assertThat(market.book()).isEmpty();
    }

    @Test
    void shouldCancelByClientOrderIdAndFreeTheIdForReuse()
    {
        market.submit(order(ALICE, BUY).limit(usd(29_000)).quantity(lots(1)).gtc().clientOrderId("b1"));
        assertThat(rejectReason(market.submit(order(ALICE, BUY).limit(usd(29_000)).quantity(lots(1)).gtc().clientOrderId("b1"))))
            .isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);

        market.submit(Commands.cancelOrder().account(ALICE).clientOrderId("b1"));

        assertThat(kinds(market.submit(order(ALICE, BUY).limit(usd(29_000)).quantity(lots(1)).gtc().clientOrderId("b1"))))
            .startsWith("OrderAccepted");
    }

    @Test
    void shouldLetTwoAccountsUseTheSameClientOrderId()
    {
        market.submit(order(ALICE, BUY).limit(usd(29_000)).quantity(lots(1)).gtc().clientOrderId("same"));

        assertThat(kinds(market.submit(order(BOB, BUY).limit(usd(29_000)).quantity(lots(1)).gtc().clientOrderId("same"))))
            .startsWith("OrderAccepted");
    }

    @Test
    void shouldTreatAnotherAccountsOrderAsUnknown()
    {
        final long bid = market.rest(ALICE, BUY, 29_000, 10);

        final List<EngineEvent> events = market.submit(Commands.cancelOrder().account(BOB).orderId(bid));

        assertThat(rejectReason(events)).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(((EngineEvent.CommandRejected)events.get(0)).instrumentId()).isZero();
        assertThat(market.book()).hasSize(1);
    }

    @Test
    void shouldMassCancelEveryOpenOrderOfTheAccountInOrderIdOrder()
    {
        final long bid = market.rest(ALICE, BUY, 29_000, 10);
        final long stop = Market.acceptedId(market.submit(order(ALICE, SELL).stop(usd(29_500)).quantity(lots(1)).ioc()));
        final long ask = market.rest(ALICE, SELL, 31_000, 10);
        final long others = market.rest(BOB, SELL, 31_000, 10);

        final List<EngineEvent> events = market.submit(Commands.massCancel().account(ALICE));

        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly(bid, stop, ask);
        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::reason).containsOnly(CancelReason.MASS_CANCEL);
        assertThat(only(events, MassCancelCompleted.class).get(0).cancelledCount()).isEqualTo(3);
        assertThat(market.book()).hasSize(1).first().asString().startsWith("ask " + others);
        assertThat(market.balance(ALICE, USD)).isEqualTo("total=" + USD_DEPOSIT + " held=0");
        assertThat(market.balance(ALICE, BTC)).isEqualTo("total=" + BTC_DEPOSIT + " held=0");
    }

    @Test
    void shouldAnswerAMassCancelWithNothingOpen()
    {
        assertThat(kinds(market.submit(Commands.massCancel().account(ALICE).instrument(BTC_USD))))
            .containsExactly("MassCancelCompleted");
    }

    @Test
    void shouldRefuseNewOrdersAndAmendsWhileHaltedButAllowCancels()
    {
        final long bid = market.rest(ALICE, BUY, 29_000, 10);

        final List<EngineEvent> halt = market.submit(Commands.haltInstrument().instrument(BTC_USD));

        assertThat(only(halt, InstrumentStatusChanged.class).get(0).status()).isEqualTo(InstrumentStatus.HALTED);
        assertThat(rejectReason(market.submit(order(BOB, SELL).limit(usd(29_000)).quantity(lots(1)).gtc())))
            .isEqualTo(RejectReason.INSTRUMENT_HALTED);
        assertThat(rejectReason(market.submit(
            Commands.replaceOrder().account(ALICE).orderId(bid).price(usd(29_000)).quantity(lots(1)))))
            .isEqualTo(RejectReason.INSTRUMENT_HALTED);
        assertThat(kinds(market.submit(Commands.cancelOrder().account(ALICE).orderId(bid)))).startsWith("OrderCancelled");

        market.submit(Commands.resumeInstrument().instrument(BTC_USD));
        assertThat(kinds(market.submit(order(BOB, SELL).limit(usd(29_000)).quantity(lots(1)).gtc()))).startsWith("OrderAccepted");
    }

    @Test
    void shouldCancelEveryOrderOfTheInstrumentWhenAHaltSaysSo()
    {
        final long bid = market.rest(ALICE, BUY, 29_000, 10);
        final long ask = market.rest(BOB, SELL, 31_000, 10);

        final List<EngineEvent> events = market.submit(Commands.haltInstrument().instrument(BTC_USD).cancelOrders());

        assertThat(kinds(events).get(0)).isEqualTo("InstrumentStatusChanged");
        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::orderId, OrderCancelled::reason).containsExactly(
            org.assertj.core.groups.Tuple.tuple(bid, CancelReason.HALT),
            org.assertj.core.groups.Tuple.tuple(ask, CancelReason.HALT));
        assertThat(market.book()).isEmpty();
    }

    @Test
    void shouldRejectHaltingTwiceAndResumingATradingInstrument()
    {
        assertThat(rejectReason(market.submit(Commands.resumeInstrument().instrument(BTC_USD))))
            .isEqualTo(RejectReason.INSTRUMENT_NOT_HALTED);
        market.submit(Commands.haltInstrument().instrument(BTC_USD));
        assertThat(rejectReason(market.submit(Commands.haltInstrument().instrument(BTC_USD))))
            .isEqualTo(RejectReason.INSTRUMENT_HALTED);
    }
}
