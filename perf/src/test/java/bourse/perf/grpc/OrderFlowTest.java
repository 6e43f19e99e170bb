package bourse.perf.grpc;

import bourse.v1.Side;
import bourse.v1.StpMode;
import bourse.v1.SubmitOrderRequest;
import bourse.v1.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFlowTest
{
    private final OrderFlow flow = new OrderFlow(List.of("BTC-USD-1", "BTC-USD-2"));

    @Test
    void shouldPairEachMakersRestingOrderWithATakersIocOnTheOtherSideOfTheSameBook()
    {
        final SubmitOrderRequest maker = flow.order(7, 0);
        final SubmitOrderRequest taker = flow.order(7, 1);

        assertThat(maker.getInstrument()).isEqualTo(taker.getInstrument()).isEqualTo("BTC-USD-1");
        assertThat(maker.getTimeInForce()).isEqualTo(TimeInForce.TIME_IN_FORCE_GTC);
        assertThat(maker.getStpMode()).as("a maker order cancels its own older one").isEqualTo(StpMode.STP_MODE_CANCEL_OLDEST);
        assertThat(taker.getTimeInForce()).isEqualTo(TimeInForce.TIME_IN_FORCE_IOC);
        assertThat(taker.getStpMode()).isEqualTo(StpMode.STP_MODE_ACCOUNT_DEFAULT);
        assertThat(maker.getSide()).isNotEqualTo(taker.getSide());
        assertThat(maker.getPrice()).isEqualTo(taker.getPrice()).isEqualTo("64000");
        assertThat(maker.getQuantity()).isEqualTo(taker.getQuantity()).isEqualTo("0.01");
    }

    @Test
    void shouldSpreadCyclesOverThePairsAndTurnTheMakersSideEveryRound()
    {
        assertThat(flow.order(1, 2).getInstrument()).isEqualTo("BTC-USD-2");
        assertThat(flow.order(1, 4).getInstrument()).isEqualTo("BTC-USD-1");
        assertThat(flow.order(1, 0).getSide()).isEqualTo(Side.SIDE_SELL);
        assertThat(flow.order(1, 2).getSide()).isEqualTo(Side.SIDE_SELL);
        assertThat(flow.order(1, 4).getSide()).as("the next round on the first pair").isEqualTo(Side.SIDE_BUY);
        assertThat(flow.order(1, 5).getSide()).isEqualTo(Side.SIDE_SELL);
    }

    @Test
    void shouldNameEachRequestByAClientOrderIdNeverRepeatedAndReadItBack()
    {
        final long run = OrderFlow.nextRun();
        final Set<String> ids = new HashSet<>();
        for (long index = 0; index < 1_000; index++)
        {
            final String id = flow.order(run, index).getClientOrderId();
            assertThat(ids.add(id)).isTrue();
            assertThat(OrderFlow.indexIn(run, id)).isEqualTo(index);
            assertThat(OrderFlow.indexIn(run + 1, id)).as("not of another run").isEqualTo(-1);
        }
        assertThat(OrderFlow.nextRun()).isGreaterThan(run);
        assertThat(OrderFlow.indexIn(run, "someone-else's")).isEqualTo(-1);
        assertThat(OrderFlow.indexIn(run, "42")).isEqualTo(-1);
    }
}
