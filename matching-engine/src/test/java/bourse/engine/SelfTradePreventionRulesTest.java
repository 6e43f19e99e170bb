package bourse.engine;

import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.EngineEvent.OrderCancelled;
import bourse.engine.testing.EngineEvent.Trade;
import bourse.sbe.CancelReason;
import bourse.sbe.StpMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static bourse.engine.Market.ALICE;
import static bourse.engine.Market.BOB;
import static bourse.engine.Market.lots;
import static bourse.engine.Market.only;
import static bourse.engine.Market.order;
import static bourse.engine.Market.usd;
import static bourse.sbe.Side.BUY;
import static bourse.sbe.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** An account never trades with itself; the taker's mode decides which side goes. */
class SelfTradePreventionRulesTest
{
    private final Market market = new Market();

    @Test
    void shouldCancelTheIncomingOrderWithCancelNewestAndKeepTheRestingOne()
    {
        final long resting = market.rest(ALICE, SELL, 30_000, 10);

        final List<EngineEvent> events =
            market.submit(order(ALICE, BUY).limit(usd(30_000)).quantity(lots(5)).gtc().stp(StpMode.CANCEL_NEWEST));

        final long incoming = Market.acceptedId(events);
        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::orderId, OrderCancelled::reason)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(incoming, CancelReason.SELF_TRADE_PREVENTION));
        assertThat(market.book()).hasSize(1).first().asString().startsWith("ask " + resting);
    }

    @Test
    void shouldCancelTheRestingOrderWithCancelOldestAndGoOnMatching()
    {
        final long own = market.rest(ALICE, SELL, 30_000, 10);
        final long other = market.rest(BOB, SELL, 30_000, 10);

        final List<EngineEvent> events =
            market.submit(order(ALICE, BUY).limit(usd(30_000)).quantity(lots(5)).gtc().stp(StpMode.CANCEL_OLDEST));

        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly(own);
        assertThat(only(events, Trade.class)).extracting(Trade::makerOrderId).containsExactly(other);
    }

    @Test
    void shouldCancelBothWithCancelBoth()
    {
        final long own = market.rest(ALICE, SELL, 30_000, 10);
        market.rest(BOB, SELL, 30_000, 10);

        final List<EngineEvent> events =
            market.submit(order(ALICE, BUY).limit(usd(30_000)).quantity(lots(5)).gtc().stp(StpMode.CANCEL_BOTH));

        final long incoming = Market.acceptedId(events);
        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly(own, incoming);
        assertThat(only(events, Trade.class)).isEmpty();
    }

    @Test
    void shouldUseTheAccountsDefaultModeWhenTheOrderDoesNotChoose()
    {
        final long dave = 4;
        market.venue.withAccount(dave, StpMode.CANCEL_OLDEST)
            .withDeposit(dave, Market.USD, usd(100_000)).withDeposit(dave, Market.BTC, lots(100));
        final long own = market.rest(dave, SELL, 30_000, 10);

        final List<EngineEvent> events = market.submit(order(dave, BUY).limit(usd(30_000)).quantity(lots(5)).gtc());

        assertThat(only(events, EngineEvent.OrderAccepted.class).get(0).stpMode()).isEqualTo(StpMode.CANCEL_OLDEST);
        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly(own);
    }
}
