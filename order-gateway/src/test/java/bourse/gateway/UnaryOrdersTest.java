package bourse.gateway;

import bourse.v1.CancelAllRequest;
import bourse.v1.CancelAllResponse;
import bourse.v1.CancelOrderRequest;
import bourse.v1.CancelOrderResponse;
import bourse.v1.CancelReason;
import bourse.v1.ExecutionReport;
import bourse.v1.ExecutionType;
import bourse.v1.GetOrderRequest;
import bourse.v1.Instrument;
import bourse.v1.InstrumentStatus;
import bourse.v1.Liquidity;
import bourse.v1.ListInstrumentsRequest;
import bourse.v1.ListOpenOrdersRequest;
import bourse.v1.OrderState;
import bourse.v1.OrderType;
import bourse.v1.RejectReason;
import bourse.v1.ReplaceOrderRequest;
import bourse.v1.ReplaceOrderResponse;
import bourse.v1.Side;
import bourse.v1.StpMode;
import bourse.v1.SubmitOrderRequest;
import bourse.v1.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static bourse.gateway.Venue.BTC_USD;
import static bourse.gateway.Venue.ETH_USD;
import static bourse.gateway.Venue.limit;
import static bourse.gateway.Venue.place;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unary order RPCs against a real engine: what each answers, with the order's state, quantities,
 * average price and last fill as the engine's events left them, and the engine's refusals as answers.
 */
class UnaryOrdersTest
{
    @RegisterExtension
    static final SharedVenue venue = new SharedVenue();

    @Test
    void shouldRestALimitOrderAndReportItNew()
    {
        final Trader alice = venue.trader();

        final ExecutionReport report = alice.orders.submitOrder(limit("rest-1", Side.SIDE_BUY, "29990", "0.05")).getReport();

        assertThat(report.getOrderId()).isPositive();
        assertThat(report.getClientOrderId()).isEqualTo("rest-1");
        assertThat(report.getInstrument()).isEqualTo(BTC_USD);
        assertThat(report.getSide()).isEqualTo(Side.SIDE_BUY);
        assertThat(report.getType()).isEqualTo(OrderType.ORDER_TYPE_LIMIT);
        assertThat(report.getTimeInForce()).isEqualTo(TimeInForce.TIME_IN_FORCE_GTC);
        assertThat(report.getStpMode()).as("resolved from the account").isEqualTo(StpMode.STP_MODE_CANCEL_NEWEST);
        assertThat(report.getPrice()).isEqualTo("29990.00");
        assertThat(report.getQuantity()).isEqualTo("0.05000000");
        assertThat(report.getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_NEW);
        assertThat(report.getState()).isEqualTo(OrderState.ORDER_STATE_NEW);
        assertThat(report.getCumulativeQuantity()).isEqualTo("0.00000000");
        assertThat(report.getRemainingQuantity()).isEqualTo("0.05000000");
        assertThat(report.getAveragePrice()).isEmpty();
        assertThat(report.hasLastFill()).isFalse();
        assertThat(report.getEngineSequence()).isPositive();
        assertThat(report.getTransactTimeNs()).isPositive();
    }

    @Test
    void shouldReportFillsWithCumulativeQuantityAveragePriceAndLastFill()
    {
        final Trader maker = venue.trader();
        final Trader taker = venue.trader();
        // Asks above every bid of these tests, and trades near 30000, so that the price band stays put.
        final long makerOrder = place(maker, limit("ask-1", Side.SIDE_SELL, "30001.00", "0.02")).getOrderId();
        place(maker, limit("ask-2", Side.SIDE_SELL, "30002.00", "0.02"));

        final ExecutionReport taken = taker.orders.submitOrder(SubmitOrderRequest.newBuilder(
            limit("lift", Side.SIDE_BUY, "30002.00", "0.03")).setTimeInForce(TimeInForce.TIME_IN_FORCE_IOC).build()).getReport();

        assertThat(taken.getState()).isEqualTo(OrderState.ORDER_STATE_FILLED);
        assertThat(taken.getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_TRADE);
        assertThat(taken.getCumulativeQuantity()).isEqualTo("0.03000000");
        assertThat(taken.getRemainingQuantity()).isEqualTo("0.00000000");
        // (0.02 × 30001 + 0.01 × 30002) / 0.03, to 6 more decimals than a price has.
        assertThat(taken.getAveragePrice()).isEqualTo("30001.33333333");
        assertThat(taken.getLastFill().getPrice()).isEqualTo("30002.00");
        assertThat(taken.getLastFill().getQuantity()).isEqualTo("0.01000000");
        assertThat(taken.getLastFill().getLiquidity()).isEqualTo(Liquidity.LIQUIDITY_TAKER);
        // 0.2 % of 300.02 USD, in cents, rounded down.
        assertThat(taken.getLastFill().getFee()).isEqualTo("0.60");
        assertThat(taken.getLastFill().getFeeAsset()).isEqualTo("USD");

        final ExecutionReport filledMaker = maker.orders.getOrder(GetOrderRequest.newBuilder().setOrderId(makerOrder).build())
            .getReport();
        assertThat(filledMaker.getState()).isEqualTo(OrderState.ORDER_STATE_FILLED);
        assertThat(filledMaker.getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_ORDER_STATUS);
        assertThat(filledMaker.getAveragePrice()).isEqualTo("30001.00");
        assertThat(filledMaker.getLastFill().getLiquidity()).isEqualTo(Liquidity.LIQUIDITY_MAKER);
        assertThat(filledMaker.getLastFill().getFee()).as("0.1 % of 600.02 USD").isEqualTo("0.60");
        final ExecutionReport partial = maker.orders.getOrder(GetOrderRequest.newBuilder().setClientOrderId("ask-2").build())
            .getReport();
        assertThat(partial.getState()).isEqualTo(OrderState.ORDER_STATE_PARTIALLY_FILLED);
        assertThat(partial.getCumulativeQuantity()).isEqualTo("0.01000000");
        assertThat(partial.getRemainingQuantity()).isEqualTo("0.01000000");
    }

