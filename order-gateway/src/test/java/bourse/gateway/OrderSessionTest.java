package bourse.gateway;

import bourse.v1.CancelAllRequest;
import bourse.v1.ExecutionReport;
import bourse.v1.ExecutionType;
import bourse.v1.GetOrderRequest;
import bourse.v1.Liquidity;
import bourse.v1.OrderState;
import bourse.v1.RejectReason;
import bourse.v1.ReplaceOrderRequest;
import bourse.v1.SessionOptions;
import bourse.v1.SessionRequest;
import bourse.v1.SessionResponse;
import bourse.v1.Side;
import bourse.v1.SubmitOrderRequest;
import bourse.v1.TimeInForce;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static bourse.gateway.Venue.limit;
import static bourse.gateway.Venue.place;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code OrderSession}: requests in, the session's reports out in engine order with the request ids they
 * answer; refusals that leave the session open; cancel-on-disconnect however the session ends; heartbeats.
 */
class OrderSessionTest
{
    private static final SessionOptions PLAIN = SessionOptions.getDefaultInstance();
    private static final SessionOptions CANCEL_ON_DISCONNECT = SessionOptions.newBuilder().setCancelOnDisconnect(true).build();
    @RegisterExtension
    static final SharedVenue venue = new SharedVenue();

    @Test
    void shouldStreamTheReportsOfTheSessionsOrdersWithTheRequestsTheyAnswer()
    {
        final Trader trader = venue.trader();
        final Trader other = venue.trader();
        final Session session = Session.open(trader, PLAIN);

        session.submit(1, limit("s-1", Side.SIDE_SELL, "30500", "0.02"));
        final ExecutionReport accepted = session.nextReport();
        other.orders.submitOrder(SubmitOrderRequest.newBuilder(limit("take", Side.SIDE_BUY, "30500", "0.01"))
            .setTimeInForce(TimeInForce.TIME_IN_FORCE_IOC).build());
        final SessionResponse fill = session.responses.next(SessionResponse::hasReport);
        session.cancel(2, accepted.getOrderId());
        final SessionResponse cancelled = session.responses.next(SessionResponse::hasReport);

        assertThat(accepted.getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_NEW);
        assertThat(accepted.getClientOrderId()).isEqualTo("s-1");
        assertThat(fill.getRequestId()).as("a fill nobody in the session asked for").isZero();
        assertThat(fill.getReport().getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_TRADE);
        assertThat(fill.getReport().getLastFill().getLiquidity()).isEqualTo(Liquidity.LIQUIDITY_MAKER);
        assertThat(fill.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_PARTIALLY_FILLED);
        assertThat(cancelled.getRequestId()).isEqualTo(2);
        assertThat(cancelled.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_CANCELLED);
        assertThat(cancelled.getReport().getEngineSequence()).isGreaterThan(fill.getReport().getEngineSequence());
        session.close();
        assertThat(session.responses.end().isOk()).isTrue();
    }

    @Test
    void shouldReportEveryStepOfAnOrderThatTradesAtOnceUnderItsRequestId()
    {
        final Trader maker = venue.trader();
        final Trader taker = venue.trader();
        place(maker, limit("m-1", Side.SIDE_SELL, "30600", "0.01"));
        final Session session = Session.open(taker, PLAIN);

        session.submit(7, SubmitOrderRequest.newBuilder(limit("t-1", Side.SIDE_BUY, "30600", "0.02"))
            .setTimeInForce(TimeInForce.TIME_IN_FORCE_IOC).build());

        final java.util.List<SessionResponse> steps = session.responses.next(3);
        assertThat(steps).allSatisfy(response -> assertThat(response.getRequestId()).isEqualTo(7))
            .extracting(response -> response.getReport().getExecutionType())
            .containsExactly(ExecutionType.EXECUTION_TYPE_NEW, ExecutionType.EXECUTION_TYPE_TRADE,
                ExecutionType.EXECUTION_TYPE_CANCELLED);
    }