    @Test
    void shouldCancelTheIocRemainderAndSayWhy()
    {
        final Trader trader = venue.trader();

        final ExecutionReport report = trader.orders.submitOrder(SubmitOrderRequest.newBuilder(
            limit("ioc", Side.SIDE_BUY, "28001", "0.01")).setTimeInForce(TimeInForce.TIME_IN_FORCE_IOC).build()).getReport();

        assertThat(report.getState()).isEqualTo(OrderState.ORDER_STATE_CANCELLED);
        assertThat(report.getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_CANCELLED);
        assertThat(report.getCancelReason()).isEqualTo(CancelReason.CANCEL_REASON_IOC_REMAINDER);
        assertThat(report.getRemainingQuantity()).isEqualTo("0.00000000");
    }

    @Test
    void shouldCancelByOrderIdOrByClientOrderId()
    {
        final Trader trader = venue.trader();
        final long first = place(trader, limit("c1", Side.SIDE_BUY, "28000", "0.01")).getOrderId();
        place(trader, limit("c2", Side.SIDE_BUY, "28000", "0.01"));

        final CancelOrderResponse byId = trader.orders.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(first).build());
        final CancelOrderResponse byClientId =
            trader.orders.cancelOrder(CancelOrderRequest.newBuilder().setClientOrderId("c2").build());