    @Test
    void shouldAnswerRefusedRequestsAndGoOn()
    {
        final Trader trader = venue.trader();
        final Trader other = venue.trader();
        final long othersOrder = place(other, limit("theirs", Side.SIDE_BUY, "28000", "0.01")).getOrderId();
        final Session session = Session.open(trader, PLAIN);

        session.submit(1, limit("bad", Side.SIDE_BUY, "28000.001", "0.01"));
        final SessionResponse invalid = session.responses.next();
        session.cancel(2, othersOrder);
        final SessionResponse notFound = session.responses.next();
        session.send(SessionRequest.newBuilder().setRequestId(3).setOptions(CANCEL_ON_DISCONNECT).build());
        final SessionResponse lateOptions = session.responses.next();
        session.submit(4, limit("priced-off-tick", Side.SIDE_BUY, "28000.50", "0.01"));
        final SessionResponse engineReject = session.responses.next();
        session.submit(5, limit("fine", Side.SIDE_BUY, "28000", "0.01"));
        final ExecutionReport fine = session.nextReport();
        session.send(SessionRequest.newBuilder().setRequestId(6)
            .setReplace(ReplaceOrderRequest.newBuilder().setOrderId(fine.getOrderId()).setPrice("28000").setQuantity("0.015"))
            .build());
        final SessionResponse refusedReplace = session.responses.next();
        session.send(SessionRequest.newBuilder().setRequestId(8).setCancelAll(CancelAllRequest.getDefaultInstance()).build());
        final SessionResponse cancelledByAll = session.responses.next();
        final SessionResponse cancelAllDone = session.responses.next();

        assertThat(invalid.getRequestId()).isEqualTo(1);
        assertThat(invalid.getError().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
        assertThat(invalid.getError().getMessage()).isEqualTo("price: at most 2 decimals, not 28000.001");
        assertThat(notFound.getError().getCode()).isEqualTo(Status.Code.NOT_FOUND.value());
        assertThat(lateOptions.getError().getMessage()).isEqualTo("options: only as the first message of the session");
        assertThat(engineReject.getRequestId()).isEqualTo(4);
        assertThat(engineReject.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_REJECTED);
        assertThat(engineReject.getReport().getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_PRICE_NOT_ON_TICK);
        assertThat(fine.getState()).isEqualTo(OrderState.ORDER_STATE_NEW);
        assertThat(refusedReplace.getRequestId()).isEqualTo(6);
        assertThat(refusedReplace.getRejected().getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_QUANTITY_NOT_ON_LOT);
        assertThat(refusedReplace.getRejected().getOrderId()).isEqualTo(fine.getOrderId());
        assertThat(cancelledByAll.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_CANCELLED);
        assertThat(cancelAllDone.getRequestId()).isEqualTo(8);
        assertThat(cancelAllDone.getCancelAll().getCancelledCount()).isEqualTo(1);
    }

    @Test
    void shouldAnswerARepeatedClientOrderIdWithTheOriginalOrder()
    {
        final Trader trader = venue.trader();
        final Session session = Session.open(trader, PLAIN);
        session.submit(1, limit("again", Side.SIDE_BUY, "28000", "0.01"));
        final ExecutionReport first = session.nextReport();

        session.submit(2, limit("again", Side.SIDE_BUY, "28000", "0.01"));
        final SessionResponse repeated = session.responses.next();

        assertThat(repeated.getRequestId()).isEqualTo(2);
        assertThat(repeated.getReport().getOrderId()).isEqualTo(first.getOrderId());
        assertThat(repeated.getReport().getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_ORDER_STATUS);
    }

    @Test
    void shouldCancelTheSessionsOpenOrdersWhenItsConnectionDrops()
    {
        final Trader trader = venue.trader();
        final long unaryOrder = place(trader, limit("unary", Side.SIDE_BUY, "28000", "0.01")).getOrderId();
        final Session withCancel = Session.open(trader, CANCEL_ON_DISCONNECT);
        final Session without = Session.open(trader, PLAIN);
        withCancel.submit(1, limit("cod-1", Side.SIDE_BUY, "28000", "0.01"));
        withCancel.submit(2, limit("cod-2", Side.SIDE_SELL, "31000", "0.01"));
        without.submit(1, limit("kept", Side.SIDE_BUY, "28000", "0.01"));
        final long first = withCancel.nextReport().getOrderId();
        final long second = withCancel.nextReport().getOrderId();
        final long kept = without.nextReport().getOrderId();

        withCancel.drop();
        without.drop();

        awaitState(trader, first, OrderState.ORDER_STATE_CANCELLED);
        awaitState(trader, second, OrderState.ORDER_STATE_CANCELLED);
        assertThat(state(trader, kept)).isEqualTo(OrderState.ORDER_STATE_NEW);
        assertThat(state(trader, unaryOrder)).isEqualTo(OrderState.ORDER_STATE_NEW);
    }

    @Test
    void shouldCancelOnDisconnectAnOrderThatWasStillOnItsWay()
    {
        final Trader trader = venue.trader();
        final Session session = Session.open(trader, CANCEL_ON_DISCONNECT);
        venue.pauseEngine();
        try
        {
            session.submit(1, limit("in-flight", Side.SIDE_BUY, "28000", "0.01"));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            session.drop();
        }
        finally
        {
            venue.resumeEngine();
        }

        Venue.eventually("the order to be placed and then cancelled", () -> OrderState.ORDER_STATE_CANCELLED.equals(
            trader.orders.getOrder(GetOrderRequest.newBuilder().setClientOrderId("in-flight").build()).getReport().getState()));
    }

    @Test
    void shouldCancelOnDisconnectWhenTheClientClosesTheSessionToo()
    {
        final Trader trader = venue.trader();
        final Session session = Session.open(trader, CANCEL_ON_DISCONNECT);
        session.submit(1, limit("closing", Side.SIDE_BUY, "28000", "0.01"));
        final long orderId = session.nextReport().getOrderId();

        session.close();

        assertThat(session.responses.end().isOk()).isTrue();
        awaitState(trader, orderId, OrderState.ORDER_STATE_CANCELLED);
    }

    @Test
    void shouldEndASessionWhoseClientFallsSilentAndCancelItsOrders()
    {
        final Trader trader = venue.trader();
        final Session session = Session.open(trader, SessionOptions.newBuilder()
            .setCancelOnDisconnect(true).setHeartbeatIntervalMs(100).build());
        session.submit(1, limit("silent", Side.SIDE_BUY, "28000", "0.01"));
        final long orderId = session.nextReport().getOrderId();

        final SessionResponse heartbeat = session.responses.next();
        final Status end = session.responses.end();

        assertThat(heartbeat.hasHeartbeat()).as("the gateway's heartbeat while nothing else happens").isTrue();
        assertThat(end.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(end.getDescription()).isEqualTo("nothing from the client for 3 heartbeat intervals (300 ms)");
        awaitState(trader, orderId, OrderState.ORDER_STATE_CANCELLED);
    }

    @Test
    void shouldKeepASessionWhoseClientSendsHeartbeats()
    {
        final Trader trader = venue.trader();
        final Session session = Session.open(trader, SessionOptions.newBuilder().setHeartbeatIntervalMs(100).build());

        for (int i = 0; i < 12; i++)
        {
            session.heartbeat();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        session.submit(1, limit("alive", Side.SIDE_BUY, "28000", "0.01"));

        assertThat(session.nextReport().getState()).isEqualTo(OrderState.ORDER_STATE_NEW);
        assertThat(session.responses.hasEnded()).isFalse();
    }

    @Test
    void shouldRefuseHeartbeatIntervalsOutOfRange()
    {
        final Received<SessionResponse> responses = new Received<>();
        venue.trader().ordersAsync.orderSession(responses)
            .onNext(SessionRequest.newBuilder().setOptions(SessionOptions.newBuilder().setHeartbeatIntervalMs(5)).build());

        final Status end = responses.end();

        assertThat(end.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(end.getDescription()).isEqualTo("options.heartbeat_interval_ms: 0 (none) or between 100 and 60000");
    }

    private static OrderState state(final Trader trader, final long orderId)
    {
        return trader.orders.getOrder(GetOrderRequest.newBuilder().setOrderId(orderId).build()).getReport().getState();
    }

    private static void awaitState(final Trader trader, final long orderId, final OrderState expected)
    {
        Venue.eventually("order " + orderId + " to be " + expected, () -> state(trader, orderId) == expected);
    }
}