        assertThat(byId.getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_UNSPECIFIED);
        assertThat(byId.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_CANCELLED);
        assertThat(byId.getReport().getCancelReason()).isEqualTo(CancelReason.CANCEL_REASON_USER);
        assertThat(byId.getEngineSequence()).isEqualTo(byId.getReport().getEngineSequence());
        assertThat(byClientId.getReport().getClientOrderId()).isEqualTo("c2");
        assertThat(byClientId.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_CANCELLED);
        assertThat(openOrders(trader, "")).isEmpty();
    }

    @Test
    void shouldAnswerTheEnginesRefusalToCancelAFinishedOrder()
    {
        final Trader trader = venue.trader();
        final long orderId = place(trader, limit("twice", Side.SIDE_BUY, "28000", "0.01")).getOrderId();
        trader.orders.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(orderId).build());

        final CancelOrderResponse again = trader.orders.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(orderId).build());

        assertThat(again.getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_UNKNOWN_ORDER);
        assertThat(again.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_CANCELLED);
        assertThat(again.getReport().getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_ORDER_STATUS);
    }

    @Test
    void shouldAnswerAnEngineRejectAsAResponseWithItsReason()
    {
        final Trader trader = venue.trader();

        final ExecutionReport offTick = trader.orders.submitOrder(limit("tick", Side.SIDE_BUY, "29999.50", "0.01")).getReport();
        final ExecutionReport tooRich = trader.orders.submitOrder(SubmitOrderRequest.newBuilder(
            limit("rich", Side.SIDE_BUY, "1999.90", "999.9")).setInstrument(ETH_USD).build()).getReport();
        final ExecutionReport outsideBand = trader.orders.submitOrder(limit("band", Side.SIDE_SELL, "40000", "0.01")).getReport();

        assertThat(offTick.getState()).isEqualTo(OrderState.ORDER_STATE_REJECTED);
        assertThat(offTick.getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_REJECTED);
        assertThat(offTick.getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_PRICE_NOT_ON_TICK);
        assertThat(offTick.getOrderId()).isZero();
        assertThat(offTick.getClientOrderId()).isEqualTo("tick");
        assertThat(tooRich.getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_INSUFFICIENT_BALANCE);
        assertThat(outsideBand.getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_PRICE_OUTSIDE_BAND);
    }

    @Test
    void shouldReplaceKeepingThePlaceOrMovingToANewPrice()
    {
        final Trader trader = venue.trader();
        final long orderId = place(trader, limit("amend", Side.SIDE_BUY, "28100", "0.05")).getOrderId();

        final ReplaceOrderResponse smaller = trader.orders.replaceOrder(ReplaceOrderRequest.newBuilder()
            .setOrderId(orderId).setPrice("28100").setQuantity("0.03").build());
        final ReplaceOrderResponse repriced = trader.orders.replaceOrder(ReplaceOrderRequest.newBuilder()
            .setClientOrderId("amend").setPrice("28200.00").setQuantity("0.04").build());

        assertThat(smaller.getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_UNSPECIFIED);
        assertThat(smaller.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_REPLACED);
        assertThat(smaller.getReport().getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_REPLACED);
        assertThat(smaller.getReport().getRemainingQuantity()).isEqualTo("0.03000000");
        assertThat(repriced.getReport().getPrice()).isEqualTo("28200.00");
        assertThat(repriced.getReport().getQuantity()).isEqualTo("0.04000000");
        assertThat(repriced.getReport().getOrderId()).isEqualTo(orderId);
    }

    @Test
    void shouldAnswerTheEnginesRefusalToReplace()
    {
        final Trader trader = venue.trader();
        final long orderId = place(trader, limit("bad-amend", Side.SIDE_BUY, "28100", "0.05")).getOrderId();

        final ReplaceOrderResponse offLot = trader.orders.replaceOrder(ReplaceOrderRequest.newBuilder()
            .setOrderId(orderId).setPrice("28100").setQuantity("0.015").build());

        assertThat(offLot.getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_QUANTITY_NOT_ON_LOT);
        assertThat(offLot.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_NEW);
        assertThat(offLot.getReport().getRemainingQuantity()).isEqualTo("0.05000000");
    }

    @Test
    void shouldCancelAllOrdersOfOneInstrumentOrOfAll()
    {
        final Trader trader = venue.trader();
        place(trader, limit("all-1", Side.SIDE_BUY, "28000", "0.01"));
        place(trader, limit("all-2", Side.SIDE_BUY, "28001", "0.01"));
        place(trader, SubmitOrderRequest.newBuilder(limit("all-3", Side.SIDE_BUY, "1900", "0.1")).setInstrument(ETH_USD).build());

        final CancelAllResponse eth = trader.orders.cancelAll(CancelAllRequest.newBuilder().setInstrument(ETH_USD).build());
        assertThat(eth.getCancelledCount()).isEqualTo(1);
        assertThat(openOrders(trader, "")).extracting(ExecutionReport::getClientOrderId).containsExactly("all-1", "all-2");

        final CancelAllResponse all = trader.orders.cancelAll(CancelAllRequest.getDefaultInstance());
        assertThat(all.getCancelledCount()).isEqualTo(2);
        assertThat(all.getEngineSequence()).isGreaterThan(eth.getEngineSequence());
        assertThat(openOrders(trader, "")).isEmpty();
        assertThat(trader.orders.getOrder(GetOrderRequest.newBuilder().setClientOrderId("all-2").build()).getReport()
            .getCancelReason()).isEqualTo(CancelReason.CANCEL_REASON_MASS_CANCEL);
    }

    @Test
    void shouldListOpenOrdersByOrderIdAndFilterByInstrument()
    {
        final Trader trader = venue.trader();
        final long first = place(trader, limit("l1", Side.SIDE_BUY, "28000", "0.01")).getOrderId();
        final long eth = place(trader,
            SubmitOrderRequest.newBuilder(limit("l2", Side.SIDE_SELL, "2100", "0.2")).setInstrument(ETH_USD).build()).getOrderId();
        final long third = place(trader, limit("l3", Side.SIDE_SELL, "32500", "0.01")).getOrderId();

        assertThat(openOrders(trader, "")).extracting(ExecutionReport::getOrderId).containsExactly(first, eth, third);
        assertThat(openOrders(trader, ETH_USD)).extracting(ExecutionReport::getOrderId).containsExactly(eth);
        assertThat(openOrders(trader, "")).allSatisfy(order ->
            assertThat(order.getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_ORDER_STATUS));
    }

    @Test
    void shouldListInstrumentsWithTheirNumbersAsDecimals()
    {
        final List<Instrument> instruments =
            venue.trader().orders.listInstruments(ListInstrumentsRequest.getDefaultInstance()).getInstrumentsList();

        assertThat(instruments).extracting(Instrument::getSymbol).containsExactly(BTC_USD, ETH_USD);
        final Instrument btcUsd = instruments.get(0);
        assertThat(btcUsd.getBaseAsset()).isEqualTo("BTC");
        assertThat(btcUsd.getQuoteAsset()).isEqualTo("USD");
        assertThat(btcUsd.getPriceScale()).isEqualTo(2);
        assertThat(btcUsd.getQuantityScale()).isEqualTo(8);
        assertThat(btcUsd.getTickSize()).isEqualTo("1.00");
        assertThat(btcUsd.getLotSize()).isEqualTo("0.01000000");
        assertThat(btcUsd.getMaxQuantity()).isEqualTo("10.00000000");
        assertThat(btcUsd.getPriceBandBps()).isEqualTo(1_000);
        assertThat(btcUsd.getTakerFeePpm()).isEqualTo(2_000);
        assertThat(btcUsd.getStatus()).isEqualTo(InstrumentStatus.INSTRUMENT_STATUS_TRADING);
    }

    @Test
    void shouldPlaceEveryOrderTypeAndOption()
    {
        final Trader trader = venue.trader();
        final SubmitOrderRequest base = limit("", Side.SIDE_BUY, "28000", "0.03");

        final ExecutionReport iceberg = place(trader, SubmitOrderRequest.newBuilder(base).setClientOrderId("iceberg")
            .setDisplayQuantity("0.01").build());
        final ExecutionReport postOnly = place(trader, SubmitOrderRequest.newBuilder(base).setClientOrderId("post")
            .setPostOnly(true).build());
        final ExecutionReport stop = place(trader, SubmitOrderRequest.newBuilder(base).setClientOrderId("stop")
            .setType(OrderType.ORDER_TYPE_STOP).clearPrice().setStopPrice("32500").build());
        final ExecutionReport stopLimit = place(trader, SubmitOrderRequest.newBuilder(base).setClientOrderId("stop-limit")
            .setType(OrderType.ORDER_TYPE_STOP_LIMIT).setPrice("32600").setStopPrice("32500")
            .setStpMode(StpMode.STP_MODE_CANCEL_BOTH).build());
        // No test leaves an ETH-USD bid: the market sell finds nothing to take.
        final ExecutionReport market = trader.orders.submitOrder(SubmitOrderRequest.newBuilder(base).setClientOrderId("market")
            .setInstrument(ETH_USD).setQuantity("0.1").setType(OrderType.ORDER_TYPE_MARKET).setSide(Side.SIDE_SELL)
            .clearPrice().build()).getReport();
        final ExecutionReport fok = trader.orders.submitOrder(SubmitOrderRequest.newBuilder(base).setClientOrderId("fok")
            .setTimeInForce(TimeInForce.TIME_IN_FORCE_FOK).build()).getReport();

        assertThat(iceberg.getDisplayQuantity()).isEqualTo("0.01000000");
        assertThat(postOnly.getPostOnly()).isTrue();
        assertThat(stop.getType()).isEqualTo(OrderType.ORDER_TYPE_STOP);
        assertThat(stop.getTimeInForce()).as("the only one a stop takes").isEqualTo(TimeInForce.TIME_IN_FORCE_IOC);
        assertThat(stop.getStopPrice()).isEqualTo("32500.00");
        assertThat(stop.getPrice()).isEmpty();
        assertThat(stopLimit.getStpMode()).isEqualTo(StpMode.STP_MODE_CANCEL_BOTH);
        assertThat(stopLimit.getState()).isEqualTo(OrderState.ORDER_STATE_NEW);
        assertThat(market.getType()).isEqualTo(OrderType.ORDER_TYPE_MARKET);
        assertThat(market.getState()).isEqualTo(OrderState.ORDER_STATE_CANCELLED);
        assertThat(market.getCancelReason()).isEqualTo(CancelReason.CANCEL_REASON_IOC_REMAINDER);
        assertThat(fok.getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_FOK_CANNOT_FILL);
    }

    private static List<ExecutionReport> openOrders(final Trader trader, final String instrument)
    {
        return trader.orders.listOpenOrders(ListOpenOrdersRequest.newBuilder().setInstrument(instrument).build())
            .getOrdersList();
    }
}
